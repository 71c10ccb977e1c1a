"""The guides' section of the impact report: most read, and "Was this helpful?".

Views come from the site's own counter (``GuideView``, per guide and day);
answers from ``GuideFeedback``. One query, whatever the number of views.
A guide and its translations are one row: their counts summed, under the
default language's title.
"""

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from home.impact.periods import Period
from home.impact.sections import ImpactSection
from home.impact.tables import LABEL, PERCENT, Column, Table
from home.languages import default_content_language
from resources.models import GuideFeedback, GuidePage, GuideView

MOST_READ_IN_CHART = 10


def _per_guide(queryset, aggregate):
    """The aggregate over ``queryset`` for the guide and all its translations."""
    per_guide = (
        queryset.filter(guide__translation_key=OuterRef("translation_key"))
        .order_by()
        .values("guide__translation_key")
        .annotate(value=aggregate)
        .values("value")
    )
    return Coalesce(Subquery(per_guide, output_field=IntegerField()), 0)


def _one_page_per_guide():
    """Each guide once: its default-language page, else its first page."""
    default = default_content_language()
    before = GuidePage.objects.filter(
        translation_key=OuterRef("translation_key")
    ).filter(Q(locale__language_code=default) | Q(pk__lt=OuterRef("pk")))
    return GuidePage.objects.filter(Q(locale__language_code=default) | ~Exists(before))


def guide_rows(period: Period):
    """Guides read or answered about in the period, most read first.

    Each guide once, with the views and answers of all its translations.
    """
    answers = GuideFeedback.objects.filter(period.within("created_at"))
    return (
        _one_page_per_guide()
        .annotate(
            views=_per_guide(
                GuideView.objects.filter(period.within_days("day")), Sum("count")
            ),
            yes=_per_guide(answers.filter(helpful=True), Count("pk")),
            no=_per_guide(answers.filter(helpful=False), Count("pk")),
        )
        .filter(Q(views__gt=0) | Q(yes__gt=0) | Q(no__gt=0))
        .order_by("-views", "title", "pk")
        .values("title", "views", "yes", "no")
    )


def _row(label, views: int, yes: int, no: int) -> dict:
    answers = yes + no
    return {
        "label": label,
        "views": views,
        "yes": yes,
        "no": no,
        "answers": answers,
        "helpful": yes * 100 / answers if answers else None,
    }


def guides_section(period: Period) -> ImpactSection:
    guides = list(guide_rows(period))
    rows = [_row(g["title"], g["views"], g["yes"], g["no"]) for g in guides]
    return ImpactSection(
        key="guides",
        title=_("Guides"),
        intro=_(
            "Views are counted by the site itself, without cookies, analytics "
            "services or visitors' addresses: one for each time a guide's page is "
            "sent to a browser, leaving out crawlers and staff previews. Answers "
            "are those given to “Was this helpful?” at the end of each guide."
        ),
        tables=[
            Table(
                key="guides",
                title=_("Guides read, and whether readers found them helpful"),
                definition=_("Guides read or answered about in the period."),
                columns=[
                    Column("label", _("Guide"), LABEL),
                    Column("views", _("Views")),
                    Column("yes", _("Helpful")),
                    Column("no", _("Not helpful")),
                    Column("answers", _("Answers")),
                    Column(
                        "helpful", _("Helpful (%)"), PERCENT, ("yes", "no", "answers")
                    ),
                ],
                rows=rows,
                total=_row(
                    _("All guides"),
                    sum(row["views"] for row in rows),
                    sum(row["yes"] for row in rows),
                    sum(row["no"] for row in rows),
                ),
                sums={"answers": ("yes", "no")},
                chart="views",
                chart_limit=MOST_READ_IN_CHART,
            )
        ],
    )
