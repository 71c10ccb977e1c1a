"""Privacy requests: find, export and erase one person's data across the apps."""

import datetime
import json

import pytest
from mailer.models import MessageLog

from django.contrib.auth.models import Permission
from django.db.models import Count
from django.utils import timezone

from employers.pledges.factories import CommitmentFactory, PledgeFactory
from employers.pledges.models import Pledge
from employers.workshops.factories import RegistrationFactory, WorkshopPageFactory
from employers.workshops.models import Registration, WorkshopFeedback
from employers.workshops.services import registration as workshop_service
from home.choices import Sector
from home.models import PersonalDataRequest

pytestmark = pytest.mark.django_db

EMAIL = "maria.santos@valleyberry.example"
URL = "/admin/privacy/"
NEEDS = "Sign language interpreter"


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user("privacy", password="x")
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "manage_personal_data"]
        )
    )
    return user


@pytest.fixture
def maria(workshop, workshop_index, sent_mail):
    """Maria's pledge, a seat in a full workshop to come, a past one with feedback."""
    pledge = PledgeFactory(
        organization_name="Valley Berry Farms",
        sector=Sector.AGRICULTURE,
        contact_name="Maria Santos",
        email=EMAIL,
        phone="604-555-0199",
        commitments=[CommitmentFactory(title="Offer a workplace buddy")],
    )
    pledge.chosen_commitments.update(story="Paired Ana with Luis")
    PledgeFactory(organization_name="Other Farm", sector=Sector.AGRICULTURE)
    upcoming = workshop_service.register(
        workshop,
        {
            "name": "Maria Santos",
            "email": EMAIL,
            "organization": "Valley Berry Farms",
            "seats": 2,
            "accommodation_needs": NEEDS,
        },
    ).registration
    taken = workshop_service.register(
        workshop, {"name": "Dev", "email": "dev@example.com", "organization": "Byte"}
    ).registration
    waiting = workshop_service.register(
        workshop, {"name": "Li", "email": "li@example.com", "organization": "Li Co"}
    ).registration
    past = WorkshopPageFactory(
        parent=workshop_index,
        start=timezone.now() - datetime.timedelta(days=10),
        end=timezone.now() - datetime.timedelta(days=10, hours=-2),
    )
    attended = RegistrationFactory(
        workshop=past, name="Maria Santos", email=EMAIL, attended_at=timezone.now()
    )
    RegistrationFactory(workshop=past, attended_at=timezone.now())
    WorkshopFeedback.objects.create(
        registration=attended,
        workshop=past,
        rating=5,
        comments="Loved the panel on credentials",
    )
    sent_mail()  # the confirmations, now in the delivery log
    return {
        "pledge": pledge,
        "upcoming": upcoming,
        "taken": taken,
        "waiting": waiting,
        "past": past,
        "attended": attended,
    }


def _post(client, action, email=EMAIL):
    return client.post(URL, {"email": email, "action": action})


def _log_has_no_address():
    for entry in PersonalDataRequest.objects.values():
        assert "maria" not in json.dumps(entry, default=str).lower()


def test_search_shows_everything_held_whatever_the_case(client, officer, maria):
    client.force_login(officer)

    page = _post(client, "search", email="  Maria.Santos@ValleyBerry.EXAMPLE ")

    assert page.status_code == 200
    for held in [
        "Valley Berry Farms",
        "604-555-0199",
        "Paired Ana with Luis",
        NEEDS,
        "Inclusive hiring 101",
        "Loved the panel on credentials",
        "You are registered: Inclusive hiring 101",  # the confirmation email
    ]:
        assert held in page.text, held
    assert "Dev" not in page.text and "li@example.com" not in page.text
    entry = PersonalDataRequest.objects.get()
    assert entry.action == "search" and entry.performed_by == officer
    assert entry.record_counts == {
        "pledges.pledge": 1,
        "workshops.registration": 2,
        "mailer.message": 1,
    }
    _log_has_no_address()


def test_export_is_a_readable_json_download(client, officer, maria):
    client.force_login(officer)

    response = _post(client, "export")

    assert response["Content-Type"].startswith("application/json")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment") and "maria" not in disposition
    document = json.loads(response.content)
    assert document["Email address"] == EMAIL
    (pledge,) = document["Records"]["Pledges"]
    assert pledge["Contact name"] == "Maria Santos"
    assert pledge["Commitments"][0]["What we did"] == "Paired Ana with Luis"
    registrations = document["Records"]["Workshop registrations"]
    assert [r["Status"] for r in registrations] == ["Confirmed", "Confirmed"]
    assert registrations[0]["Accessibility or accommodation needs"] == NEEDS
    assert registrations[1]["Feedback"]["Comments"] == (
        "Loved the panel on credentials"
    )
    assert PersonalDataRequest.objects.get().action == "export"
    _log_has_no_address()


