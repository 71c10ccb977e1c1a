"""Registry pages and downloads run a fixed, small number of queries, however
many pledges."""

import datetime

import pytest

from django.utils import timezone

from employers.pledges.factories import CommitmentFactory
from employers.pledges.models import Pledge, PledgeCommitment
from employers.pledges.models.pledges import normalize_organization_name
from home.choices import Sector, SizeBand
from tests.query_counts import count_queries

pytestmark = pytest.mark.django_db

SECTORS = [Sector.MANUFACTURING, Sector.HEALTH, Sector.CONSTRUCTION]
URLS = {
    "registry": "/pledge/registry/",
    "filtered": "/pledge/registry/?sector=62&community=Mission&level=active"
    "&commitment={commitment}&sort=name&page=2",
    "search": "/pledge/registry/?q=employer",
    "profile": "/pledge/registry/employer-0003/",
    "csv": "/pledge/registry/registry.csv",
    "filtered csv": "/pledge/registry/registry.csv?sector=62&commitment={commitment}",
    "json": "/pledge/registry/registry.json",
}
# (warm, cold): see tests/query_counts.py.
BUDGETS = {
    "registry": (22, 24),
    "filtered": (23, 25),
    "search": (23, 25),
    "profile": (19, 21),
    "csv": (15, 17),
    "filtered csv": (15, 17),
    "json": (15, 17),
}


def _add_pledges(start: int, count: int, commitments: list) -> None:
    """Bulk-create listed pledges, each with every commitment."""
    now = timezone.now()
    pledges = []
    for number in range(start, start + count):
        name = f"Employer {number:04d}"
        pledges.append(
            Pledge(
                organization_name=name,
                normalized_name=normalize_organization_name(name),
                slug=f"employer-{number:04d}",
                website=f"https://employer-{number}.example",
                sector=SECTORS[number % 3],
                size_band=SizeBand.SMALL,
                community=["Abbotsford", "Mission"][number % 2],
                contact_name="Private Person",
                email=f"hr@employer-{number}.example",
                email_domain=f"employer-{number}.example",
                status=Pledge.Status.APPROVED,
                level=Pledge.Level.ACTIVE,
                approved_at=now - datetime.timedelta(hours=number),
                expires_at=now + datetime.timedelta(days=300),
            )
        )
    created = Pledge.objects.bulk_create(pledges)
    if created[0].pk is None:  # backends that do not return keys
        created = Pledge.objects.filter(slug__in=[p.slug for p in pledges])
    PledgeCommitment.objects.bulk_create(
        PledgeCommitment(pledge=pledge, commitment=commitment, progress="in_progress")
        for pledge in created
        for commitment in commitments
    )


def _counts(client, commitment) -> dict:
    return {
        name: count_queries(client, url.format(commitment=commitment.pk))
        for name, url in URLS.items()
    }


def test_registry_queries_do_not_grow_with_pledges(
    client, registry, django_assert_max_num_queries
):
    commitments = [CommitmentFactory() for _ in range(6)]
    _add_pledges(0, 10, commitments)
    small = _counts(client, commitments[2])

    _add_pledges(10, 990, commitments)
    more = [CommitmentFactory() for _ in range(3)]
    PledgeCommitment.objects.bulk_create(
        PledgeCommitment(pledge=pledge, commitment=commitment)
        for pledge in Pledge.objects.all()
        for commitment in more
    )
    assert Pledge.objects.listed().count() == 1000
    large = _counts(client, commitments[2])

    print(f"\n(warm, cold) at 10 pledges: {small}\nat 1,000 pledges: {large}")
    for name, (warm, cold) in BUDGETS.items():
        assert all(a <= b for a, b in zip(large[name], small[name], strict=True)), name
        assert large[name][1] <= cold, f"{name}: {large[name][1]} queries, cold"
        url = URLS[name].format(commitment=commitments[2].pk)
        client.get(url)  # fill the cache again for this address
        with django_assert_max_num_queries(warm):
            client.get(url)


def test_profile_runs_within_its_query_budget(
    client, listed_pledge, django_assert_max_num_queries
):
    warm, cold = count_queries(client, "/pledge/registry/valley-berry-farms/")
    assert cold <= BUDGETS["profile"][1]
    with django_assert_max_num_queries(BUDGETS["profile"][0]):
        client.get("/pledge/registry/valley-berry-farms/")
