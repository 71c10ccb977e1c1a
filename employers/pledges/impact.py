"""The pledges section of the impact report, and when a pledge counts as held.

Every figure comes from an aggregate query; the number of queries is fixed
whatever the number of pledges. See docs/impact-report.md for the definitions.
"""

from django.db.models import (
    BigIntegerField,
    Count,
    Q,
)
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from wagtail.models import ModelLogEntry

from employers.pledges.models import Commitment, Pledge, PledgeCommitment
from home.impact.periods import Period
from home.impact.sections import ImpactSection
from home.impact.tables import LABEL, PERCENT, TEXT, Column, Table


def held_pledge(period: Period, prefix: str = "") -> Q:
    """Pledges approved at some moment of the period."""
    return Q(**{f"{prefix}approved_at__lt": period.end_at}) & (
        Q(**{f"{prefix}closed_at__isnull": True})
        | Q(**{f"{prefix}closed_at__gte": period.start_at})
    )


def current_pledge(period: Period, prefix: str = "") -> Q:
    """Pledges approved at the end of the period (now, if it is not over)."""
    return Q(**{f"{prefix}approved_at__lt": period.until}) & (
        Q(**{f"{prefix}closed_at__isnull": True})
        | Q(**{f"{prefix}closed_at__gte": period.until})
    )


def share(part: int, whole: int) -> float | None:
    return part * 100 / whole if whole else None


# Pledges ----------------------------------------------------------------------


def _logged(action: str, period: Period):
    """Ids of pledges with a log entry of ``action`` in the period."""
    return (
        ModelLogEntry.objects.filter(
            content_type__app_label="pledges",
            content_type__model="pledge",
            action=f"pledges.pledge.{action}",
        )
        .filter(period.within("timestamp"))
        .annotate(pledge_id=Cast("object_id", BigIntegerField()))
        .values("pledge_id")
    )


def pledge_figures(period: Period) -> dict[str, int]:
    """One query for every pledge count of the period."""
    current = current_pledge(period)
    approved_once = Q(approved_at__isnull=False)
    levels = {
        level: Count("pk", filter=current & Q(level=level))
        for level in Pledge.Level.values
    }
    return Pledge.objects.aggregate(
        new=Count("pk", filter=period.within("approved_at")),
        # The field keeps the latest renewal, the log every one.
        renewed=Count(
            "pk",
            filter=period.within("renewed_at") | Q(pk__in=_logged("renewed", period)),
        ),
        # A lapsed pledge renewed later is approved again: the log remembers.
        lapsed=Count(
            "pk",
            filter=(Q(status=Pledge.Status.LAPSED) & period.within("closed_at"))
            | Q(pk__in=_logged("lapsed", period)),
        ),
        withdrawn=Count(
            "pk",
            filter=Q(status=Pledge.Status.WITHDRAWN)
            & approved_once
            & period.within("closed_at"),
        ),
        current=Count("pk", filter=current),
        **levels,
    )


def pledges_section(period: Period) -> ImpactSection:
    figures = pledge_figures(period)
    summary = [
        ("new", _("New"), _("Approved in the period.")),
        (
            "renewed",
            _("Renewed"),
            _("Renewed in the period; a pledge renewed twice counts once."),
        ),
        (
            "lapsed",
            _("Lapsed"),
            _("Left the registry in the period because it was not renewed in time."),
        ),
        (
            "withdrawn",
            _("Withdrawn"),
            _("Approved pledges the employer withdrew in the period."),
        ),
        (
            "current",
            _("Current"),
            _(
                "Approved and not withdrawn, lapsed or rejected at the end of the "
                "period (today, if the period is not over)."
            ),
        ),
    ]
    chosen_by_current = current_pledge(period, "pledge_choices__pledge__")
    commitments = (
        # Pledges choose the source rows; translations would list each twice.
        Commitment.objects.sources()
        .annotate(
            chosen=Count("pledge_choices", filter=chosen_by_current),
            done=Count(
                "pledge_choices",
                filter=chosen_by_current
                & Q(pledge_choices__progress=PledgeCommitment.Progress.DONE),
            ),
        )
        .filter(Q(is_active=True) | Q(chosen__gt=0))
        .order_by("sort_order", "pk")
        .values("title", "chosen", "done")
    )
    return ImpactSection(
        key="pledges",
        title=_("Pledges"),
        intro=_(
            "Levels and progress are as the employers report them today: the "
            "site does not keep their past values, so they describe the current "
            "pledges now, not on the period's last day."
        ),
        tables=[
            Table(
                key="pledges",
                title=_("Pledges in the period"),
                columns=[
                    Column("label", _("Pledges"), LABEL),
                    Column("count", _("Number")),
                    Column("meaning", _("What it counts"), TEXT),
                ],
                rows=[
                    {"label": label, "count": figures[key], "meaning": meaning}
                    for key, label, meaning in summary
                ],
            ),
            Table(
                key="pledge-levels",
                title=_("Current pledges by level"),
                definition=_(
                    "Committed on approval; Active and Champion as more "
                    "commitments are reported in progress or done."
                ),
                columns=[
                    Column("label", _("Level"), LABEL),
                    Column("count", _("Pledges")),
                ],
                rows=[
                    {"label": label, "count": figures[level]}
                    for level, label in Pledge.Level.choices
                ],
                total={"label": _("All current pledges"), "count": figures["current"]},
                chart="count",
            ),
            Table(
                key="commitments",
                title=_("Commitments chosen and done"),
                definition=_(
                    "How many current pledges chose each commitment, and how many "
                    "of them report it done."
                ),
                columns=[
                    Column("label", _("Commitment"), LABEL),
                    Column("chosen", _("Chosen")),
                    Column("done", _("Reported done")),
                    Column("done_share", _("Done (%)"), PERCENT, ("chosen", "done")),
                ],
                rows=[
                    {
                        "label": row["title"],
                        "chosen": row["chosen"],
                        "done": row["done"],
                        "done_share": share(row["done"], row["chosen"]),
                    }
                    for row in commitments
                ],
                chart="chosen",
                chart_limit=20,
            ),
        ],
    )
