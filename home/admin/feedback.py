"""The dashboard's "Recent feedback" panel, filled by the apps that collect it.

An app registers a function with ``@hooks.register("register_dashboard_feedback")``
that takes the user and a limit and returns a ``FeedbackSection`` with its
latest answers, or ``None`` when the user may not see them. The panel is shown
to users who may see at least one section.
"""

import datetime
from dataclasses import dataclass

from wagtail import hooks
from wagtail.admin.ui.components import Component

HOOK_NAME = "register_dashboard_feedback"


@dataclass(frozen=True)
class FeedbackAnswer:
    subject: str
    answer: str
    comment: str
    received_at: datetime.datetime


@dataclass(frozen=True)
class FeedbackSection:
    heading: str
    answers: list[FeedbackAnswer]
    report_url: str
    report_label: str


def feedback_sections(user, limit: int) -> list[FeedbackSection]:
    sections = (hook(user, limit) for hook in hooks.get_hooks(HOOK_NAME))
    return [section for section in sections if section is not None]


class RecentFeedbackPanel(Component):
    """The latest answers of each kind of feedback the user may read."""

    name = "recent_feedback"
    template_name = "home/admin/recent_feedback_panel.html"
    order = 170
    limit = 5

    def render_html(self, parent_context=None):
        # Each app checks the permission before it queries anything.
        self.sections = feedback_sections(parent_context["request"].user, self.limit)
        if not self.sections:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["sections"] = self.sections
        return context
