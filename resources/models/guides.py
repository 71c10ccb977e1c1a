"""The guide library: an index page and the guides under it."""

import math
from typing import Any

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail_localize.fields import SynchronizedField

from django import forms
from django.conf import settings
from django.db import models
from django.shortcuts import redirect
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import prefetch_renditions
from home.models.mixins import HeroImageMixin
from resources.admin_forms import GuidePageForm
from resources.blocks import GuideStreamBlock
from resources.models.views import VIEW_HEADER
from resources.page_context import guide_context, guide_listing
from resources.views import guide_feedback

WORDS_PER_MINUTE = 200


def _text_in(value: Any) -> list[str]:
    """Collect every string in a stream's raw data, without rendering it."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [
            text
            for key, item in value.items()
            if key not in ("type", "id")
            for text in _text_in(item)
        ]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _text_in(item)]
    return []


class GuideIndexPage(Page):
    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "featured_guides",
            heading=_("Featured guides"),
            label=_("Guide"),
            max_num=6,
            help_text=_("Shown first, above the list, when no filter is chosen."),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.GuidePage"]

    class Meta:
        verbose_name = _("guide index page")
        verbose_name_plural = _("guide index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guides = GuidePage.objects.live().child_of(self)
        context.update(guide_listing(request, self, guides, self.featured_guides))
        return context


class ChosenGuide(Orderable):
    """A guide that staff pick, in the order they set."""

    guide = models.ForeignKey(
        "resources.GuidePage",
        verbose_name=_("guide"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("guide")]

    class Meta(Orderable.Meta):
        abstract = True


class FeaturedGuide(ChosenGuide):
    index_page = ParentalKey(
        GuideIndexPage, on_delete=models.CASCADE, related_name="featured_guides"
    )

    class Meta(ChosenGuide.Meta):
        verbose_name = _("featured guide")
        verbose_name_plural = _("featured guides")


class GuidePage(RoutablePageMixin, HeroImageMixin, Page):
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences: the question this guide answers."),
    )
    topics = ParentalManyToManyField(
        "resources.Topic", verbose_name=_("topics"), related_name="guides", blank=True
    )
    stages = ParentalManyToManyField(
        "resources.HiringStage",
        verbose_name=_("hiring stages"),
        related_name="guides",
        help_text=_("Previous and next links follow the earliest stage chosen."),
    )
    body = StreamField(GuideStreamBlock(), verbose_name=_("body"))
    last_reviewed = models.DateField(
        _("last reviewed"),
        help_text=_("When someone last checked that the guide is accurate."),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time in minutes"), default=1, editable=False
    )

    # The required hiring stages and review date sit on the first tab, right
    # under the summary, so an editor meets them before the first save rather
    # than after a failed one on the Settings tab.
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("stages"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("reviewer")],
            heading=_("Review"),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
            heading=_("Image"),
        ),
        FieldPanel("body"),
        InlinePanel(
            "related_guides",
            heading=_("Related guides"),
            label=_("Guide"),
            max_num=3,
            help_text=_("Up to three; guides on the same topic fill the rest."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("last_reviewed"),
    ]

    base_form_class = GuidePageForm

    # wagtail-localize leaves many-to-many fields out of translations; copy
    # the classification as is (shown in the reader's language, filtered by
    # item). The review date and reviewer are synchronized by default.
    override_translatable_fields = [
        SynchronizedField("topics"),
        SynchronizedField("stages"),
    ]

    parent_page_types = ["resources.GuideIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def save(self, *args, **kwargs):
        words = len(strip_tags(" ".join(_text_in(list(self.body.raw_data)))).split())
        self.reading_minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_renditions(self.hero_image, self.body)
        context.update(guide_context(self, request))
        return context

    def serve(self, request, view=None, args=None, kwargs=None):
        """Mark the guide itself (not its routes) for the view counter.

        ``resources.middleware.GuideViewCounterMiddleware`` reads and removes
        the header, also from responses a page cache replays.
        """
        response = super().serve(request, view, args, kwargs)
        is_guide = view is None or view.__name__ == self.index_route.__name__
        if is_guide and request.method == "GET" and response.status_code == 200:
            response[VIEW_HEADER] = str(self.pk)
        return response

    @path("feedback/", name="feedback")
    def feedback(self, request):
        if request.method != "POST":
            return redirect(self.get_url(request))
        return guide_feedback(self, request)

    @property
    def reviewer_name(self) -> str:
        if self.reviewer is None:
            return ""
        return self.reviewer.get_full_name() or self.reviewer.get_username()

    def table_of_contents(self) -> list[dict]:
        """The body's headings, in order, with the anchors they render with."""
        return [
            {
                "text": block.value["text"],
                "anchor": block.value.anchor(),
                "level": block.value["level"],
            }
            for block in self.body
            if block.block_type == "heading"
        ]


class RelatedGuide(ChosenGuide):
    page = ParentalKey(
        GuidePage, on_delete=models.CASCADE, related_name="related_guides"
    )

    class Meta(ChosenGuide.Meta):
        verbose_name = _("related guide")
        verbose_name_plural = _("related guides")
