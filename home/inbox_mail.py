"""One daily cap on the mail a visitor can make us send to any inbox.

Pledge sign-up and resend, the pledge manage link and the workshop "email me
my link" form all reach an address the visitor typed, theirs or not. Each
such email is counted here, per inbox (``normalize_email``: case, ``+tag``,
dots Gmail ignores), whatever the form: at most ``DAILY_CAP_PER_INBOX`` in a
rolling day, and the same email not again within ``REPEAT_WINDOW``. Staff
and scheduled emails (approvals, reminders) are not counted: a stranger
cannot trigger them.
"""

import datetime
import hashlib
from collections.abc import Iterable

from django.utils import timezone

from home.models.inbox_mail import InboxEmail, MailedInbox
from home.ratelimit import normalize_email

DAILY_CAP_PER_INBOX = 5
CAP_WINDOW = datetime.timedelta(days=1)
REPEAT_WINDOW = datetime.timedelta(minutes=30)
# Rows are only read for CAP_WINDOW; keep a margin, then delete them.
KEEP_LOG = datetime.timedelta(hours=36)


def inbox_key(address: str) -> str:
    """A digest of the inbox an address reaches: no address is stored."""
    return hashlib.sha256(normalize_email(address).encode()).hexdigest()


def fingerprint(kind: str, about: Iterable[int]) -> str:
    """The same email: its kind and the records (primary keys) it is about."""
    ids = ",".join(str(pk) for pk in sorted(about))
    return hashlib.sha256(f"{kind}:{ids}".encode()).hexdigest()


def _allowed(emails, kind: str, about: list[int], now: datetime.datetime) -> bool:
    recent = emails.filter(queued_at__gt=now - CAP_WINDOW)
    if (
        kind
        and recent.filter(
            kind=kind,
            fingerprint=fingerprint(kind, about),
            queued_at__gt=now - REPEAT_WINDOW,
        ).exists()
    ):
        return False
    return recent.count() < DAILY_CAP_PER_INBOX


def may_send(address: str) -> bool:
    """Whether the inbox of ``address`` is below its daily cap (a check, no lock)."""
    emails = InboxEmail.objects.filter(inbox__key=inbox_key(address))
    return _allowed(emails, "", [], timezone.now())


def reserve(address: str, kind: str, about: Iterable[int]) -> bool:
    """Count one more email to ``address``'s inbox, if the cap allows it.

    Call inside the transaction that queues the email, and send only when
    this returns True: a failed send rolls the count back with it. The
    inbox's row is locked until that transaction ends, so two requests at
    once cannot both take the last place.
    """
    about = list(about)
    now = timezone.now()
    MailedInbox.objects.filter(last_queued_at__lt=now - KEEP_LOG).delete()
    inbox, _created = MailedInbox.objects.get_or_create(
        key=inbox_key(address), defaults={"last_queued_at": now}
    )
    inbox = MailedInbox.objects.select_for_update().get(pk=inbox.pk)
    if not _allowed(inbox.emails.all(), kind, about, now):
        return False
    InboxEmail.objects.filter(inbox=inbox, queued_at__lt=now - KEEP_LOG).delete()
    InboxEmail.objects.create(
        inbox=inbox, kind=kind, fingerprint=fingerprint(kind, about), queued_at=now
    )
    inbox.last_queued_at = now
    inbox.save(update_fields=["last_queued_at"])
    return True
