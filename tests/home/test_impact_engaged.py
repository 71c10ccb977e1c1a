"""Employers engaged are counted in the database: the row that wins per
organization, whatever the number of pledges and registrations."""

import pytest

from employers.pledges.models import Pledge
from employers.workshops.factories import WorkshopPageFactory
from employers.workshops.impact import engaged_organizations
from home.choices import Sector, SizeBand
from tests.employers.workshops.impact_fixtures import FY_2025, at, pledge, registration

pytestmark = pytest.mark.django_db


def _counts(engagement, attribute: str) -> tuple[dict, dict]:
    return (
        {k: n for k, n in engagement.pledge[attribute].items() if n},
        {k: n for k, n in engagement.workshops[attribute].items() if n},
    )


def test_each_organization_counts_once_through_its_winning_row(workshop_index):
    # Two pledges of one organization: the latest approval gives its sector.
    pledge(
        "Acme Foods Inc.",
        Sector.RETAIL,
        SizeBand.SMALL,
        "Mission",
        approved=at(2024, 6, 1),
        closed_at=at(2025, 6, 1),
        status=Pledge.Status.WITHDRAWN,
    )
    pledge(
        "ACME FOODS",
        Sector.CONSTRUCTION,
        SizeBand.MEDIUM,
        "Abbotsford",
        approved=at(2025, 7, 1),
    )
    workshop = WorkshopPageFactory(
        parent=workshop_index, start=at(2025, 9, 1), end=at(2025, 9, 1, 14)
    )
    # Checked in, but the organization holds a pledge: counted there only.
    registration(
        workshop, "Acme Foods", attended_at=at(2025, 9, 1), sector=Sector.MANUFACTURING
    )
    # A workshop-only organization: its latest registration that gave a
    # sector wins over a later one that gave none.
    registration(
        workshop,
        "Kestrel Kitchens Ltd",
        attended_at=at(2025, 9, 1, 10),
        sector=Sector.FINANCE,
        size=SizeBand.LARGE,
    )
    registration(
        workshop,
        "Kestrel Kitchens",
        attended_at=at(2025, 9, 1, 11),
        sector="",
        size=SizeBand.SMALL,
    )
    # Another with two registrations giving sectors: the later one wins.
    registration(
        workshop,
        "Heron Farms",
        attended_at=at(2025, 9, 1, 10),
        sector=Sector.RETAIL,
        size=SizeBand.MICRO,
    )
    registration(
        workshop,
        "Heron Farms",
        attended_at=at(2025, 9, 1, 11),
        sector=Sector.AGRICULTURE,
        size=SizeBand.MICRO,
    )
    # Registered but never checked in: not engaged.
    registration(workshop, "Osprey Tech", sector=Sector.FINANCE)

    engagement = engaged_organizations(FY_2025)

    assert _counts(engagement, "sector") == (
        {Sector.CONSTRUCTION: 1},
        {Sector.FINANCE: 1, Sector.AGRICULTURE: 1},
    )
    assert _counts(engagement, "size") == (
        {SizeBand.MEDIUM: 1},
        {SizeBand.LARGE: 1, SizeBand.MICRO: 1},
    )
    assert _counts(engagement, "community") == ({"Abbotsford": 1}, {"": 2})


@pytest.mark.parametrize("size", [2, 20])
def test_counting_takes_two_queries_whatever_the_data(
    workshop_index, django_assert_num_queries, size
):
    workshop = WorkshopPageFactory(
        parent=workshop_index, start=at(2025, 9, 1), end=at(2025, 9, 1, 14)
    )
    for n in range(size):
        pledge(
            f"Employer {n}",
            Sector.RETAIL,
            SizeBand.SMALL,
            "Mission",
            approved=at(2025, 5, 1),
        )
        registration(
            workshop, f"Visitor {n}", attended_at=at(2025, 9, 1), sector=Sector.FINANCE
        )

    with django_assert_num_queries(2):
        engagement = engaged_organizations(FY_2025)

    assert sum(engagement.pledge["sector"].values()) == size
    assert sum(engagement.workshops["sector"].values()) == size
