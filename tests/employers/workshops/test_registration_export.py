"""The registrations list has visible export buttons that follow the filters."""

import csv
import io
import re

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from employers.workshops.factories import RegistrationFactory, WorkshopPageFactory

pytestmark = pytest.mark.django_db

NEEDS = "Sign language interpreter"


@pytest.fixture
def staff(django_user_model):
    """Manages registrations; may not see accommodation needs."""
    user = django_user_model.objects.create_user("aisha", password="x")
    group = Group.objects.create(name="Workshop staff")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_registration"),
    )
    user.groups.add(group)
    return user


@pytest.fixture
def registrations(workshop):
    other = WorkshopPageFactory(parent=workshop.get_parent(), title="Next week")
    return [
        RegistrationFactory(
            workshop=workshop,
            name="Maria Santos",
            organization='=HYPERLINK("http://evil")',
            accommodation_needs=NEEDS,
        ),
        RegistrationFactory(workshop=workshop, name="Dev Patel"),
        RegistrationFactory(workshop=other, name="Li Wei"),
    ]


def export_link(html: str) -> str:
    # The link, then its text (after Wagtail's icon) before it closes.
    match = re.search(
        r'<a[^>]*href="([^"]*export=csv[^"]*)"[^>]*>(?:(?!</a>).)*?Export',
        html,
        re.S,
    )
    assert match, "no visible CSV export button"
    return match.group(1).replace("&amp;", "&")


def read_csv(client, url: str) -> list[list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_list_shows_an_export_button_that_keeps_the_filters(
    client, staff, registrations, workshop
):
    client.force_login(staff)
    index = reverse("workshop_registrations:index")
    page = client.get(index + f"?workshop={workshop.pk}")
    assert "Export 2 registrations as CSV" in page.text
    assert "Export as Excel (XLSX)" in page.text
    url = export_link(page.text)
    assert url.startswith(index + "?") and f"workshop={workshop.pk}" in url
    names = [row[3] for row in read_csv(client, url)[1:]]
    assert sorted(names) == ["Dev Patel", "Maria Santos"]


def test_filtered_results_alone_carry_an_export_of_the_list_not_of_the_results(
    client, staff, registrations, workshop
):
    """Wagtail redraws only the results when a filter changes."""
    client.force_login(staff)
    results = client.get(
        reverse("workshop_registrations:index_results") + f"?workshop={workshop.pk}"
    )
    url = export_link(results.text)
    assert url.startswith(reverse("workshop_registrations:index") + "?")
    assert "/results/" not in url


def test_csv_neutralizes_formulas_and_hides_needs_without_the_permission(
    client, staff, registrations
):
    client.force_login(staff)
    url = export_link(client.get(reverse("workshop_registrations:index")).text)
    rows = read_csv(client, url)
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://evil")' in cells
    assert NEEDS not in cells
    assert "Accessibility or accommodation needs" not in rows[0]
    staff.user_permissions.add(
        Permission.objects.get(codename="view_accommodation_needs")
    )
    rows = read_csv(client, url)
    assert NEEDS in [cell for row in rows for cell in row]


def test_no_export_for_people_who_may_not_see_registrations(
    client, django_user_model, registrations
):
    user = django_user_model.objects.create_user("editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    index = reverse("workshop_registrations:index")
    response = client.get(index + "?export=csv")
    assert response.status_code in (302, 403)
    assert "Maria Santos" not in response.content.decode()


def test_an_empty_list_offers_no_export(client, staff, workshop):
    client.force_login(staff)
    page = client.get(reverse("workshop_registrations:index"))
    assert "export=csv" not in page.text.split('id="listing-results"')[-1]
