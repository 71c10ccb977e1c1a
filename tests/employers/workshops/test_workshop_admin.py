"""Staff see registrations, export them, check people in and cancel for them."""

import csv
import datetime
import io
import re

import pytest
from openpyxl import load_workbook

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from employers.workshops.factories import RegistrationFactory
from employers.workshops.models import Registration
from employers.workshops.services import registration as service

pytestmark = pytest.mark.django_db
Status = Registration.Status

NEEDS = "Sign language interpreter"


@pytest.fixture
def staff(django_user_model):
    """An editor who manages registrations but may not see accommodations."""
    user = django_user_model.objects.create_user("aisha", password="x")
    group = Group.objects.create(name="Workshop staff")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            codename__in=[
                "view_registration",
                "change_registration",
                "add_registration",
            ]
        ),
    )
    user.groups.add(group)
    return user


@pytest.fixture
def registrations(workshop):
    return [
        RegistrationFactory(
            workshop=workshop,
            name="Maria Santos",
            organization='=HYPERLINK("http://evil")',
            accommodation_needs=NEEDS,
        ),
        RegistrationFactory(workshop=workshop, name="Dev Patel", organization="Byte"),
    ]


def _export(client, fmt):
    url = reverse("workshop_registrations:index") + f"?export={fmt}"
    response = client.get(url)
    assert response.status_code == 200
    return (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )


def test_export_neutralizes_formulas_and_hides_needs_without_permission(
    client, staff, registrations
):
    client.force_login(staff)
    rows = list(csv.reader(io.StringIO(_export(client, "csv").decode())))
    text = str(rows)
    assert "'=HYPERLINK" in text
    assert NEEDS not in text
    assert "Maria Santos" in text


def test_export_includes_needs_with_permission(client, staff, registrations):
    staff.user_permissions.add(
        Permission.objects.get(codename="view_accommodation_needs")
    )
    client.force_login(staff)
    assert NEEDS in _export(client, "csv").decode()
    workbook = load_workbook(io.BytesIO(_export(client, "xlsx")))
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert NEEDS in values


def test_list_and_inspect_gate_accommodation_needs(client, staff, registrations):
    client.force_login(staff)
    listing = client.get(reverse("workshop_registrations:index"))
    assert "Maria Santos" in listing.text and NEEDS not in listing.text
    inspect = client.get(
        reverse("workshop_registrations:inspect", args=[registrations[0].pk])
    )
    assert inspect.status_code == 200 and NEEDS not in inspect.text
    staff.user_permissions.add(
        Permission.objects.get(codename="view_accommodation_needs")
    )
    inspect = client.get(
        reverse("workshop_registrations:inspect", args=[registrations[0].pk])
    )
    assert NEEDS in inspect.text


def test_list_filters_and_searches(client, admin_user, registrations, workshop):
    client.force_login(admin_user)
    url = reverse("workshop_registrations:index")
    assert "Dev Patel" not in client.get(url + "?q=Maria").text
    assert "Dev Patel" in client.get(url + f"?workshop={workshop.pk}").text


