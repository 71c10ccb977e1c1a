"""The public registry lists listed pledges, filtered and sorted from the query."""

import datetime

import pytest

from django.utils import timezone

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import Pledge
from home.choices import Sector, SizeBand

pytestmark = pytest.mark.django_db

URL = "/pledge/registry/"


def _names(response) -> list[str]:
    pledges = response.context["results"]["pledges"]
    return [pledge.organization_name for pledge in pledges]


@pytest.fixture
def employers(registry, named_commitments, listed_pledge) -> dict:
    now = timezone.now()
    return {
        "berry": listed_pledge,
        "bakery": PledgeFactory(
            organization_name="Abbotsford Bakery",
            sector=Sector.MANUFACTURING,
            size_band=SizeBand.MICRO,
            community="Abbotsford",
            level=Pledge.Level.CHAMPION,
            approved_at=now - datetime.timedelta(days=30),
            commitments=[(named_commitments["buddy"], "done")],
        ),
        "clinic": PledgeFactory(
            organization_name="Mission Family Clinic",
            sector=Sector.HEALTH,
            size_band=SizeBand.MEDIUM,
            community="Mission",
            level=Pledge.Level.COMMITTED,
            approved_at=now - datetime.timedelta(days=60),
            commitments=[named_commitments["language"], named_commitments["postings"]],
        ),
    }


def test_registry_shows_listed_pledges_as_cards_newest_first(client, employers):
    response = client.get(URL)
    assert response.status_code == 200
    assert _names(response) == [
        "Valley Berry Farms",
        "Abbotsford Bakery",
        "Mission Family Clinic",
    ]
    html = response.text
    assert "3 employers have signed the pledge." in html
    assert 'href="/pledge/registry/valley-berry-farms/"' in html
    assert "Agriculture, forestry, fishing and hunting" in html
    assert "10–49 employees" in html
    assert "Active level" in html
    assert "Offer a workplace buddy" in html
    # No logo: a placeholder with the initials.
    assert 'aria-hidden="true">VB</span>' in html


def test_registry_sorts_by_name(client, employers):
    response = client.get(URL, {"sort": "name"})
    assert _names(response) == [
        "Abbotsford Bakery",
        "Mission Family Clinic",
        "Valley Berry Farms",
    ]
    assert '<option value="name" selected>' in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "berry"}, ["Valley Berry Farms"]),
        ({"q": "BAKERY"}, ["Abbotsford Bakery"]),
        ({"sector": Sector.HEALTH}, ["Mission Family Clinic"]),
        ({"community": "Abbotsford"}, ["Abbotsford Bakery"]),
        ({"size": SizeBand.MICRO}, ["Abbotsford Bakery"]),
        ({"level": "champion"}, ["Abbotsford Bakery"]),
        ({"sector": Sector.AGRICULTURE, "community": "Mission"}, []),
    ],
)
def test_registry_filters_narrow_the_list(client, employers, query, expected):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert _names(response) == expected


def test_registry_filters_by_commitment(client, employers, named_commitments):
    response = client.get(URL, {"commitment": named_commitments["language"].pk})
    assert _names(response) == ["Valley Berry Farms", "Mission Family Clinic"]
    # The cards still count all of each pledge's commitments.
    berry = response.context["results"]["pledges"][0]
    assert (berry.commitment_count, berry.done_count) == (3, 1)
    assert "(1 of 3 done)" in response.text
    assert (
        f'<option value="{named_commitments["language"].pk}" selected>' in response.text
    )


def test_filtered_registry_keeps_choices_offers_clear_link_and_total(client, employers):
    response = client.get(URL, {"community": "Mission", "level": "committed"})
    html = response.text
    assert '<option value="Mission" selected>' in html
    assert '<option value="committed" selected>' in html
    assert "Clear filters" in html
    assert "1 employer matches" in html
    assert "3 employers have signed the pledge." in html
    assert "registry.csv?community=Mission&amp;level=committed" in html
    assert "registry.json?community=Mission&amp;level=committed" in html


def test_unfiltered_registry_has_no_clear_link(client, employers):
    assert "Clear filters" not in client.get(URL).text


@pytest.mark.parametrize(
    "query",
    [
        {"sector": "zz"},
        {"community": "Atlantis"},
        {"size": "1000000"},
        {"commitment": "not-a-number"},
        {"commitment": "999999"},
        {"level": "<script>"},
        {"sort": "drop table"},
        {"page": "many"},
        {"page": "9999"},
        {"q": "x" * 5000},
        {"q": "nul\x00byte"},
    ],
)
def test_invalid_parameters_are_ignored_not_errors(client, employers, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert "<script>" not in response.text


def test_invalid_filter_is_dropped_and_valid_one_kept(client, employers):
    response = client.get(URL, {"sector": "zz", "community": "Abbotsford"})
    assert _names(response) == ["Abbotsford Bakery"]
    assert "were not recognized" in response.text


def test_registry_paginates_24_per_page_and_keeps_filters(client, registry):
    PledgeFactory.create_batch(30, community="Mission")
    first = client.get(URL, {"community": "Mission"})
    assert len(first.context["results"]["pledges"].object_list) == 24
    assert "?community=Mission&amp;page=2" in first.text
    second = client.get(URL, {"community": "Mission", "page": 2})
    assert len(second.context["results"]["pledges"].object_list) == 6


def test_registry_names_the_licence_of_its_open_data(client, registry):
    registry.licence = registry.Licence.ODC_BY
    registry.save_revision().publish()
    html = client.get(URL).text
    assert "Open Data Commons Attribution 1.0" in html
    assert 'href="https://opendatacommons.org/licenses/by/1-0/"' in html


def test_empty_registry_says_so(client, registry):
    response = client.get(URL, {"q": "nobody"})
    assert response.status_code == 200
    assert "No employer matches these choices" in response.text
