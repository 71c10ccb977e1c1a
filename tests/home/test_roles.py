"""The staff roles and the review workflow, as a fresh database gets them.

The test database is built by running every migration, so these tests see
what a new site gets. The expected table is written out here, as
docs/roles.md describes it, rather than read from the migration.
"""

import importlib
from types import SimpleNamespace

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
)

from employers.workshops.factories import WorkshopIndexPageFactory
from home import roles

pytestmark = pytest.mark.django_db

migration = importlib.import_module("home.migrations.0004_staff_roles")

EDITOR = {
    "wagtailadmin.access_admin",
    "resources.add_topic",
    "resources.change_topic",
    "resources.delete_topic",
    "pledges.add_commitment",
    "pledges.change_commitment",
    "workshops.add_venue",
    "workshops.change_venue",
    "workshops.add_facilitator",
    "workshops.change_facilitator",
    "resources.view_guidefeedback",
    "wagtail_localize.submit_translation",
}
MEDIA = {
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
}
EXPECTED = {
    roles.EDITORS: {
        "permissions": EDITOR,
        "root page": {"add_page", "change_page"},
        "root collection": MEDIA,
    },
    roles.MODERATORS: {
        "permissions": EDITOR
        | {
            "pledges.delete_commitment",
            "pledges.view_pledge",
            "pledges.change_pledge",
            "pledges.view_pledge_contact",
            "pledges.moderate_pledge",
            "home.view_impact_report",
        },
        "root page": {
            "add_page",
            "change_page",
            "publish_page",
            "lock_page",
            "unlock_page",
        },
        "root collection": MEDIA,
    },
    roles.EVENT_COORDINATORS: {
        "permissions": {
            "wagtailadmin.access_admin",
            "workshops.view_registration",
            "workshops.add_registration",
            "workshops.change_registration",
            "workshops.delete_registration",
            "workshops.view_accommodation_needs",
            "workshops.view_workshopfeedback",
            "workshops.add_venue",
            "workshops.change_venue",
            "workshops.delete_venue",
            "workshops.add_facilitator",
            "workshops.change_facilitator",
            "workshops.delete_facilitator",
            "workshops.email_registrants",
            "wagtail_localize.submit_translation",
        },
        "root page": set(),
        "root collection": {
            "wagtailimages.add_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.choose_document",
        },
    },
    roles.REPORT_VIEWERS: {
        "permissions": {"wagtailadmin.access_admin", "home.view_impact_report"},
        "root page": set(),
        "root collection": set(),
    },
}


def held(group: Group) -> dict:
    """What a group holds, in the shape of EXPECTED."""
    return {
        "permissions": {
            f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
        },
        "root page": set(
            GroupPagePermission.objects.filter(
                group=group, page=Page.get_first_root_node()
            ).values_list("permission__codename", flat=True)
        ),
        "root collection": {
            f"{p.permission.content_type.app_label}.{p.permission.codename}"
            for p in GroupCollectionPermission.objects.filter(
                group=group, collection=Collection.get_first_root_node()
            ).select_related("permission__content_type")
        },
    }


def snapshot() -> dict:
    """Every group, grant and workflow row the migration touches."""
    return {
        "groups": {group.name: held(group) for group in Group.objects.all()},
        "page grants": sorted(
            GroupPagePermission.objects.values_list(
                "group__name", "page_id", "permission__codename"
            )
        ),
        "collection grants": GroupCollectionPermission.objects.count(),
        "workflows": sorted(
            (page.workflow.name, page.page_id) for page in WorkflowPage.objects.all()
        ),
        "tasks": sorted(Task.objects.values_list("name", flat=True)),
    }


def run_the_migration_again() -> None:
    """Apply the roles with the models as the migration sees them."""
    state = MigrationExecutor(connection).loader.project_state(
        ("home", "0004_staff_roles")
    )
    # apply_roles reads only the connection from its schema editor.
    migration.apply_roles(state.apps, SimpleNamespace(connection=connection))


def test_a_new_site_has_the_four_roles_and_nothing_else():
    assert set(Group.objects.values_list("name", flat=True)) == set(EXPECTED)


@pytest.mark.parametrize("name", EXPECTED)
def test_each_role_holds_exactly_the_documented_permissions(name):
    assert held(Group.objects.get(name=name)) == EXPECTED[name]


def test_one_workflow_sends_every_page_to_moderator_review():
    workflow = Workflow.objects.get()
    assert workflow.name == roles.WORKFLOW
    assert workflow.active
    task = GroupApprovalTask.objects.get()
    assert [t.specific for t in workflow.tasks] == [task]
    assert task.name == "Moderator review"
    assert list(task.groups.values_list("name", flat=True)) == [roles.MODERATORS]
    assert WorkflowPage.objects.get().page == Page.get_first_root_node()


def test_running_the_migration_again_changes_nothing(workshop_index):
    before = snapshot()
    run_the_migration_again()
    assert snapshot() == before


def test_the_migration_restores_a_role_someone_changed():
    editors = Group.objects.get(name=roles.EDITORS)
    editors.permissions.clear()
    GroupPagePermission.objects.filter(group=editors).delete()
    run_the_migration_again()
    assert held(editors) == EXPECTED[roles.EDITORS]


def test_a_new_workshop_index_lets_coordinators_add_and_publish_workshops(home_page):
    index = WorkshopIndexPageFactory(parent=home_page)
    copy = index.copy(update_attrs={"slug": "events", "title": "Events"})
    for page in (index, copy):
        grants = GroupPagePermission.objects.filter(page=page)
        assert sorted(grants.values_list("group__name", "permission__codename")) == [
            (roles.EVENT_COORDINATORS, "add_page"),
            (roles.EVENT_COORDINATORS, "change_page"),
            (roles.EVENT_COORDINATORS, "publish_page"),
        ]


def test_the_migration_grants_existing_workshop_indexes_what_new_ones_get(
    workshop_index,
):
    granted_on_creation = set(
        GroupPagePermission.objects.filter(page=workshop_index).values_list(
            "group__name", "permission__codename"
        )
    )
    GroupPagePermission.objects.filter(page=workshop_index).delete()
    run_the_migration_again()
    assert granted_on_creation
    assert (
        set(
            GroupPagePermission.objects.filter(page=workshop_index).values_list(
                "group__name", "permission__codename"
            )
        )
        == granted_on_creation
    )
