"""The whole impact report as one CSV, offered beside XLSX and Print."""

import csv
import datetime
import io
import re

import pytest

from django.contrib.auth.models import Permission

from wagtail.users.models import UserProfile

from resources.factories import GuidePageFactory
from resources.models import GuideView

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/impact/"
FISCAL_2025 = "?period=custom&start=2025-04-01&end=2026-03-31"
PERIOD_NOTE = "Period: Custom dates, April 1, 2025 to March 31, 2026"
HOSTILE_TITLE = '=HYPERLINK("http://evil.example","Click")'


def _reporter_client(client, django_user_model, language: str = ""):
    """``client`` signed in as staff who may see the report, in ``language``."""
    user = django_user_model.objects.create_user("reporter", password="pw")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_impact_report"])
    )
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def reporter_client(client, django_user_model):
    return _reporter_client(client, django_user_model)


def _report_csv(client, extra: str = "") -> tuple[object, list[list[str]]]:
    response = client.get(f"{REPORT}report.csv{FISCAL_2025}{extra}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    # A byte order mark first, so that Excel reads "Café" as UTF-8.
    assert response.content.startswith("\ufeff".encode())
    return response, list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_report_page_offers_csv_beside_xlsx_and_print(reporter_client, impact_data):
    page = reporter_client.get(REPORT + FISCAL_2025).text
    assert "Download XLSX for staff" in page and "Print" in page
    assert f'href="{REPORT}report.csv?period=custom' in page
    assert "Download CSV for staff" in page
    assert "Download shareable CSV" in page


def test_whole_report_csv_holds_every_table_of_the_xlsx(reporter_client, impact_data):
    response, rows = _report_csv(reporter_client)
    assert response["Content-Disposition"] == (
        'attachment; filename="impact-report-2025-04-01-to-2026-03-31.csv"'
    )
    assert rows[:2] == [["Impact report"], [PERIOD_NOTE]]
    titles = [row[0] for row in rows if len(row) == 1 and ": " in row[0]]
    for table in (
        "Employers engaged by sector",
        "Current pledges by level",
        "Workshops held",
        "Guides read, and whether readers found them helpful",
    ):
        assert any(title.endswith(": " + table) for title in titles), table
    start = rows.index(["Level", "Pledges"])
    assert rows[start : start + 5] == [
        ["Level", "Pledges"],
        ["Committed", "1"],
        ["Active", "2"],
        ["Champion", "1"],
        ["All current pledges", "4"],
    ]


def test_shareable_report_csv_hides_small_counts(reporter_client, impact_data):
    response, rows = _report_csv(reporter_client, "&shareable=1")
    assert response["Content-Disposition"].endswith('-shareable.csv"')
    start = rows.index(["Level", "Pledges"])
    assert rows[start + 1 : start + 5] == [
        ["Committed", "<5"],
        ["Active", "<5"],
        ["Champion", "<5"],
        ["All current pledges", "<5"],
    ]


def test_report_csv_neutralizes_formulas(reporter_client, guide_index):
    guide = GuidePageFactory(parent=guide_index, title=HOSTILE_TITLE)
    GuideView.objects.create(guide=guide, day=datetime.date(2025, 5, 1), count=12)
    _response, rows = _report_csv(reporter_client)
    cells = [cell for row in rows for cell in row]
    assert "'" + HOSTILE_TITLE in cells
    assert HOSTILE_TITLE not in cells


def test_report_csv_needs_the_permission_and_a_period(
    client, reporter_client, django_user_model
):
    assert reporter_client.get(f"{REPORT}report.csv?period=zzz").status_code == 400
    other = django_user_model.objects.create_user("other", password="pw")
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(other)
    assert client.get(f"{REPORT}report.csv{FISCAL_2025}").status_code == 403


@pytest.fixture
def french_reporter_client(client, django_user_model):
    return _reporter_client(client, django_user_model, language="fr")


# French puts a non-breaking space before a colon and writes « 1er » for the
# first of the month.
FRENCH_DATES = "du 1er avril 2025 au 31 mars 2026"
CURRENT_PLEDGES_FR = "Engagements en vigueur par niveau"


def test_french_report_page_and_print_view_follow_french_typography(
    french_reporter_client, impact_data
):
    page = french_reporter_client.get(REPORT + FISCAL_2025).text
    assert f"Dates personnalisées\xa0: {FRENCH_DATES}" in page
    assert "<title>Rapport d’impact\xa0: Dates personnalisées" in page
    printed = french_reporter_client.get(REPORT + "print/" + FISCAL_2025).text
    assert f"Dates personnalisées\xa0: {FRENCH_DATES}" in printed


def test_french_report_csv_follows_french_typography(
    french_reporter_client, impact_data
):
    _response, rows = _report_csv(french_reporter_client)
    assert rows[1] == [f"Période\xa0: Dates personnalisées, {FRENCH_DATES}"]
    single = [row[0] for row in rows if len(row) == 1]
    # Each table's title line, "Section : table", and never "Section: table".
    assert f"Engagements\xa0: {CURRENT_PLEDGES_FR}" in single
    assert not [line for line in single if re.search(r"\w: ", line)]
