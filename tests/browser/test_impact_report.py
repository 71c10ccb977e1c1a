"""A staff member who may only see the impact report picks a period, downloads
the workbook and prints the report; both pages pass axe."""

import openpyxl
import pytest

from django.contrib.auth.models import Permission

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def reporter(django_user_model):
    user = django_user_model.objects.create_user("reporter", password="report-pw")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_impact_report"])
    )
    return user


def test_reporter_chooses_a_period_downloads_the_workbook_and_prints(
    live_server, impact_data, reporter, page, axe_violations, tmp_path
):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("reporter")
    page.get_by_label("Password").fill("report-pw")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()

    page.get_by_role("button", name="Reports").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Impact report").click()
    assert page.get_by_role("heading", name="Impact report").count() == 1

    page.get_by_role("radio", name="Custom dates").check()
    page.get_by_label("From", exact=True).fill("2026-03-31")
    page.get_by_label("To", exact=True).fill("2025-04-01")
    with page.expect_navigation():
        page.get_by_role("button", name="Show the report").click()
    assert "The last day must not be before the first." in page.content()
    assert axe_violations(page) == ""

    page.get_by_label("From", exact=True).fill("2025-04-01")
    page.get_by_label("To", exact=True).fill("2026-03-31")
    with page.expect_navigation():
        page.get_by_role("button", name="Show the report").click()
    assert "start=2025-04-01" in page.url
    heading = page.get_by_role("heading", level=2).first
    assert heading.inner_text() == "Custom dates: April 1, 2025 to March 31, 2026"
    engaged = page.get_by_role("table", name="Employers engaged by sector")
    assert engaged.locator("tfoot").inner_text().split() == [
        "All",
        "employers",
        "6",
        "3",
        "9",
    ]
    assert axe_violations(page) == ""

    with page.expect_download() as download:
        page.get_by_role("link", name="Download XLSX for staff").click()
    assert download.value.suggested_filename == (
        "impact-report-2025-04-01-to-2026-03-31.xlsx"
    )
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    book = openpyxl.load_workbook(saved)
    levels = list(book["Current pledges by level"].iter_rows(values_only=True))
    assert ("All current pledges", 4) in levels

    with page.expect_navigation():
        page.get_by_role("link", name="Print").click()
    assert page.locator("h1").inner_text() == "Impact report"
    assert page.locator("nav, .sidebar").count() == 0
    assert axe_violations(page) == ""
    page.emulate_media(media="print")
    assert not page.get_by_role("link", name="Back to the report").is_visible()
    assert page.get_by_role("table", name="Workshops held").is_visible()
