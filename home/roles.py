"""Staff roles: their group names, and page permissions that follow new pages.

The groups and their permissions come from the data migration
``home/migrations/0004_staff_roles.py``; docs/roles.md describes them. Event
coordinators work on workshop pages only, so their page permissions sit on
each workshop index page, which may be created long after that migration ran.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import GroupPagePermission, Page

EDITORS = "Editors"
MODERATORS = "Moderators"
EVENT_COORDINATORS = "Event coordinators"
REPORT_VIEWERS = "Report viewers"
ROLE_GROUPS = (EDITORS, MODERATORS, EVENT_COORDINATORS, REPORT_VIEWERS)

WORKFLOW = "Review and publish"

# Keep in step with "workshop_index_pages" in the migration's role table.
WORKSHOP_INDEX_PAGE_PERMISSIONS = {
    EVENT_COORDINATORS: ("add_page", "change_page", "publish_page"),
}


def grant_workshop_index_permissions(page: Page) -> None:
    """Give each role its permissions on a workshop index page and below it."""
    for group_name, codenames in WORKSHOP_INDEX_PAGE_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            # Someone deleted or renamed the group on purpose: grant nothing.
            continue
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ):
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission
            )


@receiver(post_save, sender="workshops.WorkshopIndexPage")
def workshop_index_page_created(sender, instance, created, raw, **kwargs):
    """Covers every way a page is made: the admin, copies, translations, code.

    Wagtail's ``after_create_page`` hook runs only in the admin's create view,
    so the demo loader and page copies would miss it. Fixtures (``raw``) carry
    their own permission rows.
    """
    if created and not raw:
        grant_workshop_index_permissions(instance)
