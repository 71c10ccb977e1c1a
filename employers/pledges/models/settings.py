"""How the pledge program runs, edited by staff under Settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


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

    email_wording = models.ForeignKey(
        "pledges.PledgeEmailWording",
        verbose_name=_("wording of the emails to signers"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Empty for the standard wording. Choose wording written in English; "
            "for French signers, translate it under Snippets > Pledge email "
            "wording (Translate). A signer gets the wording in their language, "
            "and the standard wording for any field left empty."
        ),
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
        FieldPanel("email_wording"),
    ]

    class Meta:
        verbose_name = _("pledge settings")
