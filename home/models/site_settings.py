"""Branding, contact and funding details that another partnership changes."""

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from home.colours import validate_brand_colour


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
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
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A PNG or WebP with a transparent background works best."),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#1d4f91",
        validators=[validate_brand_colour],
        help_text=_(
            "Header, buttons and links, as #rrggbb. White text must be readable on it."
        ),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#8a3b12",
        validators=[validate_brand_colour],
        help_text=_(
            "Highlights and secondary buttons, as #rrggbb. White text must "
            "be readable on it."
        ),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), max_length=300, blank=True)
    privacy_contact = models.EmailField(
        _("privacy contact email"),
        blank=True,
        help_text=_("Where people write about their personal data."),
    )
    funding_acknowledgement = models.TextField(
        _("funding acknowledgement"),
        max_length=500,
        blank=True,
        default="Funded by Immigration, Refugees and Citizenship Canada.",
        help_text=_("The funder's credit shown in every page footer."),
    )
    funder_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("funder logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    funder_logo_alt = models.CharField(
        _("funder logo description"),
        max_length=200,
        blank=True,
        help_text=_("What the logo says, for example the funder's name."),
    )

    select_related = ["logo", "funder_logo"]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("organization_name"),
                    FieldPanel("tagline"),
                    FieldPanel("logo"),
                    FieldRowPanel(
                        [FieldPanel("primary_colour"), FieldPanel("accent_colour")]
                    ),
                ],
                heading=_("Identity"),
            ),
            ObjectList(
                [
                    FieldPanel("contact_email"),
                    FieldPanel("contact_phone"),
                    FieldPanel("address"),
                    FieldPanel("privacy_contact"),
                    InlinePanel(
                        "social_links", heading=_("Social media"), label=_("Link")
                    ),
                ],
                heading=_("Contact"),
            ),
            ObjectList(
                [
                    FieldPanel("funding_acknowledgement"),
                    FieldPanel("funder_logo"),
                    FieldPanel("funder_logo_alt"),
                ],
                heading=_("Funding"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "communities", heading=_("Communities"), label=_("Community")
                    )
                ],
                heading=_("Communities"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return self.organization_name


class SocialLink(Orderable):
    class Platform(models.TextChoices):
        BLUESKY = "bluesky", "Bluesky"
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        LINKEDIN = "linkedin", "LinkedIn"
        MASTODON = "mastodon", "Mastodon"
        X = "x", "X"
        YOUTUBE = "youtube", "YouTube"
        OTHER = "other", _("Other")

    settings = ParentalKey(
        SiteSettings, on_delete=models.CASCADE, related_name="social_links"
    )
    platform = models.CharField(_("platform"), max_length=20, choices=Platform)
    url = models.URLField(_("address"))

    panels = [FieldPanel("platform"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social media link")
        verbose_name_plural = _("social media links")

    def __str__(self):
        return self.get_platform_display()


class Community(Orderable):
    """A community or region the partnership serves, offered later by forms."""

    settings = ParentalKey(
        SiteSettings, on_delete=models.CASCADE, related_name="communities"
    )
    name = models.CharField(_("name"), max_length=80)

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self):
        return self.name