def test_check_in_marks_attended_and_undoes(client, staff, registrations, workshop):
    client.force_login(staff)
    url = reverse("workshop_check_in", args=[workshop.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Maria Santos" in page.text and "Dev Patel" in page.text
    assert NEEDS not in page.text
    client.post(url, {"registration": registrations[0].pk, "attended": "1"})
    registrations[0].refresh_from_db()
    assert registrations[0].attended_at is not None
    assert "<strong>1</strong> checked in" in client.get(url).text
    client.post(url, {"registration": registrations[0].pk, "attended": "0"})
    registrations[0].refresh_from_db()
    assert registrations[0].attended_at is None
    assert "Dev Patel" not in client.get(url + "?q=maria").text
    assert "Maria Santos" in client.get(url + "?q=HYPER").text


def test_walk_in_is_added_and_checked_in_even_when_full(client, staff, workshop):
    client.force_login(staff)
    RegistrationFactory.create_batch(3, workshop=workshop)
    url = reverse("workshop_check_in", args=[workshop.pk])
    client.post(
        url,
        {
            "walk_in": "1",
            "name": "Walk In",
            "email": "walk@example.com",
            "organization": "Door Co",
        },
    )
    walk_in = Registration.objects.get(email="walk@example.com")
    assert walk_in.status == Status.CONFIRMED and walk_in.attended_at
    assert walk_in.source == Registration.Source.STAFF


def test_people_without_permission_cannot_check_in(client, django_user_model, workshop):
    user = django_user_model.objects.create_user("viewer", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    url = reverse("workshop_check_in", args=[workshop.pk])
    assert client.get(url).status_code in (302, 403)


def test_staff_cancel_on_someones_behalf_and_the_waitlist_moves(
    client, staff, workshop, sent_mail
):
    people = [
        service.register(
            workshop, {"name": f"P{n}", "email": f"p{n}@e.com", "organization": "O"}
        ).registration
        for n in range(4)
    ]
    assert people[3].status == Status.WAITLISTED
    client.force_login(staff)
    url = reverse("workshop_cancel_registration", args=[people[0].pk])
    assert "Yes, cancel it" in client.get(url).text
    client.post(url)
    people[0].refresh_from_db()
    people[3].refresh_from_db()
    assert people[0].status == Status.CANCELLED
    assert people[3].status == Status.OFFERED


def test_staff_add_a_registration_through_the_admin(client, admin_user, workshop):
    client.force_login(admin_user)
    response = client.post(
        reverse("workshop_registrations:add"),
        {
            "workshop": workshop.pk,
            "name": "Phone Booking",
            "email": "phone@example.com",
            "organization": "Phone Co",
            "job_title": "",
            "sector": "",
            "size": "",
            "seats": "1",
            "accommodation_needs": "",
        },
    )
    assert response.status_code == 302, response.text[:2000]
    assert Registration.objects.get().source == Registration.Source.STAFF


def test_overview_and_dashboard_show_counts(client, admin_user, workshop):
    from employers.workshops.models import WorkshopFeedback

    came = RegistrationFactory(workshop=workshop, seats=2)
    RegistrationFactory(workshop=workshop, status=Status.WAITLISTED)
    WorkshopFeedback.objects.create(registration=came, workshop=workshop, rating=4)
    client.force_login(admin_user)
    overview = client.get(reverse("workshop_overview"))
    assert overview.status_code == 200 and "Inclusive hiring 101" in overview.text
    assert "<td>4.0</td>" in overview.text
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "Upcoming workshops" in dashboard.text
    assert "2 / 3" in dashboard.text


def test_inspect_shows_local_times_and_a_dash_for_what_has_not_happened(
    client, staff, workshop, settings
):
    settings.TIME_ZONE = "America/Vancouver"
    registration = RegistrationFactory(
        workshop=workshop,
        confirmed_at=datetime.datetime(2026, 6, 1, 20, 51, tzinfo=datetime.UTC),
        attended_at=None,
    )
    client.force_login(staff)

    html = client.get(
        reverse("workshop_registrations:inspect", args=[registration.pk])
    ).text

    assert "June 1, 2026, 1:51 p.m." in html
    assert "8:51 p.m." not in html
    # Wagtail's breadcrumbs carry a "None" class; no text may say it.
    assert not re.search(r">\s*None\s*<", html)


def test_cancel_sits_in_the_rows_more_menu_before_delete(client, staff, registrations):
    """A button of its own squeezed the names column to a sliver on a tablet."""
    staff.user_permissions.add(Permission.objects.get(codename="delete_registration"))
    client.force_login(staff)
    registration = registrations[0]

    html = client.get(reverse("workshop_registrations:index")).text

    cancel = reverse("workshop_cancel_registration", args=[registration.pk])
    delete = reverse("workshop_registrations:delete", args=[registration.pk])
    link = re.search(rf'<a href="{cancel}" class="([^"]*)"', html)
    assert link and "button-small" not in link[1]
    assert html.index(cancel) < html.index(delete)


def headings(html: str) -> list[str]:
    """The text of every table heading on the page."""
    cells = re.findall(r"<th[^>]*>(.*?)</th>", html, re.S)
    return [" ".join(re.sub("<[^>]+>", "", cell).split()) for cell in cells]


def test_one_workshops_list_leaves_out_the_workshop_column_but_not_the_export(
    client, staff, workshop, registrations
):
    client.force_login(staff)
    index = reverse("workshop_registrations:index")

    assert "Workshop" in headings(client.get(index).text)
    one = client.get(f"{index}?workshop={workshop.pk}").text
    assert "Workshop" not in headings(one)
    assert "Maria Santos" in one
    export = client.get(f"{index}?workshop={workshop.pk}&export=csv")
    exported = b"".join(export.streaming_content).decode()
    assert exported.splitlines()[0].count("Workshop") == 1
    assert "Maria Santos" in exported
