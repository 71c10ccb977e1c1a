"""Email backends: the queue every message goes through, and one for development."""

import logging
from pathlib import Path

from mailer.backend import DbBackend
from mailer.engine import send_all

from django.conf import settings
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


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
