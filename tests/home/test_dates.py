"""Dates and times read as each language writes them (home.dates)."""

import datetime
import zoneinfo

from django.template import Context, Template
from django.utils import translation

from home import dates

VANCOUVER = zoneinfo.ZoneInfo("America/Vancouver")
NINE = datetime.datetime(2027, 2, 4, 9, 0, tzinfo=VANCOUVER)
HALF_PAST_ONE = datetime.datetime(2027, 2, 1, 13, 30, tzinfo=VANCOUVER)
ELEVEN = NINE + datetime.timedelta(hours=2)


def test_english_stays_as_it_was():
    with translation.override("en"):
        assert dates.time_of_day(NINE) == "9:00 a.m."
        assert dates.day_and_time(NINE) == "Thursday 4 February 2027, 9:00 a.m."
        assert dates.deadline(NINE) == "Thursday 4 February, 9:00 a.m. PST"
        assert dates.time_span(NINE, ELEVEN) == (
            "Thursday 4 February 2027, 9:00 a.m. – 11:00 a.m. PST"
        )
        assert dates.long_date(NINE) == "Feb. 4, 2027"


def test_canadian_french_writes_hours_with_h_on_the_24_hour_clock():
    with translation.override("fr-ca"):
        assert dates.time_of_day(NINE) == "9\xa0h"
        assert dates.time_of_day(HALF_PAST_ONE) == "13\xa0h\xa030"
        assert dates.time_span(NINE, ELEVEN) == (
            "jeudi 4 février 2027, de 9\xa0h à 11\xa0h PST"
        )
        assert dates.long_date(NINE) == "4 février 2027"


def test_canadian_french_writes_the_first_of_the_month_1er():
    with translation.override("fr-ca"):
        assert dates.long_date(HALF_PAST_ONE) == "1er février 2027"
        assert (
            dates.day_and_time(HALF_PAST_ONE) == "lundi 1er février 2027, 13\xa0h\xa030"
        )


def test_djangos_own_canadian_time_format_no_longer_repeats_the_hour():
    template = Template('{{ moment|date:"TIME_FORMAT" }}')
    with translation.override("fr-ca"):
        assert template.render(Context({"moment": NINE})) == "9\xa0h\xa000"


def test_a_language_without_the_projects_formats_falls_back_to_englishs():
    with translation.override("de"):
        assert "9:00" in dates.time_of_day(NINE)


def test_the_filters_write_nothing_for_no_value():
    template = Template("{% load date_tags %}[{{ none|long_date }}{{ none|deadline }}]")
    assert template.render(Context({"none": None})) == "[]"
