"""Messages staff send to a workshop's registrants, kept as a log."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RecipientGroup(models.TextChoices):
    """Whom a message goes to; cancelled registrations never receive one."""

    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist (or offered a seat)")
    ATTENDED = "attended", _("Checked in")


class RegistrantEmail(models.Model):
    """One message sent to everyone in the chosen groups, one email each."""

    workshop = models.ForeignKey(
        "workshops.WorkshopPage",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="registrant_emails",
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    statuses = models.JSONField(_("sent to"), default=list)
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=5000)
    recipient_count = models.PositiveIntegerField(_("recipients"))
    # Set from the preview: a second submit of the same preview sends nothing.
    send_key = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("email to registrants")
        verbose_name_plural = _("emails to registrants")
        default_permissions = []
        permissions = [("email_registrants", _("Can email workshop registrants"))]

    def __str__(self):
        return self.subject

    def status_labels(self) -> list[str]:
        labels = dict(RecipientGroup.choices)
        return [str(labels.get(status, status)) for status in self.statuses]
