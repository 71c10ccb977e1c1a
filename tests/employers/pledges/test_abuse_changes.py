"""Issue 15: a listed signer's changes to public details wait for staff."""

import re

import pytest

from wagtail.models import ModelLogEntry

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import Pledge
from employers.pledges.services.lifecycle import issue_manage_link
from tests.employers.pledges.test_pledge_lifecycle import moderator  # noqa: F401
from tests.employers.pledges.test_pledge_signing import image_upload

pytestmark = pytest.mark.django_db

REGISTRY = "/pledge/registry/"


@pytest.fixture
def listed(pledge_page, commitments, sent_mail):
    pledge = PledgeFactory(
        organization_name="Valley Berry Farms",
        slug="valley-berry-farms",
        email="harjit@valleyberry.example",
        website="https://valleyberry.example",
        statement="We hire for skills.",
        commitments=commitments[:3],
    )
    link = issue_manage_link(pledge_page, pledge).removeprefix("http://localhost")
    return pledge, link


def edit_details(client, link, pledge, **changes):
    data = {
        "action": "details",
        "organization_name": pledge.organization_name,
        "website": pledge.website,
        "sector": pledge.sector,
        "size_band": pledge.size_band,
        "community": "Abbotsford",
        "statement": pledge.statement,
        **changes,
    }
    return client.post(link, data)


def review(client, pledge, decision, reason=""):
    return client.post(
        f"/admin/pledges/{pledge.pk}/changes/",
        {"decision": decision, "reason": reason},
    )


def test_a_listed_signers_new_name_waits_and_staff_are_told(
    client,
    listed,
    sent_mail,
    moderator,  # noqa: F811
):
    pledge, link = listed

    response = edit_details(
        client, link, pledge, organization_name="BUY CHEAP PILLS", website=""
    )

    assert response.status_code == 302
    assert "done=details_review" in response["Location"]
    registry = client.get(REGISTRY).content.decode()
    assert "Valley Berry Farms" in registry
    assert "BUY CHEAP PILLS" not in registry
    profile = client.get(REGISTRY + "valley-berry-farms/").content.decode()
    assert "BUY CHEAP PILLS" not in profile
    notices = [m for m in sent_mail() if m.to == ["mod@lip.example"]]
    assert len(notices) == 1
    assert "Changes to review" in notices[0].subject
    manage = client.get(link).content.decode()
    assert "waiting for our team" in manage


def test_approved_changes_are_listed_and_the_history_shows_both(
    client,
    listed,
    moderator,  # noqa: F811
):
    pledge, link = listed
    edit_details(client, link, pledge, organization_name="Valley Berry Co-op")
    client.force_login(moderator)

    inspect = client.get(f"/admin/snippets/pledges/pledge/inspect/{pledge.pk}/")
    assert "Changes waiting for review" in inspect.content.decode()
    assert "Valley Berry Co-op" in inspect.content.decode()
    review(client, pledge, "approve")

    client.logout()
    registry = client.get(REGISTRY).content.decode()
    assert "Valley Berry Co-op" in registry
    assert Pledge.objects.get().pending_changes == {}
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(pledge.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions[-2:] == [
        "pledges.pledge.changes_submitted",
        "pledges.pledge.changes_approved",
    ]


def test_rejected_changes_leave_the_approved_version_and_tell_the_signer(
    client,
    listed,
    moderator,  # noqa: F811
    sent_mail,
):
    pledge, link = listed
    edit_details(client, link, pledge, statement="Visit http://pills.example")
    client.force_login(moderator)

    review(client, pledge, "reject", reason="Advertising is not a statement.")

    pledge.refresh_from_db()
    assert pledge.statement == "We hire for skills."
    assert not pledge.has_pending_changes
    to_signer = [m for m in sent_mail() if m.to == ["harjit@valleyberry.example"]]
    assert "Advertising is not a statement." in to_signer[-1].body
    assert ModelLogEntry.objects.filter(
        object_id=str(pledge.pk), action="pledges.pledge.changes_rejected"
    ).exists()


def test_a_new_logo_waits_for_review_too(client, listed, moderator):  # noqa: F811
    pledge, link = listed

    edit_details(client, link, pledge, logo=image_upload())

    pledge.refresh_from_db()
    assert not pledge.logo
    assert pledge.pending_logo
    assert client.get(REGISTRY + "valley-berry-farms/logo/").status_code == 404
    client.force_login(moderator)
    review(client, pledge, "approve")
    pledge.refresh_from_db()
    assert pledge.logo and not pledge.pending_logo


def test_details_that_are_not_reviewed_still_save_at_once(client, listed):
    pledge, link = listed

    edit_details(client, link, pledge, community="Abbotsford", size_band="10-49")

    pledge.refresh_from_db()
    assert pledge.size_band == "10-49"
    assert not pledge.has_pending_changes


def test_only_moderators_decide_on_changes(client, listed, django_user_model):
    pledge, link = listed
    edit_details(client, link, pledge, organization_name="Sneaky Co")
    editor = django_user_model.objects.create_user("ed", "ed@x.example", "pw")
    client.force_login(editor)

    review(client, pledge, "approve")

    pledge.refresh_from_db()
    assert pledge.organization_name == "Valley Berry Farms"
    assert re.search("Sneaky Co", str(pledge.pending_changes))
