"""Scheduled work: reminders, feedback requests, purges and change notices."""

import datetime
import io

import icalendar
import pytest

from django.core.management import call_command
from django.utils import timezone

from employers.workshops.factories import RegistrationFactory, VenueFactory
from employers.workshops.models import Registration, WorkshopFeedback
from employers.workshops.services import registration as service
from tests.employers.workshops.fixtures import ONLINE_LINK

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _register(workshop, email="maria@example.com", **data):
    return service.register(
        workshop, {"name": "Maria", "email": email, "organization": "Valley", **data}
    ).registration


def test_reminder_is_sent_once_and_only_to_confirmed(workshop, sent_mail):
    confirmed = _register(workshop)
    cancelled = _register(workshop, "gone@example.com")
    service.cancel(cancelled)
    sent_mail().clear()
    early = workshop.start - datetime.timedelta(hours=30)
    assert service.send_reminders(early) == 0
    due = workshop.start - datetime.timedelta(hours=23)
    assert service.send_reminders(due) == 1
    assert service.send_reminders(due) == 0
    (message,) = sent_mail()
    assert message.to == [confirmed.email]
    assert message.subject.startswith("Reminder")
    assert message.attachments


def test_reminder_of_an_online_workshop_carries_the_link(online_workshop, sent_mail):
    _register(online_workshop, **{f"q{n}": "" for n in range(0)})
    sent_mail().clear()
    service.send_reminders(online_workshop.start - datetime.timedelta(hours=1))
    assert ONLINE_LINK in sent_mail()[0].body


def test_the_command_runs_every_task_and_is_idempotent(workshop, sent_mail):
    _register(workshop)
    workshop.start = timezone.now() + datetime.timedelta(hours=2)
    workshop.end = workshop.start + datetime.timedelta(hours=2)
    workshop.save()
    out = io.StringIO()
    call_command("run_scheduled_tasks", stdout=out)
    assert "reminders sent 1" in out.getvalue()
    out = io.StringIO()
    call_command("run_scheduled_tasks", stdout=out)
    assert "reminders sent 0" in out.getvalue()


def test_feedback_is_asked_only_of_those_checked_in(workshop, client, sent_mail):
    came = _register(workshop)
    _register(workshop, "noshow@example.com")
    service.check_in(came)
    sent_mail().clear()
    after = workshop.end + datetime.timedelta(hours=1)
    assert service.send_feedback_requests(after) == 1
    assert service.send_feedback_requests(after) == 0
    (message,) = sent_mail()
    assert message.to == [came.email]
    link = next(line for line in message.body.splitlines() if "/feedback/" in line)
    workshop.start = timezone.now() - datetime.timedelta(hours=3)
    workshop.end = timezone.now() - datetime.timedelta(hours=1)
    workshop.save()
    path = link.split("testserver", 1)[-1].replace("http://localhost", "")
    assert client.get(path).status_code == 200
    response = client.post(path, {"rating": "5", "next_steps": "Rewrite postings"})
    assert "Thank you" in response.text
    feedback = WorkshopFeedback.objects.get()
    assert feedback.rating == 5 and feedback.workshop_id == workshop.pk


def test_feedback_page_is_closed_to_those_not_checked_in(workshop, client):
    registration = RegistrationFactory(workshop=workshop)
    workshop.start = timezone.now() - datetime.timedelta(hours=3)
    workshop.end = timezone.now() - datetime.timedelta(hours=1)
    workshop.save()
    token = service.registration_token(registration)
    assert client.get(f"{workshop.url}feedback/{token}/").status_code == 404


def test_personal_data_is_purged_after_the_retention_period_keeping_counts(
    workshop, settings
):
    settings.WORKSHOP_DATA_RETENTION_DAYS = 365
    kept = _register(workshop, sector="31-33", size="50-99")
    service.check_in(kept)
    soon = workshop.end + datetime.timedelta(days=30)
    assert service.purge_personal_data(soon) == 0
    later = workshop.end + datetime.timedelta(days=366)
    assert service.purge_personal_data(later) == 1
    assert service.purge_personal_data(later) == 0
    row = Registration.objects.get()
    assert (row.name, row.email, row.organization, row.answers) == ("", "", "", {})
    assert row.sector == "31-33" and row.size == "50-99"
    assert row.attended_at and row.status == Status.CONFIRMED


def test_changing_the_time_sends_an_update_with_a_higher_sequence(workshop, sent_mail):
    _register(workshop)
    sent_mail().clear()
    workshop.start += datetime.timedelta(days=1)
    workshop.end += datetime.timedelta(days=1)
    workshop.save_revision().publish()
    (message,) = sent_mail()
    assert message.subject.startswith("Changed")
    event = icalendar.Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")[0]
    assert event["sequence"] == 1
    assert str(event["uid"]) == f"workshop-{workshop.pk}@welcoming-workplaces"
    # Publishing again without a change sends nothing.
    workshop.summary = "A new summary."
    workshop.save_revision().publish()
    assert len(sent_mail()) == 1


def test_changing_the_venue_tells_registrants(workshop, sent_mail):
    _register(workshop)
    sent_mail().clear()
    workshop.venue = VenueFactory(name="Chilliwack Hall")
    workshop.save_revision().publish()
    assert "Chilliwack Hall" in sent_mail()[0].body


def test_cancelling_the_workshop_tells_everyone_once(workshop, sent_mail):
    _register(workshop)
    _register(workshop, "two@example.com")
    sent_mail().clear()
    workshop.is_cancelled = True
    workshop.cancellation_message = "The facilitator is ill."
    workshop.save_revision().publish()
    workshop.save_revision().publish()
    messages = sent_mail()
    assert len(messages) == 2
    assert all("The facilitator is ill." in m.body for m in messages)
    event = icalendar.Calendar.from_ical(messages[0].attachments[0][1]).walk("VEVENT")[
        0
    ]
    assert event["status"] == "CANCELLED"
    assert not Registration.objects.exclude(status=Status.CANCELLED).exists()


def test_emails_wait_for_commit_and_survive_a_mail_failure(
    workshop, sent_mail, monkeypatch
):
    from mailer.models import Message

    _register(workshop)
    assert Message.objects.count() == 1  # queued, not lost

    def down(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("mailer.engine.send_all", down)
    monkeypatch.setattr("home.mail.send_all", down)
    sent_mail()  # logs, keeps the message queued
    assert Registration.objects.count() == 1
    assert Message.objects.count() == 1
