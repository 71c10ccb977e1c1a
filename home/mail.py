"""Email: the queue every message goes through, its delivery and retries.

Also the backend for development, and what the queue holds about a person
(``QueuedEmailData``, for privacy requests).
"""

import datetime
import logging
import time
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path

from mailer.backend import DbBackend
from mailer.engine import send_all
from mailer.models import (
    PRIORITY_DEFERRED,
    PRIORITY_MEDIUM,
    RESULT_FAILURE,
    RESULT_SUCCESS,
    Message,
    MessageLog,
)

from django.conf import settings
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.privacy import PersonalRecord, readable

logger = logging.getLogger(__name__)


def public_url(path: str = "/", *, site_root_url: str = "") -> str:
    """An absolute link for an email: the public base URL, then ``path``.

    ``WAGTAILADMIN_BASE_URL`` (the setting Wagtail's own notices use) wins
    over the Site record, whose host and port are often those of development
    (127.0.0.1:8000) or of the server behind the proxy. ``site_root_url``
    (a Site's ``root_url``) is used only when the setting is empty. A link
    built from a visitor's request needs none of this: it already has the
    address the visitor used.
    """
    root = settings.WAGTAILADMIN_BASE_URL or site_root_url
    return root.rstrip("/") + "/" + path.lstrip("/")


def public_page_url(page: Page, path: str = "") -> str:
    """A page's absolute address for an email (``path`` is a route under it).

    Empty for a page that has no address (not under any Site).
    """
    parts = page.get_url_parts()
    if parts is None:
        return ""
    _site_id, root_url, page_path = parts
    return public_url(page_path + path, site_root_url=root_url or "")


class ConsoleAndFileEmailBackend(ConsoleBackend):
    """Print messages to the console and save each as an ``.eml`` file.

    Newcomers can open the saved file to follow links (verification, cancel)
    that wrap or get lost in a busy terminal.
    """

    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        folder = Path(settings.EMAIL_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
        for number, message in enumerate(email_messages or []):
            path = folder / f"{stamp}-{number}.eml"
            path.write_bytes(message.message().as_bytes())
        return sent


class QueuedEmailBackend(DbBackend):
    """Store each message in django-mailer's queue, then deliver after commit.

    The message row is written in the caller's transaction, so a rolled-back
    pledge or registration sends nothing, and a committed one cannot lose its
    email: if delivery fails the row stays queued (deferred) for the retry job.
    """

    def send_messages(self, email_messages):
        queued = super().send_messages(email_messages)
        if queued and getattr(settings, "MAIL_SEND_AFTER_COMMIT", True):
            transaction.on_commit(deliver_queued_mail)
        return queued


def deliver_queued_mail() -> None:
    """Send whatever is queued now; failures stay queued and are logged."""
    try:
        send_all()
    except Exception:
        # The data is already committed; the retry job will deliver later.
        logger.exception("Queued email could not be delivered now")


@dataclass(frozen=True)
class DeliveryRun:
    """What one pass over the queue did."""

    retried: int
    sent: int
    failed: int
    left: int = 0


def _outcomes_since(started: datetime.datetime) -> dict[str, int]:
    return MessageLog.objects.filter(when_attempted__gte=started).aggregate(
        sent=Count("pk", filter=Q(result=RESULT_SUCCESS)),
        failed=Count("pk", filter=Q(result=RESULT_FAILURE)),
    )


def deliver_queue() -> DeliveryRun:
    """Requeue every deferred message, then send the whole queue (cron).

    A message the server refuses again goes back to deferred with a new log
    entry saying why.
    """
    started = timezone.now()
    retried = Message.objects.retry_deferred()
    if not getattr(settings, "MAILER_PAUSE_SEND", False):
        send_all()
    outcomes = _outcomes_since(started)
    return DeliveryRun(retried, outcomes["sent"], outcomes["failed"])


# A staff member waits for the "Try again now" button: stop trying new
# messages after this long (each refused connection can take EMAIL_TIMEOUT).
RETRY_TIME_BUDGET = 15.0
RETRY_BATCH = 50


def retry_deferred_now(budget: float = RETRY_TIME_BUDGET) -> DeliveryRun:
    """Try deferred messages again, oldest first, within a time budget.

    Messages are requeued one at a time just before each is sent, so any left
    when time runs out stay deferred for the next scheduled run.
    """
    if getattr(settings, "MAILER_PAUSE_SEND", False):
        return DeliveryRun(0, 0, 0, Message.objects.deferred().count())
    started = timezone.now()
    deadline = time.monotonic() + budget
    pks = list(
        Message.objects.deferred()
        .order_by("when_added", "pk")
        .values_list("pk", flat=True)[:RETRY_BATCH]
    )
    retried = 0
    for pk in pks:
        if time.monotonic() > deadline:
            break
        requeued = Message.objects.filter(pk=pk, priority=PRIORITY_DEFERRED).update(
            priority=PRIORITY_MEDIUM, retry_count=F("retry_count") + 1
        )
        if requeued:
            retried += 1
            send_all(Message.objects.filter(pk=pk))
    outcomes = _outcomes_since(started)
    left = Message.objects.deferred().count()
    return DeliveryRun(retried, outcomes["sent"], outcomes["failed"], left)


class QueuedEmailData:
    """Emails to a person still in the queue or in the delivery log.

    Registered with ``home.privacy``. Messages are stored pickled, so each row
    is read in Python; the log is short (``MAIL_LOG_RETENTION_DAYS``).
    """

    key = "mailer.message"
    label = _("Emails in the queue and the delivery log")

    def _matching(self, email: str):
        for model in (Message, MessageLog):
            for row in model.objects.order_by("when_added", "pk").iterator():
                message = row.email
                if message is None:
                    continue
                addresses = [*message.to, *message.cc, *message.bcc]
                if any(parseaddr(a)[1].lower() == email for a in addresses):
                    yield row, message

    def _fields(self, row, message) -> dict:
        if isinstance(row, Message):
            state = (
                _("Waiting to be sent again")
                if row.priority == PRIORITY_DEFERRED
                else _("Waiting to be sent")
            )
            when = row.when_added
        else:
            state = _("Sent") if row.result == RESULT_SUCCESS else _("Failed")
            when = row.when_attempted
        return {
            str(_("Subject")): message.subject,
            str(_("Status")): str(state),
            str(_("When")): when,
        }

    def find(self, email: str) -> list[PersonalRecord]:
        return [
            PersonalRecord(message.subject, self._fields(row, message))
            for row, message in self._matching(email)
        ]

    def export(self, email: str) -> list[dict]:
        return [
            readable(self._fields(row, message))
            for row, message in self._matching(email)
        ]

    def erase(self, email: str) -> int:
        rows = list(self._matching(email))
        for row, _message in rows:
            row.delete()
        return len(rows)
