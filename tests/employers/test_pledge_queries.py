import pytest

from employers.factories import CommitmentFactory, PledgeFactory

pytestmark = pytest.mark.django_db


def test_the_pledge_page_runs_a_fixed_number_of_queries(
    client, pledge_page, django_assert_max_num_queries
):
    # Wagtail's routing, site and settings lookups, then the commitments.
    client.get("/pledge/")  # warm the site caches
    with django_assert_max_num_queries(19):
        assert client.get("/pledge/").status_code == 200

    CommitmentFactory.create_batch(30)
    PledgeFactory.create_batch(50)
    client.get("/pledge/")
    with django_assert_max_num_queries(19):
        assert client.get("/pledge/").status_code == 200
