"""The main menu and footer links, edited by staff."""

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    panels = [
        InlinePanel("main_menu_items", heading=_("Main menu"), label=_("Menu item")),
        InlinePanel("footer_links", heading=_("Footer links"), label=_("Link")),
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


class MainMenuItem(NavigationLink):
    navigation = ParentalKey(
        NavigationSettings, on_delete=models.CASCADE, related_name="main_menu_items"
    )

    class Meta(NavigationLink.Meta):
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")


class FooterLink(NavigationLink):
    navigation = ParentalKey(
        NavigationSettings, on_delete=models.CASCADE, related_name="footer_links"
    )

    class Meta(NavigationLink.Meta):
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")
