"""One visitor cannot take a workshop: seats per address and per network, and
one registration per form shown (issue 15, finding 2)."""

import time

import pytest

from django.core import signing

from employers.workshops.factories import WorkshopPageFactory
from employers.workshops.models import Registration
from home.spam import SALT
from tests.employers.translations import publish_in_french
from tests.employers.workshops.test_workshop_registration import form

pytestmark = pytest.mark.django_db


@pytest.fixture
def twelve_seats(workshop_index):
    """The attacked workshop: 12 seats, 3 per registration, a waitlist."""
    page = WorkshopPageFactory(
        parent=workshop_index,
        title="Hiring newcomers",
        slug="hiring-newcomers",
        capacity=12,
        max_seats_per_registration=3,
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def register(client, page, ip="203.0.113.7", **fields):
    return client.post(f"{page.url}register/", form(**fields), REMOTE_ADDR=ip)


def held(page) -> int:
    active = Registration.objects.filter(workshop=page, status__in=Registration.ACTIVE)
    return sum(active.values_list("seats", flat=True))


def test_one_page_load_and_twelve_invented_emails_take_one_registration(
    client, twelve_seats
):
    token = signing.dumps(time.time() - 30, salt=SALT)
    answers = [
        register(
            client,
            twelve_seats,
            email=f"bot{n}@invented.example",
            seats="3",
            shown_at=token,
        )
        for n in range(12)
    ]
    assert answers[0].status_code == 302
    assert [a.status_code for a in answers[1:]] == [409] * 11
    assert "This form has already been sent" in answers[1].text
    assert held(twelve_seats) == 3


def test_one_network_holds_at_most_six_seats_of_an_event(client, twelve_seats):
    answers = [
        register(
            client,
            twelve_seats,
            ip=f"203.0.113.{n + 1}",
            email=f"bot{n}@invented.example",
            seats="3",
            shown_at=signing.dumps(time.time() - 30 - n, salt=SALT),
        )
        for n in range(12)
    ]
    assert [a.status_code for a in answers[:2]] == [302, 302]
    assert {a.status_code for a in answers[2:]} == {409}
    assert "as many seats for this workshop as we can give" in answers[2].text
    assert held(twelve_seats) == 6
    # Someone elsewhere still finds seats.
    assert register(client, twelve_seats, ip="198.51.100.9").status_code == 302


def test_an_address_however_spelled_holds_at_most_four_seats(client, twelve_seats):
    first = register(
        client,
        twelve_seats,
        ip="192.0.2.1",
        email="maria+a@valleyfoods.example",
        seats="3",
    )
    assert first.status_code == 302
    second = register(
        client,
        twelve_seats,
        ip="198.51.100.1",
        email="Maria+b@ValleyFoods.example",
        seats="3",
        shown_at=signing.dumps(time.time() - 40, salt=SALT),
    )
    assert second.status_code == 409
    assert "you can register 1 more seat for this workshop" in second.text
    assert held(twelve_seats) == 3


def test_the_limit_is_on_the_event_in_both_languages(client, twelve_seats):
    french = publish_in_french(twelve_seats, title="Embaucher des nouveaux arrivants")
    for n in range(2):
        register(
            client,
            twelve_seats,
            email=f"en{n}@invented.example",
            seats="3",
            shown_at=signing.dumps(time.time() - 30 - n, salt=SALT),
        )
    answer = register(client, french, email="fr@invented.example", seats="1")
    assert answer.status_code == 409
    assert held(twelve_seats) == 6


def test_a_staff_member_may_raise_the_network_limit(client, twelve_seats):
    twelve_seats.max_seats_per_network = 12
    twelve_seats.save_revision().publish()
    for n in range(4):
        answer = register(
            client,
            twelve_seats,
            email=f"team{n}@employer.example",
            seats="3",
            shown_at=signing.dumps(time.time() - 30 - n, salt=SALT),
        )
        assert answer.status_code == 302
    assert held(twelve_seats) == 12


def test_registration_is_confirmed_at_once_without_an_email_link(
    client, twelve_seats, sent_mail
):
    """The decision in docs/workshops.md: no pending hold."""
    response = register(client, twelve_seats, seats="2")
    assert response.status_code == 302
    registration = Registration.objects.get(workshop=twelve_seats)
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.confirmed_at is not None
    outbox = sent_mail()
    assert len(outbox) == 1
    assert "You are registered" in outbox[0].subject
