"""The employers' sections of the impact report, against hand-counted figures.

The data set is ``impact_data`` (tests/employers/workshops/impact_fixtures.py); each
expected number is worked out in the comments there.
"""

import pytest

from employers.pledges.impact import pledge_figures, pledges_section
from employers.pledges.models.pledges import (
    normalize_organization_name,
    organization_key,
)
from employers.workshops.impact import employers_section, workshops_section
from employers.workshops.models import Registration
from employers.workshops.services.registration import purge_personal_data
from tests.employers.workshops.impact_fixtures import (
    AS_OF,
    FY_2025,
    FY_2026,
    Q1_2026,
    Q4_2025,
)

pytestmark = pytest.mark.django_db


def table(section, key):
    (found,) = [table for table in section.tables if table.key == key]
    return found


def values(found, row: dict) -> tuple:
    """A row's values in column order, labels as text."""
    return tuple(
        str(row[column.key]) if column.kind == "label" else row[column.key]
        for column in found.columns
    )


def rows(found) -> list[tuple]:
    return [values(found, row) for row in found.rows]


def total(found) -> tuple:
    return values(found, found.total)


# Employers engaged ------------------------------------------------------------


def test_organizations_are_one_across_pledges_and_workshops_by_normalized_name():
    assert normalize_organization_name("Acme Foods Inc.") == "acme foods"
    assert organization_key("Acme Foods Inc.") == organization_key("ACME FOODS")
    assert organization_key("Kestrel Kitchens Ltd") == organization_key(
        "Kestrel Kitchens"
    )
    assert organization_key("Kestrel Kitchens") != organization_key("Kestrel Foods")
    assert organization_key("") == organization_key("Inc.") == ""


def test_employers_engaged_in_the_fiscal_year_by_sector(impact_data):
    by_sector = table(employers_section(FY_2025), "employers-by-sector")
    assert rows(by_sector) == [
        ("Health care and social assistance", 2, 0, 2),
        ("Agriculture, forestry, fishing and hunting", 1, 0, 1),
        ("Construction", 1, 0, 1),
        ("Manufacturing", 1, 0, 1),
        ("Transportation and warehousing", 1, 0, 1),
        ("Professional, scientific and technical services", 0, 1, 1),
        ("Accommodation and food services", 0, 1, 1),
        ("Not given", 0, 1, 1),
    ]
    assert total(by_sector) == ("All employers", 6, 3, 9)


def test_employers_engaged_in_the_fiscal_year_by_size_and_community(impact_data):
    section = employers_section(FY_2025)
    assert rows(table(section, "employers-by-size")) == [
        ("1–9 employees", 1, 1, 2),
        ("10–49 employees", 2, 1, 3),
        ("50–99 employees", 1, 0, 1),
        ("100–499 employees", 2, 0, 2),
        ("Not given", 0, 1, 1),
    ]
    # Workshop registrations give no community.
    by_community = table(section, "employers-by-community")
    assert rows(by_community) == [
        ("Abbotsford", 3, 0, 3),
        ("Mission", 2, 0, 2),
        ("Hope", 1, 0, 1),
        ("Not given", 0, 3, 3),
    ]
    assert total(by_community) == ("All employers", 6, 3, 9)


def test_a_minute_before_april_first_is_the_old_fiscal_year(impact_data):
    """A, approved at 23:59 on March 31, is in Q4; B, at midnight, is not.
    Kestrel checked in at 23:59 counts in Q4; Quail at 00:05 on April 1 in Q1."""
    q4 = table(employers_section(Q4_2025), "employers-by-sector")
    assert total(q4) == ("All employers", 4, 1, 5)
    q1 = table(employers_section(Q1_2026), "employers-by-sector")
    assert total(q1) == ("All employers", 5, 1, 6)
    assert ("Mining, quarrying, and oil and gas extraction", 0, 1, 1) in rows(q1)
    assert pledge_figures(Q4_2025)["new"] == 1
    assert pledge_figures(Q1_2026)["new"] == 1


def test_erasing_personal_data_keeps_the_counts(impact_data):
    before = [rows(t) for t in employers_section(FY_2025).tables]
    before_workshops = [rows(t) for t in workshops_section(FY_2025).tables]
    # October's workshop ended more than 365 days before: it is anonymized.
    assert purge_personal_data(AS_OF) == 3
    r8 = Registration.objects.get(pk=impact_data["r8"].pk)
    assert r8.organization == "" and r8.name == ""
    assert r8.organization_key == organization_key("Kestrel Kitchens")
    assert [rows(t) for t in employers_section(FY_2025).tables] == before
    assert [rows(t) for t in workshops_section(FY_2025).tables] == before_workshops


