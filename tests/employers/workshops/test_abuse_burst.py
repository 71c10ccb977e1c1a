"""A burst of website registrations to one workshop alerts the event
coordinators by email, once an hour, and on the dashboard (issue 15)."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.users.models import UserProfile

from employers.workshops.models import Registration
from employers.workshops.services import registration as service
from home import roles
from tests.employers.translations import publish_in_french

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinators(django_user_model, admin_user):
    """An English and a French coordinator, a superuser, and a staff member
    outside the group who is not told."""
    group = Group.objects.get(name=roles.EVENT_COORDINATORS)
    english = django_user_model.objects.create_user(
        "coord-en", "coord-en@lip.example", "pw"
    )
    french = django_user_model.objects.create_user(
        "coord-fr", "coord-fr@lip.example", "pw"
    )
    for user in (english, french):
        user.groups.add(group)
    profile = UserProfile.get_for_user(french)
    profile.preferred_language = "fr"
    profile.save()
    editor = django_user_model.objects.create_user("ed", "ed@lip.example", "pw")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    return {"en": english, "fr": french, "superuser": admin_user}


def register(workshop, count, start=0, **kwargs):
    for n in range(start, start + count):
        service.register(
            workshop,
            {"name": f"Bot {n}", "email": f"bot{n}@invented.example"},
            **kwargs,
        )


def alerts(outbox):
    return [m for m in outbox if "bot" not in m.to[0]]


def test_burst_emails_each_coordinator_once_in_their_admin_language(
    workshop, coordinators, sent_mail
):
    publish_in_french(workshop, title="Embauche inclusive 101")
    register(workshop, workshop.burst_alert_threshold + 1)

    sent = alerts(sent_mail())
    recipients = sorted(address for message in sent for address in message.to)
    assert recipients == sorted(
        [
            "coord-en@lip.example",
            "coord-fr@lip.example",
            coordinators["superuser"].email,
        ]
    )
    french = next(m for m in sent if m.to == ["coord-fr@lip.example"])
    english = next(m for m in sent if "coord-en@lip.example" in m.to)
    assert "Embauche inclusive 101" in french.subject
    assert "Inclusive hiring 101" not in french.body
    assert "Inclusive hiring 101" in english.subject
    assert "11 registrations" in english.body
    link = reverse("workshop_registrations:index") + f"?workshop={workshop.pk}"
    assert link in english.body and link in french.body


def test_registrations_after_the_alert_send_no_second_one(
    workshop, coordinators, sent_mail
):
    register(workshop, 11)
    assert len(alerts(sent_mail())) == 2  # one per admin language
    mail.outbox.clear()

    later = timezone.now() + datetime.timedelta(minutes=1)
    register(workshop, 1, start=11, now=later)

    assert alerts(sent_mail()) == []


def test_registrations_spread_over_hours_alert_nobody(
    workshop, coordinators, sent_mail
):
    for hour in range(12):
        register(workshop, 1, start=hour)
        Registration.objects.filter(email=f"bot{hour}@invented.example").update(
            created_at=timezone.now() - datetime.timedelta(hours=12 - hour)
        )
    register(workshop, 1, start=12)

    assert Registration.objects.filter(workshop=workshop).count() == 13
    assert alerts(sent_mail()) == []


def test_staff_added_registrations_do_not_count(workshop, coordinators, sent_mail):
    register(workshop, 11, source=Registration.Source.STAFF)

    assert alerts(sent_mail()) == []


def test_a_failing_alert_keeps_the_registration(
    workshop, coordinators, sent_mail, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("mail queue down")

    monkeypatch.setattr("employers.workshops.services.bursts.EmailMessage", broken)
    register(workshop, 11)

    assert Registration.objects.filter(workshop=workshop).count() == 11
    assert alerts(sent_mail()) == []


def test_dashboard_warns_on_the_workshop_row(
    client, workshop, workshop_index, coordinators
):
    from employers.workshops.factories import WorkshopPageFactory

    quiet = WorkshopPageFactory(parent=workshop_index, title="Quiet workshop")
    quiet.save_revision().publish()
    register(workshop, 11)
    client.force_login(coordinators["superuser"])

    page = client.get(reverse("wagtailadmin_home")).text

    rows = page.split("<tr>")
    busy_row = next(row for row in rows if "Inclusive hiring 101" in row)
    quiet_row = next(row for row in rows if "Quiet workshop" in row)
    assert "Warning:" in busy_row
    assert "a burst of 11 website registrations within 10 minutes" in busy_row
    assert "Warning:" not in quiet_row


def test_dashboard_forgets_a_burst_after_a_day(client, workshop, coordinators):
    register(workshop, 11)
    workshop.registration_bursts.update(
        detected_at=timezone.now() - datetime.timedelta(hours=25)
    )
    client.force_login(coordinators["superuser"])

    page = client.get(reverse("wagtailadmin_home")).text

    assert "Inclusive hiring 101" in page
    assert "Warning:" not in page
