"""Reporting periods: Canada's fiscal year and quarters, in the site's time zone."""

import datetime
import zoneinfo

import pytest

from django.http import QueryDict

from home.impact.periods import (
    PeriodForm,
    custom,
    fiscal_year_start,
    named_period,
    quarter,
)

VANCOUVER = zoneinfo.ZoneInfo("America/Vancouver")
UTC = datetime.UTC


def at(*args, tz=VANCOUVER):
    return datetime.datetime(*args, tzinfo=tz)


def days(period):
    return period.start, period.end


@pytest.mark.parametrize(
    ("day", "start"),
    [
        (datetime.date(2026, 3, 31), datetime.date(2025, 4, 1)),
        (datetime.date(2026, 4, 1), datetime.date(2026, 4, 1)),
        (datetime.date(2026, 1, 1), datetime.date(2025, 4, 1)),
        (datetime.date(2025, 12, 31), datetime.date(2025, 4, 1)),
    ],
)
def test_the_fiscal_year_begins_on_april_first(day, start):
    assert fiscal_year_start(day) == start


def test_the_last_minute_of_march_is_still_the_old_fiscal_year():
    before = named_period("this_fiscal_year", now=at(2026, 3, 31, 23, 59))
    after = named_period("this_fiscal_year", now=at(2026, 4, 1, 0, 0))
    assert days(before) == (datetime.date(2025, 4, 1), datetime.date(2026, 3, 31))
    assert before.label == "Fiscal year 2025–26"
    assert days(after) == (datetime.date(2026, 4, 1), datetime.date(2027, 3, 31))
    assert after.label == "Fiscal year 2026–27"


def test_the_year_turns_at_midnight_in_vancouver_not_in_utc():
    # 06:30 UTC on April 1 is 23:30 on March 31 in Vancouver (PDT, UTC−7).
    period = named_period("this_fiscal_year", now=at(2026, 4, 1, 6, 30, tz=UTC))
    assert period.end == datetime.date(2026, 3, 31)
    assert period.end_at == at(2026, 4, 1, 0, 0)
    assert period.end_at == at(2026, 4, 1, 7, 0, tz=UTC)
    assert period.start_at == at(2025, 4, 1, 0, 0)


def test_last_fiscal_year():
    period = named_period("last_fiscal_year", now=at(2026, 4, 1, 0, 0))
    assert days(period) == (datetime.date(2025, 4, 1), datetime.date(2026, 3, 31))


@pytest.mark.parametrize(
    ("now", "choice", "expected", "label"),
    [
        (at(2026, 3, 31, 23, 59), "this_quarter", ((2026, 1, 1), (2026, 3, 31)), "Q4"),
        (at(2026, 4, 1, 0, 0), "this_quarter", ((2026, 4, 1), (2026, 6, 30)), "Q1"),
        (at(2026, 4, 1, 0, 0), "last_quarter", ((2026, 1, 1), (2026, 3, 31)), "Q4"),
        (at(2026, 1, 15), "last_quarter", ((2025, 10, 1), (2025, 12, 31)), "Q3"),
        (at(2026, 8, 20), "this_quarter", ((2026, 7, 1), (2026, 9, 30)), "Q2"),
    ],
)
def test_quarters_are_calendar_quarters_named_by_the_fiscal_year(
    now, choice, expected, label
):
    period = named_period(choice, now=now)
    assert days(period) == tuple(datetime.date(*day) for day in expected)
    assert period.label.startswith(f"{label} of fiscal year")


def test_january_to_march_belongs_to_the_fiscal_year_that_began_the_april_before():
    period = quarter(datetime.date(2026, 1, 1))
    assert period.label == "Q4 of fiscal year 2025–26"
    assert period.slug == "fy-2025-26-q4"


def test_a_period_not_over_yet_ends_its_figures_now():
    now = at(2026, 5, 10)
    assert named_period("this_quarter", now=now).until == now
    assert named_period("last_quarter", now=now).until == at(2026, 4, 1, 0, 0)


def form(**data):
    query = QueryDict(mutable=True)
    query.update(data)
    return PeriodForm(query, now=at(2026, 5, 10))


def test_custom_dates_include_both_days():
    f = form(period="custom", start="2025-06-01", end="2025-06-30")
    assert f.is_valid(), f.errors
    period = f.get_period()
    assert period == custom(datetime.date(2025, 6, 1), datetime.date(2025, 6, 30))
    assert period.start_at == at(2025, 6, 1, 0, 0)
    assert period.end_at == at(2025, 7, 1, 0, 0)


def test_no_period_chosen_means_this_quarter():
    f = form()
    assert f.is_valid()
    assert days(f.get_period()) == (
        datetime.date(2026, 4, 1),
        datetime.date(2026, 6, 30),
    )


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"start": "2026-02-01", "end": "2026-01-31"}, "end", "must not be before"),
        ({"start": "2020-01-01", "end": "2023-01-01"}, "end", "at most 3 years"),
        ({"start": "2026-13-01", "end": "2026-12-31"}, "start", "valid date"),
        ({"start": "yesterday", "end": "2026-12-31"}, "start", "valid date"),
        ({"start": "1900-01-01", "end": "1900-02-01"}, "start", "from 2000 to 2099"),
        ({"start": "2026-01-01", "end": "9999-12-31"}, "end", "from 2000 to 2099"),
        ({"end": "2026-12-31"}, "start", "first day"),
        ({"start": "2026-01-01"}, "end", "last day"),
    ],
)
def test_bad_custom_dates_are_refused_beside_the_field(data, field, message):
    f = form(period="custom", **data)
    assert not f.is_valid()
    assert message in " ".join(f.errors[field])


def test_dates_are_ignored_unless_custom_is_chosen():
    f = form(period="last_quarter", start="garbage-but-ignored")
    # The field is still checked, so the error is shown and nothing is guessed.
    assert not f.is_valid()
    f = form(period="last_quarter", start="2026-02-01", end="2026-01-01")
    assert f.is_valid()
    assert f.get_period().start == datetime.date(2026, 1, 1)


def test_an_unknown_period_is_an_error():
    f = form(period="next_decade")
    assert not f.is_valid()
    assert "period" in f.errors


def test_three_years_less_a_day_is_accepted():
    f = form(period="custom", start="2023-04-01", end="2026-03-31")
    assert f.is_valid(), f.errors
