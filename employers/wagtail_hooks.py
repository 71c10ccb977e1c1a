"""Admin registrations of the employers app; each feature keeps its own module."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from employers import impact
from employers.admin import workshops as workshop_admin
from employers.admin.pledges import (
    ApprovePledgeBulkAction,
    CommitmentViewSet,
    PledgePermissionPolicy,
    PledgesAwaitingReviewPanel,
    PledgeViewSet,
    RejectPledgeBulkAction,
    pledge_listing_buttons,
)
from employers.models import Pledge

register_permission_policy(Pledge, PledgePermissionPolicy(Pledge))
register_snippet(PledgeViewSet)
register_snippet(CommitmentViewSet)
hooks.register("register_bulk_action", ApprovePledgeBulkAction)
hooks.register("register_bulk_action", RejectPledgeBulkAction)
hooks.register("register_snippet_listing_buttons", pledge_listing_buttons)


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
        ("commitments_changed", _("Change commitments"), _("Commitments changed")),
        ("progress_reported", _("Report progress"), _("Signer reported progress")),
        ("renewed", _("Renew pledge"), _("Pledge renewed")),
        ("withdrawn", _("Withdraw pledge"), _("Pledge withdrawn by the signer")),
        ("lapsed", _("Lapse pledge"), _("Pledge lapsed: not renewed in time")),
        ("purged", _("Remove contact data"), _("Contact data removed")),
    ]:
        actions.register_action(f"employers.pledge.{action}", label, message)


@hooks.register("register_admin_viewset")
def register_workshop_viewsets():
    return workshop_admin.WorkshopAdminGroup()


@hooks.register("register_admin_urls")
def register_workshop_urls():
    return workshop_admin.admin_urls()


@hooks.register("construct_homepage_panels")
def add_upcoming_workshops_panel(request, panels):
    panels.append(workshop_admin.UpcomingWorkshopsPanel())


# Sections of the impact report, in this order.
hooks.register("register_impact_section", impact.employers_section, order=100)
hooks.register("register_impact_section", impact.pledges_section, order=110)
hooks.register("register_impact_section", impact.workshops_section, order=120)
