"""Many people take the last seats at the same instant: capacity holds.

Real transactions on PostgreSQL, one connection per thread. SQLite serializes
every write transaction (IMMEDIATE mode) and cannot run this meaningfully.
"""

import threading

import pytest

from django.db import connection, connections

from employers.workshops.models import Registration
from employers.workshops.services import registration as service

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Row locks need PostgreSQL; run with DATABASE_URL=postgres://…",
    ),
]
Status = Registration.Status

SEATS = 20
PEOPLE = 50


def _at_once(jobs) -> list[BaseException]:
    """Run each job in its own thread and connection, released together."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job):
        try:
            barrier.wait()
            job()
        except BaseException as error:  # noqa: BLE001 (reported by the test)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def _person(workshop, n, tag="p"):
    def job():
        service.register(
            workshop,
            {
                "name": f"Person {n}",
                "email": f"{tag}{n}@example.com",
                "organization": "O",
            },
        )

    return job


@pytest.fixture
def quiet_mail(settings):
    # Delivery after commit would make every thread race for the mail queue too.
    settings.MAIL_SEND_AFTER_COMMIT = False


def test_fifty_at_once_for_twenty_seats(workshop, quiet_mail, record_property):
    workshop.capacity = SEATS
    workshop.max_seats_per_registration = 1
    workshop.save()
    errors = _at_once([_person(workshop, n) for n in range(PEOPLE)])
    assert errors == []
    registrations = Registration.objects.filter(workshop=workshop)
    confirmed = registrations.filter(status=Status.CONFIRMED)
    waitlisted = registrations.filter(status=Status.WAITLISTED)
    record_property("confirmed", confirmed.count())
    record_property("waitlisted", waitlisted.count())
    print(
        f"\n{PEOPLE} at once: {confirmed.count()} confirmed, "
        f"{waitlisted.count()} waitlisted"
    )
    assert confirmed.count() == SEATS
    assert waitlisted.count() == PEOPLE - SEATS
    assert Registration.objects.count() == PEOPLE
    positions = sorted(service.waitlist_position(r) for r in waitlisted)
    assert positions == list(range(1, PEOPLE - SEATS + 1))


def test_cancellations_interleaved_with_registrations_keep_the_order(
    workshop, quiet_mail
):
    workshop.capacity = SEATS
    workshop.max_seats_per_registration = 1
    workshop.claim_window_hours = 24
    workshop.save()
    for n in range(PEOPLE):
        _person(workshop, n)()
    registrations = Registration.objects.filter(workshop=workshop)
    confirmed = list(registrations.filter(status=Status.CONFIRMED))
    queue = list(
        registrations.filter(status=Status.WAITLISTED).order_by("created_at", "pk")
    )
    leaving = confirmed[:10]

    def cancel(registration):
        return lambda: service.cancel(registration)

    jobs = [cancel(r) for r in leaving] + [
        _person(workshop, n, tag="late") for n in range(10)
    ]
    errors = _at_once(jobs)
    assert errors == []
    offered = Registration.objects.filter(workshop=workshop, status=Status.OFFERED)
    print(f"\n10 cancellations with 10 late registrations: {offered.count()} offered")
    assert {r.pk for r in offered} == {r.pk for r in queue[:10]}
    assert service.seats_taken(workshop) == SEATS
    late = Registration.objects.filter(email__startswith="late")
    assert set(late.values_list("status", flat=True)) == {Status.WAITLISTED}
    assert Registration.objects.filter(status=Status.WAITLISTED).count() == 30
