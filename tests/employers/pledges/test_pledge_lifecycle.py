import datetime
import re

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import ModelLogEntry

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import Pledge, PledgeCommitment
from employers.pledges.services import tasks as pledge_tasks
from employers.pledges.services.lifecycle import issue_manage_link
from tests.employers.pledges.test_pledge_signing import sign_data

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def link_in(message, pattern=r"http://\S+/(?:confirm|manage)/[\w-]+/") -> str:
    return re.search(pattern, message.body)[0].removeprefix("http://localhost")


@pytest.fixture
def signed(client, pledge_page, commitments, sent_mail):
    """A pledge just signed, and the path of its confirmation link."""
    client.post("/pledge/", sign_data(commitments))
    message = sent_mail()[-1]
    return Pledge.objects.get(), link_in(message)


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "mod", "mod@lip.example", "pw", is_staff=True
    )
    group = Group.objects.create(name="Pledge moderators (test)")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_pledge"),
        Permission.objects.get(codename="moderate_pledge"),
        Permission.objects.get(codename="view_pledge_contact"),
    )
    user.groups.add(group)
    return user


def test_opening_the_link_asks_before_verifying(client, signed):
    pledge, link = signed

    response = client.get(link)

    assert response.status_code == 200
    assert "Confirm my email" in response.content.decode()
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.UNVERIFIED


def test_confirming_verifies_once_and_tells_staff(client, signed, moderator, sent_mail):
    pledge, link = signed

    first = client.post(link)
    second = client.post(link)

    assert "Your email is confirmed" in first.content.decode()
    assert "Already confirmed" in second.content.decode()
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.PENDING
    recipients = [m.to for m in sent_mail()[1:]]
    assert recipients == [["dev@valleyfresh.example"], ["mod@lip.example"]]
    assert ModelLogEntry.objects.filter(action="pledges.pledge.verified").exists()


def test_an_expired_link_offers_a_new_one(client, signed, sent_mail):
    pledge, link = signed
    Pledge.objects.update(verification_expires_at=NOW - datetime.timedelta(hours=1))

    response = client.post(link)

    assert "This link has expired" in response.content.decode()
    assert Pledge.objects.get().status == Pledge.Status.UNVERIFIED

    response = client.post(
        "/pledge/confirm/",
        sign_data([], email="dev@valleyfresh.example") | {"commitments": []},
    )
    assert response.status_code == 200
    new_link = link_in(sent_mail()[-1])
    assert new_link != link
    client.post(new_link)
    assert Pledge.objects.get().status == Pledge.Status.PENDING


@pytest.mark.parametrize("mangle", [lambda t: t[:-2] + "xx", lambda t: "x" * 43])
def test_a_tampered_link_verifies_nothing(client, signed, mangle):
    pledge, link = signed
    token = link.rstrip("/").rsplit("/", 1)[1]

    response = client.post(link.replace(token, mangle(token)))

    assert response.status_code == 404
    assert Pledge.objects.get().status == Pledge.Status.UNVERIFIED


def test_a_link_only_verifies_its_own_pledge(client, signed, commitments, sent_mail):
    first, link = signed
    client.post(
        "/pledge/",
        sign_data(commitments, organization_name="Other Co", email="o@other.example"),
    )

    client.post(link)

    statuses = dict(Pledge.objects.values_list("organization_name", "status"))
    assert statuses == {
        "Valley Fresh Produce Ltd.": Pledge.Status.PENDING,
        "Other Co": Pledge.Status.UNVERIFIED,
    }


def test_asking_for_a_link_answers_the_same_for_unknown_addresses(
    client, pledge_page, sent_mail
):
    data = sign_data([], email="nobody@nowhere.example")
    response = client.post("/pledge/manage/", data)

    assert response.status_code == 200
    assert "If a pledge uses this address" in response.content.decode()
    assert sent_mail() == []


def approve_in_admin(client, user, pledge):
    client.force_login(user)
    url = f"/admin/bulk/pledges/pledge/approve/?id={pledge.pk}&next=/admin/"
    assert "Yes, approve" in client.get(url).content.decode()
    return client.post(url)


def test_a_moderator_approves_and_the_signer_gets_links(
    client, moderator, pledge_page, sent_mail
):
    pledge = PledgeFactory(
        status=Pledge.Status.PENDING, approved_at=None, expires_at=None
    )

    response = approve_in_admin(client, moderator, pledge)

    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.APPROVED
    assert pledge.expires_at > NOW + datetime.timedelta(days=360)
    body = sent_mail()[-1].body
    assert f"/pledge/registry/{pledge.slug}/" in body
    assert f"/pledge/registry/{pledge.slug}/badge.svg" in body
    assert "/pledge/manage/" in body
    entry = ModelLogEntry.objects.get(action="pledges.pledge.approved")
    assert entry.user == moderator


