"""Branding, contact and funding details that another partnership changes."""

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from home.colours import validate_brand_colour

WORDS_LIVE_IN_SNIPPETS = _(
    "The organization's name, tagline, address and funder's credit are in "
    "Snippets > Site text, one row per language, so they can be translated."
)
COMMUNITIES_LIVE_IN_SNIPPETS = _(
    "Communities are in Snippets > Communities, where they can be ordered and "
    "translated."
)


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    site_text = models.ForeignKey(
        "home.SiteText",
        verbose_name=_("site text"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The name, tagline, address and funder's credit, in the default "
            "language; readers see its translation in theirs."
        ),
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
    privacy_contact = models.EmailField(
        _("privacy contact email"),
        blank=True,
        help_text=_("Where people write about their personal data."),
    )
    funder_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("funder logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    select_related = ["logo", "funder_logo", "site_text", "site_text__locale"]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    HelpPanel(content=WORDS_LIVE_IN_SNIPPETS),
                    FieldPanel("site_text"),
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
                    FieldPanel("privacy_contact"),
                    InlinePanel(
                        "social_links", heading=_("Social media"), label=_("Link")
                    ),
                ],
                heading=_("Contact"),
            ),
            ObjectList(
                [
                    HelpPanel(content=WORDS_LIVE_IN_SNIPPETS),
                    FieldPanel("funder_logo"),
                ],
                heading=_("Funding"),
            ),
            ObjectList(
                [HelpPanel(content=COMMUNITIES_LIVE_IN_SNIPPETS)],
                heading=_("Communities"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return str(self.site)


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
