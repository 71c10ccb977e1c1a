from django.db import migrations, models

from employers.models.pledges import organization_key

BATCH = 500


def fill_keys(apps, schema_editor):
    """Key every registration that still has its organization's name.

    Registrations already anonymized have no name left to key: reports cannot
    tell their organizations apart and leave them out of employer counts.
    """
    Registration = apps.get_model("employers", "Registration")
    rows = Registration.objects.exclude(organization="").only("pk", "organization")
    batch = []
    for registration in rows.iterator(chunk_size=BATCH):
        registration.organization_key = organization_key(registration.organization)
        batch.append(registration)
        if len(batch) == BATCH:
            Registration.objects.bulk_update(batch, ["organization_key"])
            batch = []
    Registration.objects.bulk_update(batch, ["organization_key"])


class Migration(migrations.Migration):
    dependencies = [("employers", "0002_registrant_emails")]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="organization_key",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
    ]
