"""Registrations made on a translated workshop page move to its event.

A workshop is one event in every language: the first page of its translation
group (lowest pk). Registrations, feedback and staff emails stored against a
later translation move to that page, so seats are counted once. A person
registered on both pages keeps both rows (the unique constraint allows one
active row per workshop and address): the one on the translation stays
where it is, for staff to merge by hand.
"""

from django.db import migrations

ACTIVE = ["confirmed", "offered", "waitlisted"]


def move_to_events(apps, schema_editor):
    WorkshopPage = apps.get_model("workshops", "WorkshopPage")
    Registration = apps.get_model("workshops", "Registration")
    WorkshopFeedback = apps.get_model("workshops", "WorkshopFeedback")
    RegistrantEmail = apps.get_model("workshops", "RegistrantEmail")
    event_of = {}
    for pk, key in WorkshopPage.objects.order_by("pk").values_list(
        "pk", "translation_key"
    ):
        event_of.setdefault(key, pk)
    for pk, key in WorkshopPage.objects.values_list("pk", "translation_key"):
        event = event_of[key]
        if event == pk:
            continue
        taken = set(
            Registration.objects.filter(
                workshop_id=event, status__in=ACTIVE
            ).values_list("email", flat=True)
        )
        Registration.objects.filter(workshop_id=pk).exclude(
            status__in=ACTIVE, email__in=taken
        ).update(workshop_id=event)
        WorkshopFeedback.objects.filter(
            workshop_id=pk, registration__workshop_id=event
        ).update(workshop_id=event)
        RegistrantEmail.objects.filter(workshop_id=pk).update(workshop_id=event)


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0003_translatable_venues_facilitators_questions"),
    ]

    operations = [migrations.RunPython(move_to_events, migrations.RunPython.noop)]
