from django.db import migrations

STAGES = ["attract", "hire", "onboard", "retain"]


def create_stages(apps, schema_editor):
    HiringStage = apps.get_model("resources", "HiringStage")
    for order, code in enumerate(STAGES):
        HiringStage.objects.update_or_create(code=code, defaults={"sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [migrations.RunPython(create_stages, migrations.RunPython.noop)]
