"""Dates and times as each language writes them.

The formats live in ``config/formats/<language>/formats.py`` (Django's
``FORMAT_MODULE_PATH``); this module picks among them. Two choices no single
Django format can make: a time on the hour may have a format of its own
(Canadian French writes "9 h", not "9 h 00"), and so may the first of the
month ("1er février").

A value is written in its own time zone: convert it first. The template
filters (home.templatetags.date_tags) get it in the current zone, as
Django's ``date`` filter does.
"""

import datetime

from django.utils import dateformat
from django.utils.formats import get_format
from django.utils.translation import pgettext

# The project's own format names, for a language that does not name them
# (the admin may run in a language the site has no formats for).
FALLBACKS = {
    "WEEKDAY_DATE_FORMAT": "l j F Y",
    "WEEKDAY_MONTH_DAY_FORMAT": "l j F",
    "TIME_OF_DAY_FORMAT": "g:i a",
    "HOUR_FORMAT": "g:i a",
}


def _named(name: str) -> str | None:
    """The active language's format ``name``; None if it has none.

    ``get_format`` answers a name it does not know with the name itself.
    """
    found = get_format(name)
    return None if found == name else found


def format_as(value: datetime.date, name: str) -> str:
    """``value`` in the active language's format ``name``.

    On the first of the month the format ``<name>_FIRST_DAY`` wins where the
    language has one.
    """
    first_day = _named(f"{name}_FIRST_DAY") if value.day == 1 else None
    chosen = first_day or _named(name) or FALLBACKS.get(name) or name
    return dateformat.format(value, chosen)


def long_date(value: datetime.date) -> str:
    """ "Feb. 4, 2027"; "4 février 2027", "1er février 2027"."""
    return format_as(value, "DATE_FORMAT")


def time_of_day(value: datetime.datetime) -> str:
    """ "9:00 a.m."; "9 h", "9 h 30"."""
    return format_as(value, "TIME_OF_DAY_FORMAT" if value.minute else "HOUR_FORMAT")


def time_zone(value: datetime.datetime) -> str:
    """The zone's abbreviation at that moment: "PST", "PDT"."""
    return dateformat.format(value, "T")


def day_and_time(value: datetime.datetime, *, year: bool = True) -> str:
    """ "Thursday 4 February 2027, 9:00 a.m."; "jeudi 4 février 2027, 9 h"."""
    day = format_as(
        value, "WEEKDAY_DATE_FORMAT" if year else "WEEKDAY_MONTH_DAY_FORMAT"
    )
    return pgettext("a day, then a time of day", "%(day)s, %(time)s") % {
        "day": day,
        "time": time_of_day(value),
    }


def deadline(value: datetime.datetime) -> str:
    """A cut-off a few days away: "Thursday 4 February, 9:00 a.m. PST"."""
    return pgettext("a day and time, then its time zone", "%(when)s %(zone)s") % {
        "when": day_and_time(value, year=False),
        "zone": time_zone(value),
    }


def time_span(start: datetime.datetime, end: datetime.datetime) -> str:
    """ "Thursday 4 February 2027, 9:00 a.m. – 11:00 a.m. PST";
    "jeudi 4 février 2027, de 9 h à 11 h PST"."""
    return pgettext(
        "a day, a start and an end time, a time zone",
        "%(day)s, %(start)s – %(end)s %(zone)s",
    ) % {
        "day": format_as(start, "WEEKDAY_DATE_FORMAT"),
        "start": time_of_day(start),
        "end": time_of_day(end),
        "zone": time_zone(end),
    }