def test_approving_twice_sends_one_email(client, moderator, pledge_page, sent_mail):
    pledge = PledgeFactory(
        status=Pledge.Status.PENDING, approved_at=None, expires_at=None
    )

    approve_in_admin(client, moderator, pledge)
    approve_in_admin(client, moderator, pledge)

    assert len(sent_mail()) == 1


def test_a_rejection_emails_the_reason(client, moderator, pledge_page, sent_mail):
    pledge = PledgeFactory(
        status=Pledge.Status.PENDING, approved_at=None, expires_at=None
    )
    client.force_login(moderator)
    url = f"/admin/bulk/pledges/pledge/reject/?id={pledge.pk}&next=/admin/"

    missing = client.post(url, {"reason": ""})
    done = client.post(url, {"reason": "We could not find this business."})

    assert missing.status_code == 200
    assert done.status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.REJECTED
    assert "We could not find this business." in sent_mail()[-1].body


def test_staff_without_the_permission_cannot_approve(
    client, django_user_model, pledge_page
):
    editor = django_user_model.objects.create_user("ed", "ed@lip.example", "pw")
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_pledge"),
    )
    pledge = PledgeFactory(
        status=Pledge.Status.PENDING, approved_at=None, expires_at=None
    )
    client.force_login(editor)
    url = f"/admin/bulk/pledges/pledge/approve/?id={pledge.pk}&next=/admin/"

    assert "not allowed to approve" in client.get(url).content.decode()
    client.post(url)

    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.PENDING


def test_contact_details_are_shown_in_the_admin_only_with_permission(
    client, django_user_model, moderator, pledge_page
):
    pledge = PledgeFactory(contact_name="Dev Patel", email="dev@x.example")
    viewer = django_user_model.objects.create_user("v", "v@lip.example", "pw")
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_pledge"),
    )
    inspect = f"/admin/snippets/pledges/pledge/inspect/{pledge.pk}/"
    export = "/admin/snippets/pledges/pledge/?export=csv"

    client.force_login(viewer)
    assert "dev@x.example" not in client.get(inspect).content.decode()
    assert b"dev@x.example" not in b"".join(client.get(export).streaming_content)
    client.force_login(moderator)
    assert "dev@x.example" in client.get(inspect).content.decode()
    assert b"dev@x.example" in b"".join(client.get(export).streaming_content)


def test_the_export_neutralizes_formulas(client, moderator, pledge_page):
    PledgeFactory(organization_name='=HYPERLINK("http://evil","x")', slug="evil")
    client.force_login(moderator)

    csv = b"".join(
        client.get("/admin/snippets/pledges/pledge/?export=csv").streaming_content
    ).decode()

    assert "'=HYPERLINK" in csv


@pytest.fixture
def managed(client, pledge_page, commitments):
    """An approved pledge with three commitments and a manage link."""
    pledge = PledgeFactory(commitments=commitments[:3])
    link = issue_manage_link(pledge_page, pledge).removeprefix("http://localhost")
    return pledge, link


def test_reporting_progress_recomputes_the_level(client, managed):
    pledge, link = managed
    choices = list(pledge.chosen_commitments.all())
    data = {"action": "progress"}
    for choice in choices:
        data[f"progress_{choice.pk}"] = "done"
        data[f"story_{choice.pk}"] = "We did it."
    data[f"progress_{choices[0].pk}"] = "in_progress"

    response = client.post(link, data)

    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.level == Pledge.Level.ACTIVE
    data[f"progress_{choices[0].pk}"] = "done"
    client.post(link, data)
    pledge.refresh_from_db()
    assert pledge.level == Pledge.Level.CHAMPION
    assert set(pledge.chosen_commitments.values_list("story", flat=True)) == {
        "We did it."
    }


def test_commitments_cannot_drop_below_the_minimum(client, managed, commitments):
    pledge, link = managed
    response = client.post(
        link, {"action": "commitments", "commitments": [commitments[0].pk]}
    )

    assert response.status_code == 400
    assert "Choose at least 3 commitments." in response.content.decode()
    assert pledge.chosen_commitments.count() == 3

    done = PledgeCommitment.objects.filter(pledge=pledge).first()
    done.progress = "done"
    done.save()
    client.post(
        link,
        {
            "action": "commitments",
            "commitments": [done.commitment_id, *[c.pk for c in commitments[2:4]]],
        },
    )
    kept = dict(pledge.chosen_commitments.values_list("commitment_id", "progress"))
    assert kept == {
        done.commitment_id: "done",
        commitments[2].pk: "not_started",
        commitments[3].pk: "not_started",
    }


def test_withdrawing_removes_the_listing_at_once(client, managed):
    pledge, link = managed

    refused = client.post(link, {"action": "withdraw"})
    response = client.post(link, {"action": "withdraw", "confirm": "yes"})

    assert refused.status_code == 400
    assert "Your pledge is withdrawn" in response.content.decode()
    assert not Pledge.objects.listed().exists()
    assert client.get(link).status_code == 404


