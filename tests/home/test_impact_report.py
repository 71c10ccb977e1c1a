"""The impact report in the admin: who may see it, the period form, print view,
and a fixed number of queries however much data there is."""

import pytest

from django.contrib.auth.models import Permission

from resources.factories import GuidePageFactory
from resources.models import GuideFeedback, GuideView
from tests.employers.workshops.impact_fixtures import bulk_activity

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/impact/"
FISCAL_2025 = "?period=custom&start=2025-04-01&end=2026-03-31"
# The report, its print view and its workbook have rows in the authorization
# matrix (tests/home/test_admin_authorization.py); this download has none.
WORKSHOPS_CSV = REPORT + "workshops.csv"


def _staff(django_user_model, username: str, *codenames: str):
    user = django_user_model.objects.create_user(username, password="pw")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", *codenames])
    )
    return user


@pytest.fixture
def reporter(django_user_model):
    """A staff member who may see the report and nothing else."""
    return _staff(django_user_model, "reporter", "view_impact_report")


@pytest.fixture
def editor(django_user_model):
    return _staff(django_user_model, "editor")


def test_staff_without_the_permission_are_refused(client, editor):
    client.force_login(editor)
    assert client.get(WORKSHOPS_CSV + FISCAL_2025).status_code == 403


def test_visitors_are_sent_to_the_login(client):
    response = client.get(WORKSHOPS_CSV)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_reports_menu_lists_the_report_only_with_the_permission(
    client, editor, reporter
):
    client.force_login(editor)
    assert REPORT not in client.get("/admin/").text
    client.force_login(reporter)
    assert REPORT in client.get("/admin/").text


def test_the_permission_can_be_given_to_a_group(admin_client):
    response = admin_client.get("/admin/groups/new/")
    assert "<h3>Impact report</h3>" in response.text


def test_the_report_shows_every_section_with_its_definitions(
    client, reporter, impact_data
):
    client.force_login(reporter)
    response = client.get(REPORT + FISCAL_2025)
    assert response.status_code == 200
    html = response.text
    for heading in ("Employers engaged", "Pledges", "Workshops", "Guides"):
        assert f">{heading}</h2>" in html
    assert "Custom dates: April 1, 2025 to March 31, 2026" in html
    assert "held an approved pledge at any moment of the period" in html
    assert "Waitlist demand" in html and "never got a seat" in html
    # A table with its caption and headers, and a chart with a text alternative.
    assert '<th scope="col">Through workshops only</th>' in html
    assert '<th scope="row">Health care and social assistance</th>' in html
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert f'href="/admin/reports/impact/print/?{FISCAL_2025[1:]}"' in html.replace(
        "&amp;", "&"
    )


def test_no_person_appears_in_the_report(client, reporter, impact_data):
    client.force_login(reporter)
    html = client.get(REPORT + FISCAL_2025).text
    for personal in ("Maria Lopez", "Person ", "@example.com", "ACME FOODS", "Kestrel"):
        assert personal not in html


def test_bad_dates_are_shown_beside_the_fields_not_a_server_error(client, reporter):
    client.force_login(reporter)
    response = client.get(REPORT + "?period=custom&start=2026-02-30&end=2025-01-01")
    assert response.status_code == 200
    assert "Enter a valid date." in response.text
    assert 'aria-invalid="true"' in response.text
    assert "impact-section" not in response.text
    response = client.get(REPORT + "?period=custom&start=2026-02-01&end=2026-01-01")
    assert "The last day must not be before the first." in response.text


def test_exports_refuse_a_bad_period(client, reporter):
    client.force_login(reporter)
    bad = "?period=custom&start=2026-02-01&end=2026-01-01"
    assert client.get(REPORT + "report.xlsx" + bad).status_code == 400
    assert client.get(REPORT + "workshops.csv" + bad).status_code == 400
    assert client.get(REPORT + "print/" + bad).status_code == 400


def test_the_print_view_has_no_admin_around_it(client, reporter, impact_data):
    client.force_login(reporter)
    response = client.get(REPORT + "print/" + FISCAL_2025)
    assert response.status_code == 200
    html = response.text
    assert "<h1>Impact report</h1>" in html
    assert "sidebar" not in html and "wagtail-sidebar-props" not in html
    assert "css/impact-report.css" in html
    assert "Back to the report" in html
    assert "Exact counts, for staff." in html
    shareable = client.get(REPORT + "print/" + FISCAL_2025 + "&shareable=1").text
    assert "Shareable version: counts from 1 to 4" in shareable
    assert 'role="img"' not in shareable  # bars would show the small counts


def _guides(guide_index, size: int) -> None:
    guides = [GuidePageFactory(parent=guide_index) for _n in range(size)]
    GuideView.objects.bulk_create(
        GuideView(guide=guide, day=f"2025-{month:02d}-15", count=guide.pk + month)
        for guide in guides
        for month in range(4, 13)
    )
    for guide in guides:
        GuideFeedback.objects.create(guide=guide, helpful=guide.pk % 2 == 0)


@pytest.mark.parametrize("size", [3, 30])
def test_the_report_makes_a_fixed_number_of_queries(
    client,
    reporter,
    workshop_index,
    guide_index,
    size,
    django_assert_max_num_queries,
):
    bulk_activity(size, workshop_index)
    _guides(guide_index, size)
    client.force_login(reporter)
    # Five for the session, user, permissions and profile, four for the admin
    # menu, and eight for the figures: engaged pledges, engaged attendees,
    # pledge counts, commitments, workshops, their feedback, attendees, guides;
    # one for the site, as the site cache starts cold in each test.
    with django_assert_max_num_queries(18) as captured:
        response = client.get(REPORT + FISCAL_2025)
    assert response.status_code == 200
    assert f"All {size} workshops" in response.text
    # The same figures, without the menu.
    with django_assert_max_num_queries(len(captured) - 4):
        client.get(REPORT + "report.xlsx" + FISCAL_2025)
