"""People register at the same instant on the English and the French page.

One event, one seat pool: real transactions on PostgreSQL, one connection per
thread, half of them on each language's page. SQLite serializes every write
transaction (IMMEDIATE mode) and cannot run this meaningfully.
"""

import pytest

from django.db import connection
from django.utils import translation

from employers.workshops.models import Registration
from employers.workshops.services import registration as service
from tests.employers.translations import publish_in_french
from tests.employers.workshops.test_workshop_concurrency import _at_once

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Row locks need PostgreSQL; run with DATABASE_URL=postgres://…",
    ),
]
Status = Registration.Status

SEATS = 10
PEOPLE = 30


@pytest.fixture
def quiet_mail(settings):
    # Delivery after commit would make every thread race for the mail queue too.
    settings.MAIL_SEND_AFTER_COMMIT = False


def _person(page, n: int, language: str):
    def job():
        with translation.override(language):
            service.register(
                page,
                {
                    "name": f"Person {n}",
                    "email": f"{language}-{n}@example.com",
                    "organization": "O",
                },
            )

    return job


def test_thirty_at_once_from_both_languages_for_ten_seats(workshop, quiet_mail):
    workshop.capacity = SEATS
    workshop.max_seats_per_registration = 1
    workshop.save_revision().publish()
    french = publish_in_french(workshop, slug="embauche-inclusive-101")

    jobs = [
        _person(workshop, n, "en") if n % 2 else _person(french, n, "fr-ca")
        for n in range(PEOPLE)
    ]
    errors = _at_once(jobs)

    assert errors == []
    registrations = Registration.objects.all()
    assert registrations.count() == PEOPLE
    assert set(registrations.values_list("workshop", flat=True)) == {workshop.pk}
    assert registrations.filter(status=Status.CONFIRMED).count() == SEATS
    assert registrations.filter(status=Status.WAITLISTED).count() == PEOPLE - SEATS
    languages = set(
        registrations.filter(status=Status.CONFIRMED).values_list("language", flat=True)
    )
    assert languages <= {"en", "fr-ca"}
    assert registrations.filter(language="fr-ca").count() == PEOPLE // 2
    assert service.seats_left(workshop) == service.seats_left(french) == 0
