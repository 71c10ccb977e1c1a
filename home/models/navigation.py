"""The main menu and footer links, edited by staff in each language.

``Navigation`` is a translatable snippet; its items are translatable too, so
a French menu has French labels. ``NavigationSettings`` names the site's
navigation, as Wagtail advises for text that settings cannot translate.
"""

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, TranslatableMixin


class Navigation(TranslatableMixin, ClusterableModel):
    """The main menu and footer links of a site, in one language."""

    name = models.CharField(
        _("name"),
        max_length=60,
        default="Main navigation",
        help_text=_("To tell navigations apart in the admin."),
    )

    panels = [
        FieldPanel("name"),
        InlinePanel("main_menu_items", heading=_("Main menu"), label=_("Menu item")),
        InlinePanel("footer_links", heading=_("Footer links"), label=_("Link")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation")
        verbose_name_plural = _("navigations")

    def __str__(self):
        return self.name


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    navigation = models.ForeignKey(
        Navigation,
        verbose_name=_("navigation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The navigation in the default language; readers see its "
            "translation in theirs."
        ),
    )

    select_related = ["navigation", "navigation__locale"]

    panels = [
        HelpPanel(
            content=_(
                "The menu items and footer links are in Snippets > Navigations, "
                "one navigation per language. Translate the navigation there to "
                "give French readers French labels."
            )
        ),
        FieldPanel("navigation"),
    ]

    class Meta:
        verbose_name = _("navigation")
        verbose_name_plural = _("navigation")


class NavigationLink(Orderable):
    """A link to a page of the site or to another address."""

    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(
        _("or address"),
        blank=True,
        help_text=_("For a link to another website."),
    )
    label = models.CharField(
        _("label"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty to use the page's title."),
    )

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(
                {"link_page": _("Choose a page or enter an address, not both.")}
                if self.link_page_id
                else {"link_page": _("Choose a page or enter an address.")}
            )
        if self.link_url and not self.label:
            raise ValidationError({"label": _("Give a link to an address a label.")})

    @property
    def text(self) -> str:
        return self.label or (self.link_page.title if self.link_page else "")


class MainMenuItem(TranslatableMixin, NavigationLink):
    navigation = ParentalKey(
        Navigation, on_delete=models.CASCADE, related_name="main_menu_items"
    )

    class Meta(TranslatableMixin.Meta, NavigationLink.Meta):
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")


class FooterLink(TranslatableMixin, NavigationLink):
    navigation = ParentalKey(
        Navigation, on_delete=models.CASCADE, related_name="footer_links"
    )

    class Meta(TranslatableMixin.Meta, NavigationLink.Meta):
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")
