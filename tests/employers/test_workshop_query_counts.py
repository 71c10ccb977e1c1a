"""The workshop pages cost a fixed number of queries, however much there is."""

import secrets

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from employers.factories import FacilitatorFactory, VenueFactory, WorkshopPageFactory
from employers.models import Registration, WorkshopFacilitator
from resources.factories import TopicFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 25
WORKSHOPS = 100
REGISTRATIONS = 5_000


def _count(client, url: str) -> int:
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(index, workshop) -> None:
    topics = [TopicFactory() for _ in range(5)]
    venue = VenueFactory()
    pages = [
        WorkshopPageFactory(
            parent=index, venue=venue, capacity=60, slug=f"workshop-load-{n}"
        )
        for n in range(WORKSHOPS - 1)
    ]
    for n, page in enumerate(pages):
        page.topics.set(topics[: 1 + n % 5])
    workshop.topics.set(topics)
    for _ in range(8):
        WorkshopFacilitator.objects.create(
            page=workshop, facilitator=FacilitatorFactory()
        )
    targets = [workshop, *pages]
    Registration.objects.bulk_create(
        Registration(
            workshop=targets[n % len(targets)],
            status=["confirmed", "waitlisted", "cancelled"][n % 3],
            name=f"Person {n}",
            email=f"person{n}@example.com",
            organization="Org",
            consent_version="test",
            token_nonce=secrets.token_hex(16),
            token_digest=secrets.token_hex(32),
        )
        for n in range(REGISTRATIONS)
    )


@pytest.mark.parametrize(
    "url",
    [
        "/workshops/",
        "/workshops/past/",
        "/workshops/inclusive-hiring-101/",
        "/workshops/inclusive-hiring-101/register/",
        "/workshops/calendar/",
    ],
)
def test_workshop_pages_run_a_fixed_number_of_queries(
    client, workshop_index, workshop, url, django_assert_max_num_queries
):
    small = _count(client, url)
    assert small <= MAX_QUERIES
    _grow(workshop_index, workshop)
    assert Registration.objects.count() >= REGISTRATIONS

    client.get(url)
    cache.clear()
    with django_assert_max_num_queries(small):
        assert client.get(url).status_code == 200
