"""Staff's own wording of the emails signers receive, in each language."""

from wagtail_localize.fields import TranslatableField

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin

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


class PledgeEmailWording(TranslatableMixin, models.Model):
    """One set of email wording, in one language; its translations in others.

    Chosen in Settings > Pledge settings. A signer gets the translation in
    their language; an empty field, or no translation, the standard wording.
    """

    name = models.CharField(
        _("name"),
        max_length=80,
        default=_("Pledge emails"),
        help_text=_("For staff only: to find this wording among the snippets."),
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
        FieldPanel("name"),
        *[
            MultiFieldPanel(
                [FieldPanel(f"{kind}_subject"), FieldPanel(f"{kind}_body")],
                heading=heading,
            )
            for kind, heading in EMAIL_KINDS.items()
        ],
    ]
    translatable_fields = [
        TranslatableField("name"),
        *(
            TranslatableField(f"{kind}_{part}")
            for kind in EMAIL_KINDS
            for part in ("subject", "body")
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("pledge email wording")
        verbose_name_plural = _("pledge email wording")

    def __str__(self):
        return f"{self.name} ({self.locale.get_display_name()})"

    def in_language(self, language: str) -> "PledgeEmailWording | None":
        """This wording's translation in ``language``, None if it has none."""
        code = get_supported_content_language_variant(language)
        return (
            self.get_translations(inclusive=True)
            .filter(locale__language_code=code)
            .first()
        )

    def for_kind(self, kind: str) -> tuple[str, str]:
        """The subject and body staff wrote for ``kind``; "" where they wrote none."""
        return getattr(self, f"{kind}_subject"), getattr(self, f"{kind}_body")
