"""Nothing private, and no pledge that is not listed, reaches a public address."""

import pytest

from django.core.files.base import ContentFile

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import Pledge
from tests.employers.pledges.fixtures import unlisted_pledges

pytestmark = pytest.mark.django_db

PRIVATE = [
    "Harjit Secretname",
    "Chief Secret Officer",
    "harjit.private",
    "valleyberry.example",
    "604-555-0199",
    "listing_consent",
    "news_consent",
]
PUBLIC_URLS = [
    "/pledge/registry/",
    "/pledge/registry/?q=valley",
    "/pledge/registry/valley-berry-farms/",
    "/pledge/registry/valley-berry-farms/badge.svg",
    "/pledge/registry/registry.csv",
    "/pledge/registry/registry.json",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_contact_details_never_appear_in_public(client, listed_pledge, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.getvalue().decode()
    assert "Valley Berry Farms" in body
    for secret in PRIVATE:
        assert secret not in body, f"{secret} in {url}"


@pytest.mark.parametrize(
    "url",
    [
        "/pledge/registry/",
        "/pledge/registry/?sort=name&q=works",
        "/pledge/registry/registry.csv",
        "/pledge/registry/registry.json",
    ],
)
def test_unlisted_pledges_never_appear_in_lists(client, listed_pledge, url):
    unlisted_pledges({"postings": listed_pledge.chosen_commitments.first().commitment})
    body = client.get(url).getvalue().decode()
    if "q=" not in url:
        assert "Valley Berry Farms" in body
    assert "Hidden" not in body


def test_listing_counts_only_listed_pledges(client, listed_pledge):
    unlisted_pledges({"postings": listed_pledge.chosen_commitments.first().commitment})
    assert "1 employer has signed the pledge." in client.get("/pledge/registry/").text


@pytest.mark.parametrize(
    "state", ["rejected", "withdrawn", "lapsed", "unverified", "pending", "expired"]
)
@pytest.mark.parametrize("suffix", ["", "logo/", "badge.svg"])
def test_unlisted_pledge_has_no_profile_logo_or_badge(
    client, registry, named_commitments, state, suffix
):
    pledges = {p.slug: p for p in unlisted_pledges(named_commitments)}
    pledge = pledges[f"hidden-{state}"]
    pledge.logo = ContentFile(b"\x89PNG fake", name="logo.png")
    pledge.save()
    assert not pledge.is_listed
    response = client.get(f"/pledge/registry/{pledge.slug}/{suffix}")
    if suffix == "badge.svg" and pledge.approved_at is not None:
        # Once listed, the embedded badge stays an image, naming nobody.
        assert response.status_code == 200
        assert "no longer listed" in response.content.decode()
        assert "Hidden" not in response.content.decode()
    else:
        assert response.status_code == 404


def test_site_search_never_returns_pledges(client, registry, named_commitments):
    PledgeFactory(
        organization_name="Zanzibarian Widgets",
        statement="Zanzibarian statement",
        status=Pledge.Status.APPROVED,
    )
    unlisted_pledges(named_commitments)
    for term in ("Zanzibarian", "Hidden", "Secretname"):
        response = client.get("/search/", {"q": term})
        assert response.status_code == 200
        assert response.context["results"].paginator.count == 0
        assert "Zanzibarian Widgets" not in response.text
        assert "Hidden Pending Works" not in response.text
