"""Venues, facilitators and workshop questions become translatable.

As Wagtail's docs say: add ``locale`` and ``translation_key`` nullable, give
every existing row the default locale and its own key, then make both
required and unique together. No row is lost or changed otherwise.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ["venue", "facilitator", "workshopquestion"]


def fill_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    code = settings.LANGUAGE_CODE
    default = (
        Locale.objects.filter(language_code=code).first()
        or Locale.objects.order_by("pk").first()
        or Locale.objects.create(language_code=code)
    )
    for name in MODELS:
        model = apps.get_model("workshops", name)
        for pk in model.objects.filter(translation_key__isnull=True).values_list(
            "pk", flat=True
        ):
            model.objects.filter(pk=pk).update(
                locale=default, translation_key=uuid.uuid4()
            )
        model.objects.filter(locale__isnull=True).update(locale=default)


def add_fields(name):
    return [
        migrations.AddField(
            model_name=name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name=name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
    ]


def require_fields(name):
    return [
        migrations.AlterField(
            model_name=name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name=name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name=name, unique_together={("translation_key", "locale")}
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("workshops", "0002_registration_language"),
    ]

    operations = [
        *(operation for name in MODELS for operation in add_fields(name)),
        migrations.RunPython(fill_locales, migrations.RunPython.noop),
        *(operation for name in MODELS for operation in require_fields(name)),
    ]