def test_erasure_asks_first_and_changes_nothing_until_confirmed(client, officer, maria):
    client.force_login(officer)

    page = _post(client, "confirm_erase")

    assert "This cannot be undone." in page.text
    assert 'value="erase"' in page.text
    assert Pledge.objects.get(pk=maria["pledge"].pk).email == EMAIL
    assert not PersonalDataRequest.objects.exists()


def _counts():
    return {
        "pledges by sector": dict(
            Pledge.objects.values_list("sector").annotate(n=Count("pk"))
        ),
        "registrations": Registration.objects.count(),
        "attended": dict(
            Registration.objects.filter(attended_at__isnull=False)
            .values_list("workshop_id")
            .annotate(n=Count("pk"))
        ),
        "feedback ratings": list(
            WorkshopFeedback.objects.values_list("workshop_id", "rating")
        ),
    }


def test_erasure_anonymizes_and_keeps_the_counts(client, officer, maria, sent_mail):
    client.force_login(officer)
    before = _counts()

    page = client.get(_post(client, "erase").url)

    assert "Erased 4 records" in page.text
    assert _counts() == before
    pledge = Pledge.objects.get(pk=maria["pledge"].pk)
    assert (pledge.email, pledge.contact_name, pledge.phone) == ("", "", "")
    assert pledge.status == Pledge.Status.WITHDRAWN and pledge.purged_at
    assert not pledge.chosen_commitments.filter(story__gt="").exists()
    assert (pledge.sector, pledge.community) == (Sector.AGRICULTURE, "Abbotsford")
    upcoming = Registration.objects.get(pk=maria["upcoming"].pk)
    assert upcoming.status == Registration.Status.CANCELLED and upcoming.name == ""
    assert upcoming.accommodation_needs == ""
    # Her two seats went to the waitlist, as a cancellation would.
    assert Registration.objects.get(pk=maria["waiting"].pk).status == (
        Registration.Status.OFFERED
    )
    assert Registration.objects.get(pk=maria["taken"].pk).name == "Dev"
    attended = Registration.objects.get(pk=maria["attended"].pk)
    assert attended.attended_at and attended.email == "" and attended.purged_at
    assert attended.feedback.comments == "Loved the panel on credentials"
    assert EMAIL not in [m.to[0] for m in sent_mail()[-1:]]
    assert not [log for log in MessageLog.objects.all() if EMAIL in log.email.to]
    entry = PersonalDataRequest.objects.get(action="erase")
    assert entry.record_counts == {
        "pledges.pledge": 1,
        "workshops.registration": 2,
        "mailer.message": 1,
    }
    again = _post(client, "search")
    assert "0 records about" in again.text
    _log_has_no_address()


def test_a_pledge_never_confirmed_is_deleted(client, officer, home_page):
    PledgeFactory(status=Pledge.Status.UNVERIFIED, email=EMAIL, approved_at=None)
    client.force_login(officer)

    _post(client, "erase")

    assert not Pledge.objects.exists()


def test_everyone_without_the_permission_gets_403(client, admin_user, home_page):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_user("editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert client.get(URL).status_code == 403
    assert _post(client, "erase").status_code == 403
    assert "Personal data requests" not in client.get("/admin/").text
    assert not PersonalDataRequest.objects.exists()

    client.force_login(admin_user)
    assert client.get(URL).status_code == 200
    assert "Personal data requests" in client.get("/admin/").text


def test_the_address_never_goes_in_a_url(client, officer, maria):
    client.force_login(officer)
    page = client.get(URL).text + _post(client, "search").text

    assert 'method="get"' not in page.split("</header>")[-1]
    assert "?email=" not in page


def test_search_queries_do_not_grow_with_records(
    client, officer, maria, workshop_index, django_assert_max_num_queries
):
    client.force_login(officer)
    _post(client, "search")
    for number in range(5):
        other = WorkshopPageFactory(parent=workshop_index)
        attended = RegistrationFactory(
            workshop=other, email=EMAIL, attended_at=timezone.now()
        )
        WorkshopFeedback.objects.create(
            registration=attended, workshop=other, rating=number + 1
        )
        PledgeFactory(
            email=EMAIL, commitments=[CommitmentFactory(), CommitmentFactory()]
        )

    # 20 with the site cache cold, as in every test.
    with django_assert_max_num_queries(20):
        page = _post(client, "search")
    assert "6 records" not in page.text and "Pledges (6)" in page.text
