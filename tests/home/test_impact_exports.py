"""The report's files: each table as CSV, the whole report as XLSX, for staff
with exact counts or shareable with small counts hidden."""

import csv
import datetime
import io

import openpyxl
import pytest

from django.contrib.auth.models import Permission

from resources.factories import GuidePageFactory
from resources.models import GuideView

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/impact/"
FISCAL_2025 = "?period=custom&start=2025-04-01&end=2026-03-31"
PERIOD_NOTE = "Period: Custom dates, April 1, 2025 to March 31, 2026"
HOSTILE_TITLE = '=HYPERLINK("http://evil.example","Click")'


@pytest.fixture
def reporter_client(client, django_user_model):
    user = django_user_model.objects.create_user("reporter", password="pw")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_impact_report"])
    )
    client.force_login(user)
    return client


@pytest.fixture
def hostile_guide(guide_index):
    guide = GuidePageFactory(parent=guide_index, title=HOSTILE_TITLE)
    GuideView.objects.create(guide=guide, day=datetime.date(2025, 5, 1), count=12)
    return guide


def _csv(client, table: str, extra: str = "") -> list[list[str]]:
    response = client.get(f"{REPORT}{table}.csv{FISCAL_2025}{extra}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_a_table_as_csv_for_staff(reporter_client, impact_data):
    response = reporter_client.get(f"{REPORT}employers-by-sector.csv{FISCAL_2025}")
    assert response["Content-Disposition"] == (
        'attachment; filename="impact-employers-by-sector-2025-04-01-to-2026-03-31.csv"'
    )
    assert _csv(reporter_client, "employers-by-sector") == [
        [
            "Sector (NAICS)",
            "Through the pledge",
            "Through workshops only",
            "All employers engaged",
        ],
        ["Health care and social assistance", "2", "0", "2"],
        ["Agriculture, forestry, fishing and hunting", "1", "0", "1"],
        ["Construction", "1", "0", "1"],
        ["Manufacturing", "1", "0", "1"],
        ["Transportation and warehousing", "1", "0", "1"],
        ["Professional, scientific and technical services", "0", "1", "1"],
        ["Accommodation and food services", "0", "1", "1"],
        ["Not given", "0", "1", "1"],
        ["All employers", "6", "3", "9"],
        [],
        [PERIOD_NOTE],
    ]


def test_a_shareable_csv_hides_small_counts_and_says_how(reporter_client, impact_data):
    rows = _csv(reporter_client, "employers-by-sector", "&shareable=1")
    assert rows[1] == ["Health care and social assistance", "<5", "0", "<5"]
    assert rows[8] == ["Not given", "0", "<5", "<5"]
    # 3 alone is small in a shown total of 9: 6 is hidden with it.
    assert rows[9] == ["All employers", "x", "<5", "9"]
    assert rows[-2] == [PERIOD_NOTE]
    assert rows[-1][0].startswith("Shareable version: counts from 1 to 4")


def test_the_workshops_csv_defines_its_columns(reporter_client, impact_data):
    rows = _csv(reporter_client, "workshops")
    assert rows[0][:4] == ["Workshop", "Date", "Registrations", "Confirmed"]
    assert rows[1] == [
        "Onboarding that sticks",
        "Oct. 15, 2025",
        "3",
        "3",
        "3",
        "0",
        "100.0",
        "3",
        "0",
        "1",
        "3.0",
    ]
    assert rows[3] == ["All 2 workshops", "", "10", "6", "5", "1", "83.3"] + [
        "6",
        "3",
        "3",
        "4.0",
    ]
    assert "Attendance rate: attended divided by confirmed." in [
        r[0] for r in rows if r
    ]


def test_the_whole_report_as_xlsx_one_sheet_per_table(reporter_client, impact_data):
    response = reporter_client.get(f"{REPORT}report.xlsx{FISCAL_2025}")
    assert response["Content-Disposition"] == (
        'attachment; filename="impact-report-2025-04-01-to-2026-03-31.xlsx"'
    )
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "About",
        "Employers engaged by sector",
        "Employers engaged by size",
        "Employers engaged by community",
        "Pledges in the period",
        "Current pledges by level",
        "Commitments chosen and done",
        "Workshops held",
        "Attendees by sector",
        "Attendees by size of organizati",
        "Guides read, and whether reader",
    ]
    cover = [row[0] for row in book["About"].iter_rows(values_only=True)]
    assert cover[:2] == ["Impact report", PERIOD_NOTE]
    assert "For staff: exact counts. Use the shareable copy to publish." in cover
    levels = list(book["Current pledges by level"].iter_rows(values_only=True))
    assert levels[0][0] == "Current pledges by level"
    assert levels[3:8] == [
        ("Level", "Pledges"),
        ("Committed", 1),
        ("Active", 2),
        ("Champion", 1),
        ("All current pledges", 4),
    ]
    workshops = list(book["Workshops held"].iter_rows(values_only=True))
    assert workshops[5][:7] == (
        "Inclusive hiring 101",
        "March 31, 2026",
        7,
        3,
        2,
        1,
        66.7,
    )
    assert workshops[5][-1] == 4.5


def test_the_shareable_xlsx_hides_small_counts(reporter_client, impact_data):
    response = reporter_client.get(f"{REPORT}report.xlsx{FISCAL_2025}&shareable=1")
    assert response["Content-Disposition"].endswith('-shareable.xlsx"')
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    cover = [row[0] for row in book["About"].iter_rows(values_only=True)]
    assert "Shareable: small counts are hidden." in cover
    levels = list(book["Current pledges by level"].iter_rows(values_only=True))
    assert levels[4:8] == [
        ("Committed", "<5"),
        ("Active", "<5"),
        ("Champion", "<5"),
        ("All current pledges", "<5"),
    ]
    assert levels[-1][0].startswith("Shareable version")
    workshops = list(book["Workshops held"].iter_rows(values_only=True))
    # Rates and averages from hidden counts are hidden too.
    assert workshops[5][6] == "x"


def test_exports_neutralize_formulas(reporter_client, hostile_guide):
    rows = _csv(reporter_client, "guides")
    assert rows[1][0] == "'" + HOSTILE_TITLE
    response = reporter_client.get(f"{REPORT}report.xlsx{FISCAL_2025}")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    cell = book["Guides read, and whether reader"]["A5"]
    assert cell.value == "'" + HOSTILE_TITLE
    assert cell.data_type == "s"


def test_an_unknown_table_is_not_found(reporter_client):
    assert reporter_client.get(f"{REPORT}nothing.csv{FISCAL_2025}").status_code == 404
