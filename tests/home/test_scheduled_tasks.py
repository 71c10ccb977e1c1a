"""The one cron command runs every app's work, publishing, then the mail queue."""

import datetime
import io
import socket

import pytest
from mailer.models import RESULT_FAILURE, RESULT_SUCCESS, Message, MessageLog

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from wagtail import hooks

from employers.workshops.services import registration as service
from home.scheduled import ScheduledTask
from resources.factories import GuidePageFactory
from resources.models import GuidePage

pytestmark = pytest.mark.django_db


def _run() -> str:
    out = io.StringIO()
    call_command("run_scheduled_tasks", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def soon_workshop(workshop):
    """A workshop two hours away: its reminders are due now."""
    workshop.start = timezone.now() + datetime.timedelta(hours=2)
    workshop.end = workshop.start + datetime.timedelta(hours=2)
    workshop.save()
    return workshop


def test_output_lists_every_step_in_order(home_page):
    lines = _run().splitlines()
    labels = [line.split(":", 1)[0] for line in lines]
    assert labels == [
        "Email log",
        "Pledges",
        "Workshops",
        "Scheduled publishing",
        "Email",
    ]
    assert "reminders sent 0" in lines[2]


def test_running_twice_sends_each_reminder_once(soon_workshop, sent_mail):
    for email in ("maria@example.com", "dev@example.com"):
        service.register(
            soon_workshop, {"name": "A", "email": email, "organization": "Valley"}
        )
    sent_mail().clear()

    first, second = _run(), _run()

    reminders = [m for m in mail.outbox if m.subject.startswith("Reminder")]
    assert sorted(m.to[0] for m in reminders) == [
        "dev@example.com",
        "maria@example.com",
    ]
    assert "reminders sent 2" in first and "reminders sent 0" in second
    # The reminders queued by the workshop step went out in the same run.
    assert "sent 2, failed 0" in first
    assert Message.objects.count() == 0


def test_a_scheduled_page_is_published(guide_index):
    guide = GuidePageFactory(parent=guide_index, title="Coming soon", live=False)
    guide.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    guide.save_revision(approved_go_live_at=guide.go_live_at)

    output = _run()

    assert GuidePage.objects.get(pk=guide.pk).live
    assert "Scheduled publishing: published 1, unpublished 0" in output
    assert "published 0," in _run()


def test_deferred_mail_is_sent_when_the_server_is_back(home_page, settings):
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _unused_port()
    mail.send_mail("Confirm", "Body", "lip@example.org", ["a@example.org"])
    call_command("send_mail", verbosity=0)
    assert Message.objects.deferred().count() == 1

    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    output = _run()

    assert "Email: deferred requeued 1, sent 1, failed 0" in output
    assert [m.subject for m in mail.outbox] == ["Confirm"]


def test_old_mail_log_entries_are_deleted(home_page, settings):
    settings.MAIL_LOG_RETENTION_DAYS = 30
    now = timezone.now()
    for days, result in [(31, RESULT_SUCCESS), (31, RESULT_FAILURE), (29, "1")]:
        MessageLog.objects.create(
            when_added=now,
            when_attempted=now - datetime.timedelta(days=days),
            priority=2,
            result=result,
        )

    assert "Email log: log entries deleted 2" in _run()
    assert MessageLog.objects.count() == 1


def test_a_failing_task_does_not_stop_the_others(soon_workshop, sent_mail):
    service.register(
        soon_workshop, {"name": "A", "email": "a@example.com", "organization": "V"}
    )
    sent_mail().clear()

    def broken(now):
        raise RuntimeError("disk full")

    out, err = io.StringIO(), io.StringIO()
    with (
        hooks.register_temporarily(
            "register_scheduled_task", lambda: ScheduledTask("Broken", broken)
        ),
        pytest.raises(CommandError, match="Broken"),
    ):
        call_command("run_scheduled_tasks", stdout=out, stderr=err)

    assert "Broken: failed" in err.getvalue()
    assert "reminders sent 1" in out.getvalue()
    assert "Email: deferred requeued 0, sent 1" in out.getvalue()