def test_saving_a_registration_keys_its_organization(impact_data):
    registration = Registration.objects.filter(organization="Larch Labs").first()
    registration.organization = "Birch Software Ltd."
    registration.save(update_fields=["organization"])
    registration.refresh_from_db()
    assert registration.organization_key == organization_key("Birch Software")


# Pledges ----------------------------------------------------------------------


def test_pledge_counts_in_the_fiscal_year(impact_data):
    assert pledge_figures(FY_2025) == {
        "new": 2,  # A, E
        "renewed": 3,  # C (field), F (field and log), J (log only)
        "lapsed": 2,  # D (status), F (log: renewed since)
        "withdrawn": 1,  # E; I was never approved
        "current": 4,  # A, C, F, J
        "committed": 1,
        "active": 2,
        "champion": 1,
    }
    assert pledge_figures(FY_2026) == {
        "new": 1,
        "renewed": 1,
        "lapsed": 0,
        "withdrawn": 0,
        # At the report's date, the year not being over.
        "current": 5,
        "committed": 2,  # A, B
        "active": 2,  # F, J
        "champion": 1,  # C
    }


def test_pledge_tables_define_each_figure(impact_data):
    section = pledges_section(FY_2025)
    summary = rows(table(section, "pledges"))
    assert [row[:2] for row in summary] == [
        ("New", 2),
        ("Renewed", 3),
        ("Lapsed", 2),
        ("Withdrawn", 1),
        ("Current", 4),
    ]
    assert all(str(row[2]) for row in summary)
    levels = table(section, "pledge-levels")
    assert rows(levels) == [("Committed", 1), ("Active", 2), ("Champion", 1)]
    assert total(levels) == ("All current pledges", 4)


def test_commitments_chosen_and_done_by_current_pledges(impact_data):
    commitments = table(pledges_section(FY_2025), "commitments")
    # D lapsed: its choices, the retired commitment's only one, do not count.
    assert [row[:3] for row in rows(commitments)] == [
        ("Commitment 1", 3, 1),
        ("Commitment 2", 1, 1),
        ("Commitment 3", 1, 1),
    ]
    assert commitments.rows[0]["done_share"] == pytest.approx(100 / 3)


# Workshops --------------------------------------------------------------------


def test_workshops_held_in_the_fiscal_year(impact_data):
    held = table(workshops_section(FY_2025), "workshops")
    keys = [
        "label",
        "date",
        "registered",
        "confirmed",
        "attended",
        "no_shows",
        "participants",
        "waitlist_demand",
        "answers",
    ]
    assert [[row[key] for key in keys] for row in held.rows] == [
        ["Onboarding that sticks", "Oct. 15, 2025", 3, 3, 3, 0, 3, 0, 1],
        # The cancelled workshop is left out; the midnight one is next year's.
        ["Inclusive hiring 101", "March 31, 2026", 7, 3, 2, 1, 3, 3, 2],
    ]
    assert [row["rate"] for row in held.rows] == [100, pytest.approx(200 / 3)]
    assert [row["rating"] for row in held.rows] == [3, 4.5]
    assert [held.total[key] for key in keys[2:]] == [10, 6, 5, 1, 6, 3, 3]
    assert held.total["rate"] == pytest.approx(500 / 6)
    assert held.total["rating"] == 4
    assert str(held.total["label"]) == "All 2 workshops"


def test_attendees_by_sector_and_size(impact_data):
    section = workshops_section(FY_2025)
    by_sector = table(section, "attendees-by-sector")
    assert rows(by_sector) == [
        ("Accommodation and food services", 2),
        ("Manufacturing", 1),
        ("Professional, scientific and technical services", 1),
        ("Not given", 1),
    ]
    assert total(by_sector) == ("All attendees", 5)
    assert rows(table(section, "attendees-by-size")) == [
        ("1–9 employees", 2),
        ("10–49 employees", 1),
        ("50–99 employees", 1),
        ("Not given", 1),
    ]


def test_a_workshop_not_over_yet_is_not_held(impact_data):
    w1 = impact_data["workshops"][0]
    during = type(FY_2025)(
        FY_2025.start, FY_2025.end, FY_2025.label, FY_2025.slug, as_of=w1.start
    )
    held = table(workshops_section(during), "workshops")
    assert [row["label"] for row in held.rows] == ["Onboarding that sticks"]
