"""Periodic work that apps contribute to the one cron command.

An app registers a function with ``@hooks.register("register_scheduled_task")``
that takes no arguments and returns a ``ScheduledTask``. The task's ``run``
takes the current time and returns how much each of its steps did, such as
``{"reminders sent": 2}``. ``manage.py run_scheduled_tasks`` runs every task in
hook order, then Wagtail's scheduled publishing, then the mail queue.

Tasks run every few minutes and sometimes twice at once, so each must be
idempotent: mark what it did (a timestamp, a status) and never repeat it.
"""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mailer.models import MessageLog

from django.conf import settings
from django.db import transaction

from wagtail import hooks

HOOK_NAME = "register_scheduled_task"


@dataclass(frozen=True)
class ScheduledTask:
    label: str
    run: Callable[[datetime.datetime], Mapping[str, int]]


def scheduled_tasks() -> list[ScheduledTask]:
    """Every registered task, in hook order."""
    return [hook() for hook in hooks.get_hooks(HOOK_NAME)]


def purge_mail_log(now: datetime.datetime) -> dict[str, int]:
    """Delete delivery records older than ``MAIL_LOG_RETENTION_DAYS``.

    Each record keeps the whole message (address, personal links), so it is
    personal data with a retention period like any other.
    """
    cutoff = now - datetime.timedelta(days=settings.MAIL_LOG_RETENTION_DAYS)
    with transaction.atomic():
        deleted, _by_model = MessageLog.objects.filter(
            when_attempted__lt=cutoff
        ).delete()
    return {"log entries deleted": deleted}
