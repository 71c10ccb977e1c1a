"""Staff reports on guides: which are due for review, and what readers said.

A guide and its translations are separate pages: rows name their language,
and the dashboard counts each guide once, whatever its translations.
"""

import datetime

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.admin.feedback import FeedbackAnswer, FeedbackSection
from home.admin.panels import RestrictedPanel
from home.exports import SafeSpreadsheetExportMixin
from resources.models import GuideFeedback, GuidePage


def review_cutoff() -> datetime.date:
    """Guides last reviewed before this date are due for review."""
    return timezone.localdate() - datetime.timedelta(
        days=settings.GUIDE_REVIEW_PERIOD_DAYS
    )


def guides_due_for_review():
    return (
        GuidePage.objects.filter(last_reviewed__lt=review_cutoff())
        .select_related("reviewer", "locale")
        .order_by("last_reviewed", "title")
    )


def guides_due_count() -> int:
    """How many guides are due for review, each counted once with its translations."""
    due = guides_due_for_review().order_by().values("translation_key")
    return due.distinct().count()


class GuidesDueForReviewReport(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Guides due for review")
    header_icon = "time"
    index_url_name = "guides_due_for_review"
    index_results_url_name = "guides_due_for_review_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn(
            "title",
            label=_("Guide"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column("locale", label=_("Language")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        Column("reviewer", label=_("Responsible"), accessor="reviewer_name"),
    ]
    list_export = ["title", "locale", "last_reviewed", "reviewer_name", "full_url"]
    export_headings = {
        "title": _("Guide"),
        "locale": _("Language"),
        "last_reviewed": _("Last reviewed"),
        "reviewer_name": _("Responsible"),
        "full_url": _("Address"),
    }

    def get_queryset(self):
        return guides_due_for_review()


class GuideFeedbackFilterSet(WagtailFilterSet):
    class Meta:
        model = GuideFeedback
        fields = ["guide", "helpful"]


class GuideFeedbackReport(SafeSpreadsheetExportMixin, ReportView):
    template_name = "resources/admin/guide_feedback_report.html"
    page_title = _("Guide feedback")
    header_icon = "comment"
    index_url_name = "guide_feedback"
    index_results_url_name = "guide_feedback_results"
    model = GuideFeedback
    permission_policy = ModelPermissionPolicy(GuideFeedback)
    permission_required = "view"
    filterset_class = GuideFeedbackFilterSet
    columns = [
        Column("guide", label=_("Guide")),
        Column("language", label=_("Language"), accessor="guide.locale"),
        BooleanColumn("helpful", label=_("Helpful")),
        Column("comment", label=_("Comment")),
        DateColumn("created_at", label=_("Received")),
    ]
    list_export = ["guide", "guide.locale", "helpful", "comment", "created_at"]
    export_headings = {"guide.locale": _("Language")}

    def get_queryset(self):
        return GuideFeedback.objects.select_related("guide__locale").order_by(
            "-created_at"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        languages = dict(get_content_languages())
        summary = (
            GuideFeedback.objects.values(
                "guide_id", "guide__title", "guide__locale__language_code"
            )
            .annotate(
                yes=Count("pk", filter=Q(helpful=True)),
                no=Count("pk", filter=Q(helpful=False)),
            )
            .order_by("-no", "guide__title")
        )
        context["summary"] = [
            {**row, "language": languages.get(row["guide__locale__language_code"])}
            for row in summary
        ]
        return context


class GuidesDueForReviewPanel(RestrictedPanel):
    """Dashboard count of guides due for review, for people who edit pages."""

    name = "guides_due_for_review"
    template_name = "resources/admin/due_for_review_panel.html"
    order = 150

    @classmethod
    def is_shown_to(cls, user) -> bool:
        # "change" includes "add": Wagtail lets creators edit their own pages.
        return PagePermissionPolicy().user_has_permission(user, "change")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["count"] = guides_due_count()
        context["report_url"] = reverse("guides_due_for_review")
        return context


def latest_guide_feedback(user, limit: int) -> FeedbackSection | None:
    """The dashboard's recent "Was this helpful?" answers (anonymous)."""
    if not ModelPermissionPolicy(GuideFeedback).user_has_permission(user, "view"):
        return None
    answers = GuideFeedback.objects.select_related("guide").order_by(
        "-created_at", "-pk"
    )[:limit]
    return FeedbackSection(
        heading=_("Guides: was this helpful?"),
        answers=[
            FeedbackAnswer(
                subject=answer.guide.title,
                answer=_("Yes") if answer.helpful else _("No"),
                comment=answer.comment,
                received_at=answer.created_at,
            )
            for answer in answers
        ],
        report_url=reverse("guide_feedback"),
        report_label=_("Guide feedback report"),
    )
