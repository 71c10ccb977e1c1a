"""What visitors' requests had us email, to cap mail per inbox and per day."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MailedInbox(models.Model):
    """An inbox that visitor-requested mail reached, by digest: no address.

    Its row is the lock two requests for the same inbox queue on, so the
    daily count holds under concurrency; it is deleted, with its emails,
    once it has had none for a day and a half.
    """

    key = models.CharField(max_length=64, unique=True, editable=False)
    last_queued_at = models.DateTimeField(db_index=True, editable=False)

    class Meta:
        verbose_name = _("mailed inbox")
        verbose_name_plural = _("mailed inboxes")

    def __str__(self):
        return self.key[:12]


class InboxEmail(models.Model):
    """One email a visitor's request queued (confirmation or personal link).

    Counted per inbox to cap mail whatever the form, and compared by
    fingerprint (kind and the records it is about) so the same email is not
    sent twice in a row. Written in the transaction that queues the email,
    so the count holds when the cache is down.
    """

    inbox = models.ForeignKey(
        MailedInbox, on_delete=models.CASCADE, related_name="emails", editable=False
    )
    kind = models.CharField(_("kind"), max_length=30, editable=False)
    fingerprint = models.CharField(max_length=64, editable=False)
    queued_at = models.DateTimeField(_("queued"), editable=False)

    class Meta:
        verbose_name = _("email a visitor asked for")
        verbose_name_plural = _("emails visitors asked for")
        indexes = [models.Index(fields=["inbox", "queued_at"])]

    def __str__(self):
        return f"{self.kind} {self.queued_at:%Y-%m-%d %H:%M}"
