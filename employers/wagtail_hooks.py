"""Admin registrations of the employers app; each feature keeps its own module."""

from wagtail import hooks

from employers.admin import workshops as workshop_admin


@hooks.register("register_admin_viewset")
def register_workshop_viewsets():
    return workshop_admin.WorkshopAdminGroup()


@hooks.register("register_admin_urls")
def register_workshop_urls():
    return workshop_admin.admin_urls()


@hooks.register("construct_homepage_panels")
def add_upcoming_workshops_panel(request, panels):
    panels.append(workshop_admin.UpcomingWorkshopsPanel())
