"""The site's words in each language: name, tagline, address, funder's credit.

Wagtail's site settings have one language only (wagtail/wagtail#11508), so
``SiteSettings`` links to this translatable snippet, as Wagtail advises, and
templates show its row in the reader's language (``{% site_text %}``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class SiteText(TranslatableMixin, models.Model):
    organization_name = models.CharField(
        _("organization name"),
        max_length=120,
        default="Local Immigration Partnership",
        help_text=_("Shown in the header, the footer and page titles."),
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=160,
        blank=True,
        help_text=_("A short line under the name, such as the area you serve."),
    )
    address = models.TextField(
        _("address"),
        max_length=300,
        blank=True,
        help_text=_("Postal address shown in the footer."),
    )
    funding_acknowledgement = models.TextField(
        _("funding acknowledgement"),
        max_length=500,
        blank=True,
        default="Funded by Immigration, Refugees and Citizenship Canada.",
        help_text=_("The funder's credit shown in every page footer."),
    )
    funder_logo_alt = models.CharField(
        _("funder logo description"),
        max_length=200,
        blank=True,
        help_text=_("What the funder's logo says, for example the funder's name."),
    )

    panels = [
        FieldPanel("organization_name"),
        FieldPanel("tagline"),
        FieldPanel("address"),
        FieldPanel("funding_acknowledgement"),
        FieldPanel("funder_logo_alt"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site text")
        verbose_name_plural = _("site text")

    def __str__(self):
        return self.organization_name
