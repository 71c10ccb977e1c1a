"""Admin for guides: topics as snippets, reports, a dashboard panel, and the
guides' section of the impact report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from resources.impact import guides_section
from resources.models import Topic
from resources.reports import (
    GuideFeedbackReport,
    GuidesDueForReviewPanel,
    GuidesDueForReviewReport,
    latest_guide_feedback,
)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


class ReportMenuItem(MenuItem):
    """A Reports entry shown only to people the report lets in."""

    def __init__(self, label, url, report, **kwargs):
        super().__init__(label, url, **kwargs)
        self.report = report

    def is_shown(self, request):
        # The same test as the report's own PermissionCheckedMixin.
        policy, user = self.report.permission_policy, request.user
        if self.report.permission_required:
            return policy.user_has_permission(user, self.report.permission_required)
        return policy.user_has_any_permission(user, self.report.any_permission_required)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/guides-due-for-review/",
            GuidesDueForReviewReport.as_view(),
            name="guides_due_for_review",
        ),
        path(
            "reports/guides-due-for-review/results/",
            GuidesDueForReviewReport.as_view(results_only=True),
            name="guides_due_for_review_results",
        ),
        path(
            "reports/guide-feedback/",
            GuideFeedbackReport.as_view(),
            name="guide_feedback",
        ),
        path(
            "reports/guide-feedback/results/",
            GuideFeedbackReport.as_view(results_only=True),
            name="guide_feedback_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_due_for_review_menu_item():
    return ReportMenuItem(
        _("Guides due for review"),
        reverse("guides_due_for_review"),
        GuidesDueForReviewReport,
        icon_name="time",
        order=700,
    )


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return ReportMenuItem(
        _("Guide feedback"),
        reverse("guide_feedback"),
        GuideFeedbackReport,
        icon_name="comment",
        order=710,
    )


@hooks.register("construct_homepage_panels")
def add_due_for_review_panel(request, panels):
    panels.append(GuidesDueForReviewPanel())


hooks.register("register_dashboard_feedback", latest_guide_feedback)

hooks.register("register_impact_section", guides_section, order=200)
