"""Staff roles as Wagtail groups, and the "Review and publish" workflow.

ROLES below is the table that docs/roles.md explains. Each role lists:

- "permissions": model permissions as "app_label.codename";
- "root_page": page permissions on the root page, so on every page;
- "workshop_index_pages": page permissions on each workshop index page
  (``home.roles`` grants the same on pages created later);
- "root_collection": image and document permissions on the root collection.

tests/home/test_roles.py spells out the same table independently: change
both, and docs/roles.md.

Applying a role makes the group hold exactly what its row lists. Running the
migration again changes nothing. Reversing it leaves the groups alone: people
may already rely on them, and removing them would lock staff out.

This file is frozen history: to change a role on a site that has run it, add
a new migration (copy ``apply_roles`` and change the table there).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
MODERATORS = "Moderators"
EVENT_COORDINATORS = "Event coordinators"
REPORT_VIEWERS = "Report viewers"

WORKFLOW = "Review and publish"
TASK = "Moderator review"
# The names Wagtail's own migrations (wagtailcore 0048) give them.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

EDITOR_PERMISSIONS = [
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
    # Guide feedback is anonymous: no personal data.
    "resources.view_guidefeedback",
    # Translate pages and snippets with wagtail-localize (docs/i18n.md).
    "wagtail_localize.submit_translation",
]
MEDIA_EDIT = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]

ROLES = {
    EDITORS: {
        "permissions": EDITOR_PERMISSIONS,
        "root_page": ["add_page", "change_page"],
        "root_collection": MEDIA_EDIT,
    },
    MODERATORS: {
        "permissions": [
            *EDITOR_PERMISSIONS,
            "pledges.delete_commitment",
            "pledges.view_pledge",
            "pledges.change_pledge",
            "pledges.view_pledge_contact",
            "pledges.moderate_pledge",
            "home.view_impact_report",
        ],
        "root_page": [
            "add_page",
            "change_page",
            "publish_page",
            "lock_page",
            "unlock_page",
        ],
        "root_collection": MEDIA_EDIT,
    },
    EVENT_COORDINATORS: {
        "permissions": [
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
            # Their workshop pages, in French too.
            "wagtail_localize.submit_translation",
        ],
        "workshop_index_pages": ["add_page", "change_page", "publish_page"],
        "root_collection": [
            "wagtailimages.add_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.choose_document",
        ],
    },
    REPORT_VIEWERS: {
        "permissions": [
            "wagtailadmin.access_admin",
            "home.view_impact_report",
        ],
    },
    # "home.manage_personal_data" (privacy requests) goes to no group:
    # superusers have it, and docs/roles.md says whom else to give it to.
}


def create_all_permissions(apps, using: str) -> None:
    """Create every model's permissions now, not after the last migration.

    Django creates them in post_migrate, so on a fresh database they do not
    exist yet when this migration runs.
    """
    for app_config in apps.get_app_configs():
        stub = getattr(app_config, "models_module", None) is None
        if stub:
            # Historical app configs have no models module; the function
            # skips apps without one.
            app_config.models_module = True
        try:
            create_permissions(app_config, verbosity=0, apps=apps, using=using)
        finally:
            if stub:
                app_config.models_module = None


def get_permissions(apps, names: list[str]) -> list:
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for name in names:
        app_label, codename = name.split(".")
        permissions.append(
            Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
        )
    return permissions


def set_page_permissions(apps, group, page_ids, codenames: list[str]) -> None:
    """Make the group hold exactly these page permissions on each page."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    wanted = get_permissions(apps, [f"wagtailcore.{name}" for name in codenames])
    for page_id in page_ids:
        GroupPagePermission.objects.filter(group=group, page_id=page_id).exclude(
            permission__in=wanted
        ).delete()
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page_id, permission=permission
            )


def set_collection_permissions(apps, group, collection, names: list[str]) -> None:
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    wanted = get_permissions(apps, names)
    GroupCollectionPermission.objects.filter(
        group=group, collection=collection
    ).exclude(permission__in=wanted).delete()
    for permission in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def apply_roles(apps, schema_editor) -> None:
    using = schema_editor.connection.alias
    create_all_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    WorkshopIndexPage = apps.get_model("workshops", "WorkshopIndexPage")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    workshop_indexes = list(WorkshopIndexPage.objects.values_list("pk", flat=True))

    for name, role in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(get_permissions(apps, role["permissions"]))
        set_page_permissions(apps, group, [root_page.pk], role.get("root_page", []))
        set_page_permissions(
            apps, group, workshop_indexes, role.get("workshop_index_pages", [])
        )
        set_collection_permissions(
            apps, group, root_collection, role.get("root_collection", [])
        )

    apply_workflow(apps, root_page, Group.objects.get(name=MODERATORS))


def apply_workflow(apps, root_page, moderators) -> None:
    """One workflow, one moderator review, on every page.

    Wagtail's migrations made "Moderators approval" for the same purpose;
    renaming it keeps its history instead of leaving a second workflow.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow = (
        Workflow.objects.filter(name=WORKFLOW).first()
        or Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
        or Workflow()
    )
    workflow.name = WORKFLOW
    workflow.active = True
    workflow.save()

    task = (
        GroupApprovalTask.objects.filter(name=TASK).first()
        or GroupApprovalTask.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
    )
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask(content_type=content_type)
    task.name = TASK
    task.active = True
    task.save()
    task.groups.set([moderators])

    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(
        page=root_page, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_personal_data_requests"),
        ("resources", "0003_guide_views"),
        ("pledges", "0001_initial"),
        ("workshops", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        # Its migrations grant translation to groups named Editors; the roles
        # are set after them so they hold exactly what is listed here.
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("mailer", "0007_alter_messagelog_message_data"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
