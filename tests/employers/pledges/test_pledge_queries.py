"""The pledge page runs a fixed, small number of queries."""

import pytest

from employers.pledges.factories import CommitmentFactory, PledgeFactory
from tests.query_counts import count_queries

pytestmark = pytest.mark.django_db

# (warm, cold): see tests/query_counts.py. Routing, the registry's page and
# the commitments; the cold extra is the site cache: site, settings, menus.
WARM, COLD = 18, 20


def test_the_pledge_page_runs_a_fixed_number_of_queries(
    client, pledge_page, django_assert_max_num_queries
):
    small = count_queries(client, "/pledge/")
    CommitmentFactory.create_batch(30)
    PledgeFactory.create_batch(50)
    large = count_queries(client, "/pledge/")
    print(f"\n/pledge/: (warm, cold) {small}, then {large}")
    assert large == small
    assert large[1] <= COLD
    with django_assert_max_num_queries(WARM):
        assert client.get("/pledge/").status_code == 200
