"""The impact report's sections on employers engaged and on workshops.

Every figure comes from an aggregate query; the number of queries is fixed
whatever the number of pledges or registrations, and Python only reads
counts, never a row per pledge or registration. See docs/impact-report.md
for the definitions.
"""

from collections import Counter
from typing import NamedTuple

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from employers.pledges.impact import held_pledge, share
from employers.pledges.models import Pledge
from employers.workshops.models import (
    Registration,
    WorkshopFeedback,
    WorkshopPage,
    events,
)
from home.choices import Sector, SizeBand
from home.dates import long_date
from home.impact.periods import Period
from home.impact.sections import ImpactSection
from home.impact.tables import AVERAGE, LABEL, PERCENT, TEXT, Column, Table

Status = Registration.Status
NOT_GIVEN = _("Not given")

# Employers engaged ------------------------------------------------------------


ATTRIBUTES = ("sector", "size", "community")


class OrganizationKey(Func):
    """``organization_key`` of a normalized name, computed by the database.

    The SHA-256 hex digest of the UTF-8 text, as ``normalized_key`` makes it
    in Python. SQLite runs Django's own ``SHA256`` function; PostgreSQL its
    built-in ``sha256()``, where Django's ``SHA256`` would need pgcrypto.
    """

    function = "SHA256"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="ENCODE(SHA256(CONVERT_TO(%(expressions)s, 'UTF8')), 'hex')",
            **extra_context,
        )


class Engagement(NamedTuple):
    """Organizations engaged, counted by each attribute, per way of engaging."""

    # {"sector": Counter({"construction": 12, …}), "size": …, "community": …}
    pledge: dict[str, Counter]
    workshops: dict[str, Counter]


def attended() -> Q:
    return Q(status=Status.CONFIRMED, attended_at__isnull=False)


def _counted(groups) -> dict[str, Counter]:
    """Per-attribute counts from rows of (sector, size, community, count)."""
    counts = {attribute: Counter() for attribute in ATTRIBUTES}
    for row in groups:
        for attribute in ATTRIBUTES:
            counts[attribute][row[attribute]] += row["count"]
    return counts


def engaged_organizations(period: Period) -> Engagement:
    """Each organization engaged in the period counted once; two queries.

    The pledge wins over workshops. Among an organization's rows the latest
    wins; for registrations, the latest that gave a sector. Each query keeps
    the winning row of every organization (no better row of the same one
    exists) and counts them by attribute in the database, so the work in
    Python is per combination of attributes, not per organization.
    """
    held = Pledge.objects.filter(held_pledge(period)).exclude(normalized_name="")
    newer_pledge = held.filter(normalized_name=OuterRef("normalized_name")).filter(
        Q(approved_at__gt=OuterRef("approved_at"))
        | Q(approved_at=OuterRef("approved_at"), pk__gt=OuterRef("pk"))
    )
    pledges = (
        held.filter(~Exists(newer_pledge))
        .values("sector", "community", size=F("size_band"))
        .annotate(count=Count("pk"))
        .order_by()
    )
    attendees = (
        Registration.objects.filter(attended(), period.within("attended_at"))
        .exclude(organization_key="")
        .annotate(gave_sector=Case(When(sector="", then=Value(0)), default=Value(1)))
    )
    better_attendee = attendees.filter(
        organization_key=OuterRef("organization_key")
    ).filter(
        Q(gave_sector__gt=OuterRef("gave_sector"))
        | Q(
            gave_sector=OuterRef("gave_sector"),
            attended_at__gt=OuterRef("attended_at"),
        )
        | Q(
            gave_sector=OuterRef("gave_sector"),
            attended_at=OuterRef("attended_at"),
            pk__gt=OuterRef("pk"),
        )
    )
    workshops_only = (
        attendees.filter(~Exists(better_attendee))
        .filter(
            ~Exists(
                held.annotate(key=OrganizationKey("normalized_name")).filter(
                    key=OuterRef("organization_key")
                )
            )
        )
        .values("sector", "size")
        .annotate(count=Count("pk"))
        .order_by()
    )
    # Registrations do not ask for a community.
    return Engagement(
        pledge=_counted(pledges),
        workshops=_counted({**row, "community": ""} for row in workshops_only),
    )


ENGAGED_COLUMNS = [
    Column("pledge", _("Through the pledge")),
    Column("workshops", _("Through workshops only")),
    Column("total", _("All employers engaged")),
]


