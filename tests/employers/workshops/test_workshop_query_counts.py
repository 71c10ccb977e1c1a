"""The workshop pages cost a fixed, small number of queries, however much there is."""

import datetime

import pytest

from django.utils import timezone

from employers.workshops.factories import (
    FacilitatorFactory,
    VenueFactory,
    WorkshopPageFactory,
)
from employers.workshops.models import Registration, WorkshopFacilitator
from resources.factories import TopicFactory
from tests.employers.translations import publish_in_french
from tests.query_counts import count_queries

pytestmark = pytest.mark.django_db

WORKSHOPS = 100
REGISTRATIONS = 5_000
# (warm, cold): see tests/query_counts.py.
BUDGETS = {
    "/workshops/": (22, 24),
    "/workshops/past/": (20, 22),
    "/workshops/inclusive-hiring-101/": (21, 23),
    "/workshops/inclusive-hiring-101/register/": (22, 24),
    "/workshops/calendar/": (10, 12),
}
# The French index lists English-only events too, marked lang="en", and reads
# every topic once to name them in French (resources.taxonomy.TopicChoices).
FRENCH_BUDGETS = {
    "/fr-ca/workshops/": (24, 26),
    "/fr-ca/workshops/past/": (24, 26),
}


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
        )
        for n in range(REGISTRATIONS)
    )


@pytest.mark.parametrize("url", BUDGETS)
def test_workshop_pages_run_a_fixed_number_of_queries(
    client, workshop_index, workshop, url, django_assert_max_num_queries
):
    small = count_queries(client, url)
    _grow(workshop_index, workshop)
    assert Registration.objects.count() >= REGISTRATIONS
    large = count_queries(client, url)

    print(f"\n{url}: (warm, cold) {small}, then {large} with {WORKSHOPS} workshops")
    assert all(a <= b for a, b in zip(large, small, strict=True))
    warm, cold = BUDGETS[url]
    assert large[1] <= cold
    with django_assert_max_num_queries(warm):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", FRENCH_BUDGETS)
def test_french_listings_run_a_fixed_number_of_queries_with_english_only_events(
    client, workshop_index, workshop, url, django_assert_max_num_queries
):
    publish_in_french(workshop, title="L’embauche inclusive 101")
    past = WorkshopPageFactory(
        parent=workshop_index, start=timezone.now() - datetime.timedelta(days=30)
    )
    publish_in_french(past)
    small = count_queries(client, url)
    _grow(workshop_index, workshop)
    for n in range(WORKSHOPS // 4):
        page = WorkshopPageFactory(
            parent=workshop_index,
            start=timezone.now() - datetime.timedelta(days=40 + n),
            slug=f"past-load-{n}",
        )
        if n % 5 == 0:
            publish_in_french(page)
    large = count_queries(client, url)

    print(f"\n{url}: (warm, cold) {small}, then {large} with {WORKSHOPS} workshops")
    html = client.get(url).content.decode()
    assert html.count('lang="en"') >= 10
    assert all(a <= b for a, b in zip(large, small, strict=True))
    warm, cold = FRENCH_BUDGETS[url]
    assert large[1] <= cold
    with django_assert_max_num_queries(warm):
        assert client.get(url).status_code == 200
