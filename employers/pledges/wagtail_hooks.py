"""Admin registrations of the pledges app; each feature keeps its own module."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from employers.pledges import impact
from employers.pledges.admin import (
    ApprovePledgeBulkAction,
    CommitmentViewSet,
    PledgeEmailWordingViewSet,
    PledgePermissionPolicy,
    PledgesAwaitingReviewPanel,
    PledgeViewSet,
    RejectPledgeBulkAction,
    pledge_listing_buttons,
    review_changes,
)
from employers.pledges.models import Pledge
from employers.pledges.privacy import PledgeContacts
from employers.pledges.services.tasks import run_pledge_tasks
from employers.pledges.views.admin_logos import logo_preview
from home.scheduled import ScheduledTask

register_permission_policy(Pledge, PledgePermissionPolicy(Pledge))
register_snippet(PledgeViewSet)
register_snippet(CommitmentViewSet)
register_snippet(PledgeEmailWordingViewSet)
hooks.register("register_bulk_action", ApprovePledgeBulkAction)
hooks.register("register_bulk_action", RejectPledgeBulkAction)
hooks.register("register_snippet_listing_buttons", pledge_listing_buttons)


@hooks.register("register_admin_urls")
def register_pledge_review_urls():
    return [
        path(
            "pledges/<int:pk>/changes/",
            review_changes,
            name="pledges_review_changes",
        ),
        path(
            "pledges/<int:pk>/logo/<slug:version>/",
            logo_preview,
            name="pledges_logo_preview",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_pledge_panel(request, panels):
    panels.append(PledgesAwaitingReviewPanel())


@hooks.register("register_log_actions")
def register_pledge_log_actions(actions):
    for action, label, message in [
        ("submitted", _("Submit pledge"), _("Pledge submitted by the signer")),
        ("verified", _("Confirm email"), _("Signer confirmed their email")),
        ("approved", _("Approve pledge"), _("Pledge approved")),
        ("rejected", _("Reject pledge"), _("Pledge rejected")),
        ("updated", _("Update details"), _("Signer updated the details")),
        (
            "changes_submitted",
            _("Submit changes"),
            _("Signer changed public details: waiting for review"),
        ),
        ("changes_approved", _("Approve changes"), _("Changes to details approved")),
        ("changes_rejected", _("Reject changes"), _("Changes to details rejected")),
        ("commitments_changed", _("Change commitments"), _("Commitments changed")),
        ("progress_reported", _("Report progress"), _("Signer reported progress")),
        ("renewed", _("Renew pledge"), _("Pledge renewed")),
        ("withdrawn", _("Withdraw pledge"), _("Pledge withdrawn by the signer")),
        ("lapsed", _("Lapse pledge"), _("Pledge lapsed: not renewed in time")),
        ("purged", _("Remove contact data"), _("Contact data removed")),
    ]:
        actions.register_action(f"pledges.pledge.{action}", label, message)


@hooks.register("register_scheduled_task")
def pledge_tasks():
    return ScheduledTask(_("Pledges"), run_pledge_tasks)


hooks.register("register_personal_data", PledgeContacts)
hooks.register("register_impact_section", impact.pledges_section, order=110)
