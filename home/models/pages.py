"""The home page and the standard content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import BlockWidget
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import (
    ContentStreamBlock,
    HomeStreamBlock,
    PathBlock,
    prefetch_renditions,
)
from home.figures import live_figures
from home.models.mixins import HeroImageMixin


class StoredStreamWidget(BlockWidget):
    """A StreamField's editor that reads the stored value when a post lacks one.

    Wagtail reads a stream through its hidden counts (``paths-count``); a post
    without them, or with a count that is not a number, raised a ``KeyError``
    and the editor got a server error. This widget answers with the value the
    form started from and remembers that the post was incomplete.
    """

    def __init__(self, block_def, stored_value, attrs=None):
        super().__init__(block_def, attrs=attrs)
        self.stored_value = stored_value
        self.incomplete = False

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (KeyError, ValueError):
            self.incomplete = True
            return self.stored_value


class StreamSafePageForm(WagtailAdminPageForm):
    """The page editor's form, with an incomplete stream as a form error.

    Nothing is saved then, and the form is shown again with the stored blocks.
    Any page type can use it as its ``base_form_class``.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field.widget, BlockWidget):
                field.widget = StoredStreamWidget(
                    field.widget.block_def,
                    self.get_initial_for_field(field, name),
                    attrs=field.widget.attrs,
                )

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            if getattr(field.widget, "incomplete", False):
                self.add_error(
                    name,
                    _(
                        "Part of the form did not arrive, so nothing was saved. "
                        "Please check this field and save again."
                    ),
                )
        return cleaned_data


class HomePage(HeroImageMixin, Page):
    hero_heading = models.CharField(_("heading"), max_length=120)
    hero_text = models.TextField(_("text"), max_length=400, blank=True)
    paths = StreamField(
        [("path", PathBlock())],
        verbose_name=_("paths"),
        max_num=3,
        blank=True,
        help_text=_("Up to three routes into the site: guides, pledge, workshops."),
    )
    body = StreamField(
        HomeStreamBlock(), verbose_name=_("featured content"), blank=True
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("paths"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    base_form_class = StreamSafePageForm

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_renditions(self.hero_image, self.paths, self.body)
        context["live_figures"] = live_figures(request)
        return context


class StandardPage(Page):
    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences shown under the title and in search."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    base_form_class = StreamSafePageForm

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_renditions(self.body)
        return context
