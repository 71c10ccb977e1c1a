"""Cached registry and workshop pages follow pledges and registrations, and the
pages behind a personal link are never cached.
"""

import datetime
import re
import time

import pytest

from django.test import Client
from django.utils import timezone

from wagtail.models import Site

from employers.pledges.factories import PledgeFactory
from employers.pledges.forms import PledgeForm
from employers.pledges.models import Pledge
from employers.pledges.services import lifecycle as pledge_service
from employers.pledges.services import tasks as pledge_tasks
from employers.pledges.services.lifecycle import issue_manage_link
from employers.workshops.factories import WorkshopPageFactory
from employers.workshops.forms import RegistrationForm
from employers.workshops.models import Registration
from employers.workshops.services import registration as workshop_service
from tests.employers.pledges.test_pledge_signing import sign_data
from tests.employers.workshops.test_workshop_registration import (
    form as registration_data,
)

pytestmark = pytest.mark.django_db

REGISTRY = "/pledge/registry/"
WORKSHOP = "/workshops/inclusive-hiring-101/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def site():
    return Site.objects.get(is_default_site=True)


# The registry ------------------------------------------------------------------


def test_approving_a_pledge_shows_it_in_the_cached_registry_and_downloads(
    pledge_page, commitments, django_capture_on_commit_callbacks
):
    pledge = PledgeFactory(
        organization_name="Fraser Foods",
        slug="fraser-foods",
        status=Pledge.Status.PENDING,
        approved_at=None,
        expires_at=None,
        commitments=commitments[:3],
    )
    for url in (REGISTRY, REGISTRY + "registry.csv", "/"):
        Client().get(url)
    assert Client().get(REGISTRY)["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        pledge_service.approve_pledge(pledge.pk, user=None, site=site())

    assert "Fraser Foods" in Client().get(REGISTRY).text
    assert b"Fraser Foods" in Client().get(REGISTRY + "registry.csv").getvalue()
    profile = Client().get(REGISTRY + "fraser-foods/")
    assert profile.status_code == 200
    assert Client().get(REGISTRY + "fraser-foods/badge.svg")["X-Cache"] == "miss"
    assert Client().get(REGISTRY + "fraser-foods/badge.svg")["X-Cache"] == "hit"


def test_withdrawing_a_pledge_takes_its_cached_profile_down(
    pledge_page, commitments, django_capture_on_commit_callbacks
):
    pledge = PledgeFactory(
        organization_name="Fraser Foods", slug="fraser-foods", commitments=commitments
    )
    assert Client().get(REGISTRY + "fraser-foods/").status_code == 200
    assert "Fraser Foods" in Client().get(REGISTRY).text

    with django_capture_on_commit_callbacks(execute=True):
        pledge_service.withdraw_pledge(pledge.pk)

    assert Client().get(REGISTRY + "fraser-foods/").status_code == 404
    assert "Fraser Foods" not in Client().get(REGISTRY).text


def test_a_lapsed_pledge_leaves_the_cached_registry(
    pledge_page, commitments, django_capture_on_commit_callbacks
):

    PledgeFactory(
        organization_name="Fraser Foods",
        slug="fraser-foods",
        commitments=commitments,
        expires_at=timezone.now() - datetime.timedelta(days=400),
    )
    Client().get(REGISTRY)
    with django_capture_on_commit_callbacks(execute=True):
        assert pledge_tasks.lapse_expired(site()) == 1
    assert Client().get(REGISTRY)["X-Cache"] == "miss"


def test_reported_progress_shows_on_the_cached_profile(
    pledge_page, commitments, django_capture_on_commit_callbacks
):
    pledge = PledgeFactory(slug="fraser-foods", commitments=commitments[:3])
    assert "Committed level" in Client().get(REGISTRY + "fraser-foods/").text
    done = {choice.pk: ("done", "") for choice in pledge.chosen_commitments.all()}
    with django_capture_on_commit_callbacks(execute=True):
        pledge_service.report_progress(pledge, done, site=site())
    assert "Champion level" in Client().get(REGISTRY + "fraser-foods/").text


def test_renaming_a_commitment_changes_the_cached_pledge_page(
    pledge_page, commitments, django_capture_on_commit_callbacks
):
    assert "Offer a workplace buddy" in Client().get("/pledge/").text
    commitment = commitments[2]
    commitment.title = "Pair each newcomer with a buddy"
    with django_capture_on_commit_callbacks(execute=True):
        commitment.save()
    assert "Pair each newcomer with a buddy" in Client().get("/pledge/").text


def test_signing_and_asking_for_links_leave_the_cached_registry_alone(
    pledge_page, commitments, django_capture_on_commit_callbacks
):
    listed = PledgeFactory(commitments=commitments)
    # The first email creates the pledge settings with their defaults.
    Client().post("/pledge/", sign_data(commitments))
    Client().get(REGISTRY)
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(
            "/pledge/",
            sign_data(commitments, organization_name="Hope Bakery", email="a@hb.ca"),
        )
        issue_manage_link(pledge_page, listed)
    assert Pledge.objects.count() == 3
    assert Client().get(REGISTRY)["X-Cache"] == "hit"


def test_two_visitors_sign_from_the_cached_pledge_page(
    pledge_page, commitments, monkeypatch
):
    monkeypatch.setattr(PledgeForm, "min_seconds", 0)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    pages = [first.get("/pledge/"), second.get("/pledge/")]
    assert [page["X-Cache"] for page in pages] == ["miss", "hit"]
    keys = [hidden(page.text, "submission_key") for page in pages]
    assert keys[0] != keys[1]
    tokens = [hidden(page.text, "csrfmiddlewaretoken") for page in pages]
    assert tokens[0] != tokens[1]

    for number, (client, page) in enumerate(zip((first, second), pages, strict=True)):
        data = sign_data(
            commitments,
            organization_name=f"Employer {number}",
            email=f"owner{number}@employer{number}.example",
            submission_key=hidden(page.text, "submission_key"),
            shown_at=hidden(page.text, "shown_at"),
            csrfmiddlewaretoken=hidden(page.text, "csrfmiddlewaretoken"),
        )
        assert client.post("/pledge/", data).status_code == 302
    assert sorted(Pledge.objects.values_list("organization_name", flat=True)) == [
        "Employer 0",
        "Employer 1",
    ]


def test_confirm_and_manage_links_are_never_cached(pledge_page, commitments):
    pledge = PledgeFactory(commitments=commitments)
    manage = issue_manage_link(pledge_page, pledge).removeprefix("http://localhost")
    for _visit in range(2):
        response = Client().get(manage)
        assert response.status_code == 200
        assert response["X-Cache"] == "miss"
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex"

    verify = "/pledge/confirm/" + "x" * 43 + "/"
    Client().get(verify)
    response = Client().get(verify)
    assert response["X-Cache"] == "miss"
    assert "no-store" in response["Cache-Control"]


# Workshops ------------------------------------------------------------------


def test_registering_changes_seats_left_on_the_cached_pages(
    workshop, online_workshop, django_capture_on_commit_callbacks
):
    other = online_workshop.url
    assert "3 seats left" in Client().get(WORKSHOP).text
    assert "3 seats left" in Client().get("/workshops/").text
    Client().get(other)
    Client().get("/")

    with django_capture_on_commit_callbacks(execute=True):
        workshop_service.register(workshop, registration_data(seats="2"))

    page = Client().get(WORKSHOP)
    assert page["X-Cache"] == "miss"
    assert "1 seat left" in page.text
    assert "1 seat left" in Client().get("/workshops/").text
    # The home page's live figures may count registrations.
    assert Client().get("/")["X-Cache"] == "miss"
    # Another workshop's page shows other seats: it stays cached.
    assert Client().get(other)["X-Cache"] == "hit"


def test_cancelling_frees_the_seat_on_the_cached_page(
    workshop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        outcome = workshop_service.register(workshop, registration_data(seats="2"))
    assert "1 seat left" in Client().get(WORKSHOP).text
    with django_capture_on_commit_callbacks(execute=True):
        workshop_service.cancel(outcome.registration)
    assert "3 seats left" in Client().get(WORKSHOP).text


def test_two_visitors_register_from_the_cached_form(
    workshop, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(RegistrationForm, "min_seconds", 0)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    pages = [first.get(WORKSHOP + "register/"), second.get(WORKSHOP + "register/")]
    assert [page["X-Cache"] for page in pages] == ["miss", "hit"]
    assert hidden(pages[0].text, "shown_at") != hidden(pages[1].text, "shown_at")

    for number, (client, page) in enumerate(zip((first, second), pages, strict=True)):
        data = registration_data(
            email=f"person{number}@example.com",
            shown_at=hidden(page.text, "shown_at"),
            csrfmiddlewaretoken=hidden(page.text, "csrfmiddlewaretoken"),
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(WORKSHOP + "register/", data)
        assert response.status_code == 302
    assert Registration.objects.count() == 2
    assert "1 seat left" in Client().get(WORKSHOP).text


def test_a_registrants_own_page_is_never_cached(workshop):
    outcome = workshop_service.register(workshop, registration_data())
    personal = WORKSHOP + f"registration/{outcome.token}/"
    for _visit in range(2):
        response = Client().get(personal)
        assert response.status_code == 200
        assert response["X-Cache"] == "miss"
        assert "no-store" in response["Cache-Control"]
        assert "Maria Santos" in response.text


def test_registration_opening_ends_the_cached_page_in_time(workshop_index):
    opens = timezone.now() + datetime.timedelta(seconds=2)
    WorkshopPageFactory(
        parent=workshop_index,
        slug="opens-soon",
        registration_opens_at=opens,
        capacity=None,
    )
    url = "/workshops/opens-soon/"
    assert "Registration opens soon" in Client().get(url).text
    assert Client().get(url)["X-Cache"] == "hit"
    time.sleep((opens - timezone.now()).total_seconds() + 0.1)
    page = Client().get(url)
    assert page["X-Cache"] == "miss"
    assert "Seats available" in page.text


def test_renaming_a_venue_changes_the_cached_workshop_page(
    workshop, django_capture_on_commit_callbacks
):
    assert "Abbotsford Library" in Client().get(WORKSHOP).text
    venue = workshop.venue
    venue.name = "Abbotsford Public Library"
    with django_capture_on_commit_callbacks(execute=True):
        venue.save()
    assert "Abbotsford Public Library" in Client().get(WORKSHOP).text


def test_renaming_a_facilitator_changes_the_cached_workshop_page(
    workshop, django_capture_on_commit_callbacks
):
    assert "Priya Natarajan" in Client().get(WORKSHOP).text
    facilitator = workshop.workshop_facilitators.get().facilitator
    facilitator.name = "Dr. Priya Natarajan"
    with django_capture_on_commit_callbacks(execute=True):
        facilitator.save()
    assert "Dr. Priya Natarajan" in Client().get(WORKSHOP).text


def test_calendar_feeds_are_cached(workshop):
    assert Client().get("/workshops/calendar/")["X-Cache"] == "miss"
    feed = Client().get("/workshops/calendar/")
    assert feed["X-Cache"] == "hit"
    assert feed["Content-Type"].startswith("text/calendar")
    assert b"Inclusive hiring 101" in feed.content