def _engagement_table(
    key: str,
    title,
    label,
    engagement: Engagement,
    attribute: str,
    choices: list[tuple[str, str]] | None = None,
    *,
    by_count: bool = True,
) -> Table:
    """Organizations counted by one attribute, through the pledge or workshops.

    ``choices`` are the (value, label) pairs to show, in order; without them the
    values themselves, alphabetically. Other values (blank among them) count
    as "Not given".
    """
    pledge = engagement.pledge[attribute]
    workshops = engagement.workshops[attribute]
    total = pledge + workshops
    if choices is None:
        choices = [(value, value) for value in sorted(total) if value]
    if by_count:
        choices = sorted(choices, key=lambda choice: -total[choice[0]])
    known = {value for value, _name in choices}

    def row(name, in_pledge: int, in_workshops: int) -> dict:
        return {
            "label": name,
            "pledge": in_pledge,
            "workshops": in_workshops,
            "total": in_pledge + in_workshops,
        }

    rows = [
        row(name, pledge[value], workshops[value])
        for value, name in choices
        if total[value]
    ]
    if set(total) - known:
        rows.append(
            row(
                NOT_GIVEN,
                sum(n for value, n in pledge.items() if value not in known),
                sum(n for value, n in workshops.items() if value not in known),
            )
        )
    return Table(
        key=key,
        title=title,
        columns=[Column("label", label, LABEL), *ENGAGED_COLUMNS],
        rows=rows,
        total=row(_("All employers"), sum(pledge.values()), sum(workshops.values())),
        sums={"total": ("pledge", "workshops")},
        chart="total",
    )


def employers_section(period: Period) -> ImpactSection:
    engagement = engaged_organizations(period)
    return ImpactSection(
        key="employers",
        title=_("Employers engaged"),
        intro=_(
            "Each organization counts once, recognized by its name (ignoring "
            "case, accents, punctuation and words such as Inc. or Ltd.). It counts "
            "through the pledge if it held an approved pledge at any moment of "
            "the period, and through workshops only if it did not but someone "
            "from it was checked in at a workshop in the period. Sector, size and "
            "community come from the pledge, or else from the latest registration; "
            "workshop registrations do not ask for a community."
        ),
        tables=[
            _engagement_table(
                "employers-by-sector",
                _("Employers engaged by sector"),
                _("Sector (NAICS)"),
                engagement,
                "sector",
                Sector.choices,
            ),
            _engagement_table(
                "employers-by-size",
                _("Employers engaged by size"),
                _("Size"),
                engagement,
                "size",
                SizeBand.choices,
                by_count=False,
            ),
            _engagement_table(
                "employers-by-community",
                _("Employers engaged by community"),
                _("Community"),
                engagement,
                "community",
            ),
        ],
    )


# Workshops --------------------------------------------------------------------


def held_workshops(period: Period):
    """Workshops that started in the period and are over, not cancelled.

    Events only: a workshop translated into French is one workshop, and its
    registrations are all stored on its event.
    """
    return events(
        WorkshopPage.objects.filter(
            period.within("start"), end__lte=period.as_of, is_cancelled=False
        )
    )


def workshop_rows(period: Period) -> list[dict]:
    """Each held workshop with its counts, in two queries.

    Registrations are counted grouped by the workshop's id, title and start
    only, and feedback separately: grouping by a correlated subquery would run
    it once per registration.
    """

    def count(**condition):
        return Count("registrations", filter=Q(**condition))

    attended_here = {
        "registrations__status": Status.CONFIRMED,
        "registrations__attended_at__isnull": False,
    }
    workshops = (
        held_workshops(period)
        .values("pk", "title", "start")
        .annotate(
            registered=Count("registrations"),
            confirmed=count(registrations__status=Status.CONFIRMED),
            attended=count(**attended_here),
            no_shows=count(
                registrations__status=Status.CONFIRMED,
                registrations__attended_at__isnull=True,
            ),
            participants=Coalesce(
                Sum("registrations__seats", filter=Q(**attended_here)), 0
            ),
            waitlist_demand=Count(
                "registrations",
                filter=Q(registrations__status__in=[Status.WAITLISTED, Status.OFFERED])
                | Q(
                    registrations__status=Status.CANCELLED,
                    registrations__confirmed_at__isnull=True,
                ),
            ),
        )
        .order_by("start", "pk")
    )
    ratings = (
        WorkshopFeedback.objects.filter(workshop__in=held_workshops(period))
        .values("workshop")
        .annotate(answers=Count("pk"), rating_sum=Sum("rating"))
        .order_by()
        .values_list("workshop", "answers", "rating_sum")
    )
    feedback = {pk: {"answers": n, "rating_sum": total} for pk, n, total in ratings}
    none = {"answers": 0, "rating_sum": 0}
    return [{**w, **feedback.get(w["pk"], none)} for w in workshops]


