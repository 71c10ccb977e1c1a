"""Workshop pages: where they live, what they show and what they never show."""

import datetime

import pytest

from django.utils import timezone

from wagtail.test.utils import WagtailPageTestCase

from employers.workshops.factories import RegistrationFactory, WorkshopPageFactory
from employers.workshops.models import Registration, WorkshopIndexPage, WorkshopPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


class WorkshopPageRules(WagtailPageTestCase):
    def test_workshops_live_under_the_index_under_home(self):
        self.assertAllowedParentPageTypes(WorkshopIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(WorkshopPage, {WorkshopIndexPage})
        self.assertAllowedSubpageTypes(WorkshopPage, set())


def test_index_shows_seats_left_waitlist_and_closed(client, workshop_index):
    WorkshopPageFactory(parent=workshop_index, title="Nearly full", capacity=5)
    full = WorkshopPageFactory(parent=workshop_index, title="Busy", capacity=1)
    RegistrationFactory(workshop=full)
    RegistrationFactory(workshop=full, status=Registration.Status.WAITLISTED)
    WorkshopPageFactory(
        parent=workshop_index,
        title="Closed early",
        registration_closes_at=timezone.now() - datetime.timedelta(hours=1),
    )
    html = client.get("/workshops/").text
    assert "5 seats left" in html
    assert "Waitlist open" in html
    assert "Registration closed" in html


def test_index_filters_by_topic_format_and_month(client, workshop, online_workshop):
    assert (
        "Understanding work permits"
        not in client.get("/workshops/?topic=recruiting").text
    )
    online = client.get("/workshops/?format=online").text
    assert "Understanding work permits" in online
    assert "Inclusive hiring 101" not in online
    month = timezone.localtime(workshop.start).strftime("%Y-%m")
    assert "Inclusive hiring 101" in client.get(f"/workshops/?month={month}").text
    assert "Inclusive hiring 101" not in client.get("/workshops/?month=2001-01").text
    assert client.get("/workshops/?topic=nope").status_code == 404
    ignored = client.get("/workshops/?format=nope")
    assert ignored.status_code == 200
    assert "We could not use the format you asked for" in ignored.text
    assert "Understanding work permits" in ignored.text


def test_past_workshops_are_in_the_archive_only(client, workshop_index, workshop):
    WorkshopPageFactory(
        parent=workshop_index,
        title="Last spring",
        start=timezone.now() - datetime.timedelta(days=30),
        end=timezone.now() - datetime.timedelta(days=30, hours=-2),
    )
    assert "Last spring" not in client.get("/workshops/").text
    archive = client.get("/workshops/past/").text
    assert "Last spring" in archive and "Inclusive hiring 101" not in archive


def test_workshop_page_names_the_time_zone_and_shows_venue_and_people(client, workshop):
    html = client.get(workshop.url).text
    assert "local time" in html
    assert "Abbotsford Library" in html
    assert "Priya Natarajan" in html
    assert "3 seats left" in html


def test_public_pages_never_show_registrants_personal_data(
    client, workshop, online_workshop
):
    RegistrationFactory(
        workshop=workshop,
        name="Zelda Quintero",
        email="zelda@secret.example",
        organization="Hidden Orchards",
        accommodation_needs="Quiet room",
    )
    for url in [
        "/workshops/",
        "/workshops/past/",
        workshop.url,
        f"{workshop.url}register/",
        f"{workshop.url}calendar/",
        "/workshops/calendar/",
        "/search/?q=quintero",
    ]:
        body = client.get(url).content.decode()
        for secret in ["Zelda", "zelda@secret", "Hidden Orchards", "Quiet room"]:
            assert secret not in body, (url, secret)


def test_end_must_follow_start(workshop):
    from django.core.exceptions import ValidationError

    workshop.end = workshop.start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError):
        workshop.full_clean()
