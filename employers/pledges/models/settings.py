"""How the pledge program runs, edited by staff under Settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

# The messages signers receive; staff may replace the standard wording of each.
EMAIL_KINDS = {
    "verification": _("Email: confirm your email"),
    "received": _("Email: pledge received"),
    "approved": _("Email: pledge approved"),
    "rejected": _("Email: pledge not approved"),
    "renewal": _("Email: renewal reminder"),
    "progress": _("Email: progress check-in"),
}

PLACEHOLDER_HELP = _(
    "Leave empty for the standard wording. You may use {organization}, "
    "{contact_name}, {link}, {site_name} and, for rejections, {reason}."
)


@register_setting(icon="pick")
class PledgeSettings(BaseSiteSetting):
    validity_months = models.PositiveSmallIntegerField(
        _("months a pledge is valid"), default=12
    )
    grace_days = models.PositiveSmallIntegerField(
        _("days of grace after expiry"),
        default=30,
        help_text=_("An unrenewed pledge leaves the registry after these days."),
    )
    active_percent = models.PositiveSmallIntegerField(
        _("“Active” level: share of commitments under way or done (%)"), default=50
    )
    champion_percent = models.PositiveSmallIntegerField(
        _("“Champion” level: share of commitments done (%)"), default=100
    )
    notify_email = models.EmailField(
        _("email for new pledges to review"),
        blank=True,
        help_text=_("Staff are told here when a signer confirms their email."),
    )

    verification_subject = models.CharField(
        _("Confirm your email: subject"), max_length=150, blank=True
    )
    verification_body = models.TextField(
        _("Confirm your email: message"), blank=True, help_text=PLACEHOLDER_HELP
    )
    received_subject = models.CharField(
        _("Pledge received: subject"), max_length=150, blank=True
    )
    received_body = models.TextField(
        _("Pledge received: message"), blank=True, help_text=PLACEHOLDER_HELP
    )
    approved_subject = models.CharField(
        _("Pledge approved: subject"), max_length=150, blank=True
    )
    approved_body = models.TextField(
        _("Pledge approved: message"), blank=True, help_text=PLACEHOLDER_HELP
    )
    rejected_subject = models.CharField(
        _("Pledge not approved: subject"), max_length=150, blank=True
    )
    rejected_body = models.TextField(
        _("Pledge not approved: message"), blank=True, help_text=PLACEHOLDER_HELP
    )
    renewal_subject = models.CharField(
        _("Renewal reminder: subject"), max_length=150, blank=True
    )
    renewal_body = models.TextField(
        _("Renewal reminder: message"), blank=True, help_text=PLACEHOLDER_HELP
    )
    progress_subject = models.CharField(
        _("Progress check-in: subject"), max_length=150, blank=True
    )
    progress_body = models.TextField(
        _("Progress check-in: message"), blank=True, help_text=PLACEHOLDER_HELP
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("validity_months"),
                FieldPanel("grace_days"),
                FieldPanel("active_percent"),
                FieldPanel("champion_percent"),
                FieldPanel("notify_email"),
            ],
            heading=_("Pledge program"),
        ),
        *[
            MultiFieldPanel(
                [FieldPanel(f"{kind}_subject"), FieldPanel(f"{kind}_body")],
                heading=heading,
                classname="collapsed",
            )
            for kind, heading in EMAIL_KINDS.items()
        ],
    ]

    class Meta:
        verbose_name = _("pledge settings")