WORKSHOP_TERMS = [
    (_("Registrations"), _("every sign-up, whatever became of it.")),
    (_("Confirmed"), _("holding a seat when the workshop took place.")),
    (_("Attended"), _("confirmed and checked in at the door.")),
    (_("No-shows"), _("confirmed but not checked in.")),
    (_("Attendance rate"), _("attended divided by confirmed.")),
    (
        _("Participants"),
        _("seats held by those who attended (a registration can bring colleagues)."),
    ),
    (
        _("Waitlist demand"),
        _(
            "people who never got a seat: still on the waitlist or holding an "
            "unclaimed offer when the workshop took place, or who cancelled "
            "without ever being confirmed."
        ),
    ),
    (_("Average rating"), _("of the feedback answers, from 1 to 5.")),
]
WORKSHOP_COUNTS = [
    "registered",
    "confirmed",
    "attended",
    "no_shows",
    "participants",
    "waitlist_demand",
    "answers",
]


def _workshop_row(label: str, counts: dict) -> dict:
    answers = counts["answers"]
    return {
        "label": label,
        **{key: counts[key] for key in WORKSHOP_COUNTS},
        "rate": share(counts["attended"], counts["confirmed"]),
        "rating": counts["rating_sum"] / answers if answers else None,
    }


def workshops_section(period: Period) -> ImpactSection:
    workshops = workshop_rows(period)
    rows = [
        {
            **_workshop_row(w["title"], w),
            "date": long_date(timezone.localtime(w["start"])),
        }
        for w in workshops
    ]
    totals = {
        key: sum(w[key] for w in workshops) for key in [*WORKSHOP_COUNTS, "rating_sum"]
    }
    attendees = (
        Registration.objects.filter(attended(), workshop__in=held_workshops(period))
        .values("sector", "size")
        .annotate(count=Count("pk"))
        .order_by()
    )
    by_sector, by_size = Counter(), Counter()
    for row in attendees:
        by_sector[row["sector"]] += row["count"]
        by_size[row["size"]] += row["count"]
    return ImpactSection(
        key="workshops",
        title=_("Workshops"),
        intro=_(
            "Workshops that started in the period and have ended; cancelled "
            "workshops are left out. Counts are of registrations: one person "
            "each. They stay correct after personal data is erased a year after "
            "each workshop, which keeps status, seats, sector, size and check-in."
        ),
        tables=[
            Table(
                key="workshops",
                title=_("Workshops held"),
                terms=WORKSHOP_TERMS,
                columns=[
                    Column("label", _("Workshop"), LABEL),
                    Column("date", _("Date"), TEXT),
                    Column("registered", _("Registrations")),
                    Column("confirmed", _("Confirmed")),
                    Column("attended", _("Attended")),
                    Column("no_shows", _("No-shows")),
                    Column(
                        "rate",
                        _("Attendance rate (%)"),
                        PERCENT,
                        ("attended", "confirmed"),
                    ),
                    Column("participants", _("Participants")),
                    Column("waitlist_demand", _("Waitlist demand")),
                    Column("answers", _("Feedback answers")),
                    Column("rating", _("Average rating"), AVERAGE, ("answers",)),
                ],
                rows=rows,
                total=_workshop_row(
                    ngettext(
                        "All %(count)s workshop",
                        "All %(count)s workshops",
                        len(workshops),
                    )
                    % {"count": len(workshops)},
                    totals,
                ),
                sums={"confirmed": ("attended", "no_shows")},
                chart="attended",
                chart_limit=20,
            ),
            _attendee_table(
                "attendees-by-sector",
                _("Attendees by sector"),
                _("Sector (NAICS)"),
                by_sector,
                sorted(Sector.choices, key=lambda choice: -by_sector[choice[0]]),
            ),
            _attendee_table(
                "attendees-by-size",
                _("Attendees by size of organization"),
                _("Size"),
                by_size,
                SizeBand.choices,
            ),
        ],
    )


def _attendee_table(key, title, label, counts: Counter, choices) -> Table:
    """Attended registrations counted by the sector or size they gave."""
    known = {value for value, _label in choices}
    rows = [
        {"label": name, "count": counts[value]}
        for value, name in choices
        if counts[value]
    ]
    unknown = sum(n for value, n in counts.items() if value not in known)
    if unknown:
        rows.append({"label": NOT_GIVEN, "count": unknown})
    return Table(
        key=key,
        title=title,
        definition=_("Attended registrations, by what the registrant gave."),
        columns=[Column("label", label, LABEL), Column("count", _("Attendees"))],
        rows=rows,
        total={"label": _("All attendees"), "count": sum(counts.values())},
        chart="count",
    )