def test_an_expired_manage_link_is_refused(client, managed):
    pledge, link = managed
    Pledge.objects.update(manage_expires_at=NOW - datetime.timedelta(minutes=1))

    assert client.get(link).status_code == 404


def test_renewal_reminders_are_sent_once_and_renewing_extends(
    client, pledge_page, commitments, sent_mail
):
    pledge = PledgeFactory(
        expires_at=NOW + datetime.timedelta(days=20), commitments=commitments[:3]
    )

    call_command("run_scheduled_tasks", stdout=__import__("io").StringIO())
    call_command("run_scheduled_tasks", stdout=__import__("io").StringIO())

    reminders = [m for m in sent_mail() if "renew" in m.subject.lower()]
    assert len(reminders) == 1
    link = link_in(reminders[0])
    client.post(link, {"action": "renew"})
    pledge.refresh_from_db()
    assert pledge.renewed_at is not None
    assert pledge.expires_at > NOW + datetime.timedelta(days=360)


def test_unrenewed_pledges_lapse_after_the_grace_period(pledge_page):
    pledge = PledgeFactory(expires_at=NOW - datetime.timedelta(days=31))
    current = PledgeFactory(expires_at=NOW - datetime.timedelta(days=5))

    pledge_tasks.run_pledge_tasks()

    pledge.refresh_from_db()
    current.refresh_from_db()
    assert pledge.status == Pledge.Status.LAPSED
    assert current.status == Pledge.Status.APPROVED
    assert not Pledge.objects.listed().exists()


def test_unconfirmed_pledges_are_deleted_after_fourteen_days(pledge_page):
    old = PledgeFactory(status=Pledge.Status.UNVERIFIED, expires_at=None)
    Pledge.objects.filter(pk=old.pk).update(
        created_at=NOW - datetime.timedelta(days=15)
    )
    fresh = PledgeFactory(status=Pledge.Status.UNVERIFIED, expires_at=None)

    pledge_tasks.run_pledge_tasks()

    assert list(Pledge.objects.all()) == [fresh]


def test_closed_pledges_lose_contact_data_but_keep_counts(pledge_page, commitments):
    withdrawn = PledgeFactory(
        status=Pledge.Status.WITHDRAWN,
        closed_at=NOW - datetime.timedelta(days=91),
        commitments=commitments[:3],
    )
    recent = PledgeFactory(
        status=Pledge.Status.REJECTED, closed_at=NOW - datetime.timedelta(days=10)
    )

    pledge_tasks.run_pledge_tasks()

    withdrawn.refresh_from_db()
    recent.refresh_from_db()
    assert (withdrawn.contact_name, withdrawn.email, withdrawn.phone) == ("", "", "")
    assert withdrawn.purged_at is not None
    assert withdrawn.sector and withdrawn.chosen_commitments.count() == 3
    assert recent.email


def test_staff_wording_replaces_the_standard_email(
    client, pledge_page, commitments, sent_mail
):
    from employers.pledges.models import PledgeEmailWording, PledgeSettings

    program = PledgeSettings.for_site(pledge_page.get_site())
    program.email_wording = PledgeEmailWording.objects.create(
        verification_subject="Please confirm, {contact_name}",
        verification_body="Open {link} for {organization}. {unknown} stays.",
    )
    program.save()

    client.post("/pledge/", sign_data(commitments))

    message = sent_mail()[-1]
    assert message.subject == "Please confirm, Dev Patel"
    assert "for Valley Fresh Produce Ltd.. {unknown} stays." in message.body
    assert "/pledge/confirm/" in message.body


def test_the_dashboard_lists_pledges_awaiting_review_for_moderators_only(
    client, moderator, django_user_model, pledge_page
):
    PledgeFactory(organization_name="Waiting Co", status=Pledge.Status.PENDING)
    client.force_login(moderator)
    assert "Waiting Co" in client.get("/admin/").content.decode()

    editor = django_user_model.objects.create_user("ed2", "e@lip.example", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert "Waiting Co" not in client.get("/admin/").content.decode()


def test_updating_details_replaces_the_logo_and_keeps_the_rest(client, managed):
    from tests.employers.pledges.test_pledge_signing import image_upload

    pledge, link = managed
    data = {
        "action": "details",
        "organization_name": "Fraser Foods Renamed",
        "website": "",
        "sector": "44-45",
        "size_band": "10-49",
        "community": "Chilliwack",
        "statement": "New words.",
        "logo": image_upload("PNG", size=(900, 300)),
    }

    response = client.post(link, data)
    # A listed pledge's public details wait for staff (test_abuse_changes.py).
    from employers.pledges.services.lifecycle import approve_changes

    assert approve_changes(pledge.pk, user=None)

    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.organization_name == "Fraser Foods Renamed"
    assert pledge.normalized_name == "fraser foods renamed"
    assert (pledge.logo_width, pledge.logo_height) == (600, 200)
    assert pledge.email.endswith(".example")  # contact data untouched
