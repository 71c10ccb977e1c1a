"""Admin registrations of the employers app; each feature keeps its own module."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.log_actions import LogFormatter
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
from employers.privacy import PledgeContacts, WorkshopRegistrations
from employers.services.pledge_tasks import run_pledge_tasks
from employers.services.registrant_email import LOG_ACTION as REGISTRANTS_EMAILED
from employers.services.workshop_tasks import run_workshop_tasks
from home.scheduled import ScheduledTask

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

    @actions.register_action(REGISTRANTS_EMAILED)
    class RegistrantsEmailed(LogFormatter):
        label = _("Email registrants")

        def format_message(self, log_entry):
            data = log_entry.data
            return ngettext(
                "Emailed %(count)d registrant: “%(subject)s”",
                "Emailed %(count)d registrants: “%(subject)s”",
                data.get("recipients", 0),
            ) % {"count": data.get("recipients", 0), "subject": data.get("subject", "")}


@hooks.register("register_admin_viewset")
def register_workshop_viewsets():
    return workshop_admin.WorkshopAdminGroup()


@hooks.register("register_admin_urls")
def register_workshop_urls():
    return workshop_admin.admin_urls()


@hooks.register("construct_homepage_panels")
def add_upcoming_workshops_panel(request, panels):
    panels.append(workshop_admin.UpcomingWorkshopsPanel())


hooks.register("register_dashboard_feedback", workshop_admin.latest_workshop_feedback)


@hooks.register("register_scheduled_task")
def pledge_tasks():
    return ScheduledTask(_("Pledges"), run_pledge_tasks)


@hooks.register("register_scheduled_task")
def workshop_tasks():
    return ScheduledTask(_("Workshops"), run_workshop_tasks)


hooks.register("register_personal_data", PledgeContacts)
hooks.register("register_personal_data", WorkshopRegistrations)

# Sections of the impact report, in this order.
hooks.register("register_impact_section", impact.employers_section, order=100)
hooks.register("register_impact_section", impact.pledges_section, order=110)
hooks.register("register_impact_section", impact.workshops_section, order=120)
