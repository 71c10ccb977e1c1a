"""Admin registrations of the workshops app; each feature keeps its own module."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from employers.workshops import impact
from employers.workshops.admin import workshops as workshop_admin
from employers.workshops.privacy import WorkshopRegistrations
from employers.workshops.services.registrant_email import (
    LOG_ACTION as REGISTRANTS_EMAILED,
)
from employers.workshops.services.tasks import run_workshop_tasks
from home.scheduled import ScheduledTask


@hooks.register("register_log_actions")
def register_workshop_log_actions(actions):
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


hooks.register("register_page_header_buttons", workshop_admin.registrations_buttons)
hooks.register(
    "register_page_listing_more_buttons", workshop_admin.registrations_buttons
)


@hooks.register("construct_homepage_panels")
def add_upcoming_workshops_panel(request, panels):
    panels.append(workshop_admin.UpcomingWorkshopsPanel())


hooks.register("register_dashboard_feedback", workshop_admin.latest_workshop_feedback)


@hooks.register("register_scheduled_task")
def workshop_tasks():
    return ScheduledTask(_("Workshops"), run_workshop_tasks)


hooks.register("register_personal_data", WorkshopRegistrations)
# The section on employers engaged counts pledges and workshops together.
hooks.register("register_impact_section", impact.employers_section, order=100)
hooks.register("register_impact_section", impact.workshops_section, order=120)
