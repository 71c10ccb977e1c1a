"""Reporting periods: calendar quarters, Canada's fiscal year, or custom dates.

The federal fiscal year runs from April 1 to March 31, so its quarters are the
calendar quarters April–June, July–September, October–December and
January–March. A period is a span of whole days in the partnership's time zone
(``TIME_ZONE``): it starts at midnight on its first day and ends just before
midnight after its last.
"""

import datetime
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from home.dates import long_date

FISCAL_YEAR_START_MONTH = 4
# Custom periods: no longer than three years, and within dates that the
# database and Python's datetime handle everywhere.
MAX_CUSTOM_YEARS = 3
EARLIEST = datetime.date(2000, 1, 1)
LATEST = datetime.date(2099, 12, 31)


@dataclass(frozen=True)
class Period:
    """Whole days from ``start`` to ``end``, both included."""

    start: datetime.date
    end: datetime.date
    label: str
    slug: str
    # The moment the report is made: figures "at the end" of a period that is
    # not over yet are taken now.
    as_of: datetime.datetime = field(default_factory=timezone.now, compare=False)

    @property
    def start_at(self) -> datetime.datetime:
        return _local_midnight(self.start)

    @property
    def end_at(self) -> datetime.datetime:
        """The first moment after the period (exclusive)."""
        return _local_midnight(self.end + datetime.timedelta(days=1))

    @property
    def until(self) -> datetime.datetime:
        """The end of the period, or now if it is not over yet."""
        return min(self.end_at, self.as_of)

    @property
    def dates(self) -> str:
        return gettext("%(start)s to %(end)s") % {
            "start": long_date(self.start),
            "end": long_date(self.end),
        }

    def within(self, field_name: str) -> Q:
        """Rows whose date-time field falls in the period."""
        return Q(
            **{f"{field_name}__gte": self.start_at, f"{field_name}__lt": self.end_at}
        )

    def within_days(self, field_name: str) -> Q:
        """Rows whose date field falls in the period."""
        return Q(**{f"{field_name}__gte": self.start, f"{field_name}__lte": self.end})


def _local_midnight(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of ``day`` in the site's time zone."""
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time.min),
        timezone.get_default_timezone(),
    )


def fiscal_year_start(day: datetime.date) -> datetime.date:
    """April 1 of the fiscal year that ``day`` falls in."""
    year = day.year if day.month >= FISCAL_YEAR_START_MONTH else day.year - 1
    return datetime.date(year, FISCAL_YEAR_START_MONTH, 1)


def fiscal_year_name(start: datetime.date) -> str:
    """The usual name of a fiscal year: 2025–26 for April 2025 to March 2026."""
    return f"{start.year}–{(start.year + 1) % 100:02d}"


def quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def fiscal_year(start: datetime.date, **kwargs) -> Period:
    end = start + relativedelta(years=1, days=-1)
    name = fiscal_year_name(start)
    return Period(
        start,
        end,
        gettext("Fiscal year %(name)s") % {"name": name},
        f"fy-{name.replace('–', '-')}",
        **kwargs,
    )


def quarter(start: datetime.date, **kwargs) -> Period:
    """The calendar quarter beginning on ``start``, named by its fiscal quarter."""
    end = start + relativedelta(months=3, days=-1)
    number = (start.month - FISCAL_YEAR_START_MONTH) % 12 // 3 + 1
    name = fiscal_year_name(fiscal_year_start(start))
    return Period(
        start,
        end,
        gettext("Q%(number)s of fiscal year %(name)s")
        % {"number": number, "name": name},
        f"fy-{name.replace('–', '-')}-q{number}",
        **kwargs,
    )


def custom(start: datetime.date, end: datetime.date, **kwargs) -> Period:
    return Period(
        start,
        end,
        gettext("Custom dates"),
        f"{start.isoformat()}-to-{end.isoformat()}",
        **kwargs,
    )


