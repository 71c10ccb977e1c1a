"""Issue 15: a pledge nobody has confirmed or reviewed neither blocks nor leaks."""

import pytest

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import Pledge
from tests.employers.pledges.test_pledge_lifecycle import moderator  # noqa: F401
from tests.employers.pledges.test_pledge_signing import sign_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status", [Pledge.Status.UNVERIFIED, Pledge.Status.PENDING])
def test_a_squatted_name_does_not_block_or_name_the_real_organization(
    client, pledge_page, commitments, sent_mail, status
):
    squatter = PledgeFactory(
        organization_name="Valley Fresh Produce Ltd.",
        email="squatter@gmail.com",
        status=status,
        approved_at=None,
        expires_at=None,
    )

    response = client.post("/pledge/", sign_data(commitments))

    # The real signer gets the usual "check your email", nothing about the other.
    assert response.status_code == 302
    assert response["Location"] == "/pledge/thank-you/#main"
    thank_you = client.get(response["Location"]).content.decode()
    assert "already signed" not in thank_you
    real = Pledge.objects.exclude(pk=squatter.pk).get()
    assert real.email == "dev@valleyfresh.example"
    assert [m.to for m in sent_mail()] == [["dev@valleyfresh.example"]]


def test_staff_see_both_pledges_with_a_duplicate_warning(
    client,
    pledge_page,
    commitments,
    moderator,  # noqa: F811
):
    squatter = PledgeFactory(
        organization_name="Valley Fresh Produce",
        email="squatter@gmail.com",
        status=Pledge.Status.PENDING,
        approved_at=None,
        expires_at=None,
    )
    client.post("/pledge/", sign_data(commitments))
    real = Pledge.objects.exclude(pk=squatter.pk).get()
    client.force_login(moderator)

    page = client.get(f"/admin/snippets/pledges/pledge/inspect/{real.pk}/")

    html = page.content.decode()
    assert "look like the same organization" in html
    assert f"/admin/snippets/pledges/pledge/inspect/{squatter.pk}/" in html


def test_a_listed_organization_is_still_named_and_not_signed_twice(
    client, pledge_page, commitments
):
    PledgeFactory(organization_name="Valley Fresh Produce Ltd.")

    response = client.post("/pledge/", sign_data(commitments))

    assert response.status_code == 409
    assert "Valley Fresh Produce Ltd. has already signed" in response.content.decode()
    assert Pledge.objects.count() == 1
