"""What the public pledge forms emailed, to cap mail per inbox and per day."""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _

from home.ratelimit import normalize_email


def inbox_key(address: str) -> str:
    """A digest of the inbox an address reaches: no address is stored."""
    return hashlib.sha256(normalize_email(address).encode()).hexdigest()


class PledgeEmailSent(models.Model):
    """One email a visitor's request queued (confirmation or manage link).

    Rows are counted per inbox to cap mail whatever the form, and compared by
    fingerprint (kind and pledges) so the same email is not sent twice in a
    row. Kept in the database, in the transaction that queues the email, so
    the count holds when the cache is down; rows older than a day and a half
    are deleted as new ones are written.
    """

    inbox = models.CharField(max_length=64, db_index=True, editable=False)
    kind = models.CharField(_("kind"), max_length=30, editable=False)
    fingerprint = models.CharField(max_length=64, editable=False)
    queued_at = models.DateTimeField(_("queued"), db_index=True, editable=False)

    class Meta:
        verbose_name = _("email to a signer")
        verbose_name_plural = _("emails to signers")
        indexes = [models.Index(fields=["inbox", "queued_at"])]

    def __str__(self):
        return f"{self.kind} {self.queued_at:%Y-%m-%d %H:%M}"