class PeriodChoice:
    THIS_QUARTER = "this_quarter"
    LAST_QUARTER = "last_quarter"
    THIS_FISCAL_YEAR = "this_fiscal_year"
    LAST_FISCAL_YEAR = "last_fiscal_year"
    CUSTOM = "custom"

    CHOICES = [
        (THIS_QUARTER, _("This quarter")),
        (LAST_QUARTER, _("Last quarter")),
        (THIS_FISCAL_YEAR, _("This fiscal year (April 1 to March 31)")),
        (LAST_FISCAL_YEAR, _("Last fiscal year")),
        (CUSTOM, _("Custom dates")),
    ]


def named_period(choice: str, now: datetime.datetime | None = None) -> Period:
    """One of the fixed choices, relative to today in the site's time zone."""
    now = now or timezone.now()
    today = timezone.localtime(now, timezone.get_default_timezone()).date()
    this_quarter = quarter_start(today)
    this_year = fiscal_year_start(today)
    if choice == PeriodChoice.THIS_QUARTER:
        return quarter(this_quarter, as_of=now)
    if choice == PeriodChoice.LAST_QUARTER:
        return quarter(this_quarter - relativedelta(months=3), as_of=now)
    if choice == PeriodChoice.THIS_FISCAL_YEAR:
        return fiscal_year(this_year, as_of=now)
    if choice == PeriodChoice.LAST_FISCAL_YEAR:
        return fiscal_year(this_year - relativedelta(years=1), as_of=now)
    raise ValueError(choice)


class DateInput(forms.DateInput):
    """The browser's own date picker; no script needed."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    """The report's period, read from the query string."""

    period = forms.ChoiceField(
        label=_("Period"),
        choices=PeriodChoice.CHOICES,
        initial=PeriodChoice.THIS_QUARTER,
        widget=forms.RadioSelect,
    )
    start = forms.DateField(
        label=_("From"),
        required=False,
        widget=DateInput,
        help_text=_("For custom dates: the first day, included."),
    )
    end = forms.DateField(
        label=_("To"),
        required=False,
        widget=DateInput,
        help_text=_("For custom dates: the last day, included."),
    )

    def __init__(self, data=None, *, now: datetime.datetime | None = None):
        if data is not None and not data.get("period"):
            # A bare address shows this quarter.
            data = data.copy()
            data["period"] = PeriodChoice.THIS_QUARTER
        super().__init__(data)
        self.now = now or timezone.now()

    def clean_start(self):
        return self._in_range(self.cleaned_data.get("start"))

    def clean_end(self):
        return self._in_range(self.cleaned_data.get("end"))

    def _in_range(self, day: datetime.date | None) -> datetime.date | None:
        if day is not None and not EARLIEST <= day <= LATEST:
            raise forms.ValidationError(
                _("Choose a date from %(earliest)s to %(latest)s."),
                params={"earliest": EARLIEST.year, "latest": LATEST.year},
            )
        return day

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("period") != PeriodChoice.CUSTOM:
            return cleaned
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None and "start" not in self.errors:
            self.add_error("start", _("Give the first day for custom dates."))
        if end is None and "end" not in self.errors:
            self.add_error("end", _("Give the last day for custom dates."))
        if start and end:
            if end < start:
                self.add_error("end", _("The last day must not be before the first."))
            elif end >= start + relativedelta(years=MAX_CUSTOM_YEARS):
                message = ngettext(
                    "Choose at most %(years)s year.",
                    "Choose at most %(years)s years.",
                    MAX_CUSTOM_YEARS,
                )
                self.add_error("end", message % {"years": MAX_CUSTOM_YEARS})
        return cleaned

    def get_period(self) -> Period:
        """The chosen period; call after ``is_valid()``."""
        choice = self.cleaned_data["period"]
        if choice == PeriodChoice.CUSTOM:
            return custom(
                self.cleaned_data["start"], self.cleaned_data["end"], as_of=self.now
            )
        return named_period(choice, self.now)
