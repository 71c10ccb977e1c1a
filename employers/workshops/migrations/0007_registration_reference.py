"""Every registration gets a door reference; existing ones get their own."""

from django.db import migrations, models

import employers.workshops.models.registrations


def give_references(apps, schema_editor):
    # A callable default on AddField gives every existing row the same value:
    # draw one per row, unique within its event.
    Registration = apps.get_model("workshops", "Registration")
    new_reference = employers.workshops.models.registrations.new_reference
    taken = set()
    for registration in Registration.objects.only("pk", "workshop_id").iterator():
        reference = new_reference()
        while (registration.workshop_id, reference) in taken:
            reference = new_reference()
        taken.add((registration.workshop_id, reference))
        Registration.objects.filter(pk=registration.pk).update(reference=reference)


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0006_registration_bursts"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="reference",
            field=models.CharField(
                default="", editable=False, max_length=8, verbose_name="reference"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(give_references, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="registration",
            name="reference",
            field=models.CharField(
                default=employers.workshops.models.registrations.new_reference,
                editable=False,
                max_length=8,
                verbose_name="reference",
            ),
        ),
        migrations.AddConstraint(
            model_name="registration",
            constraint=models.UniqueConstraint(
                fields=("workshop", "reference"), name="one_reference_per_event"
            ),
        ),
    ]
