"""Commitments become translatable.

As Wagtail's docs say: add ``locale`` and ``translation_key`` nullable, give
every existing commitment the default locale and its own key, then make both
required and unique together. Pledges keep pointing at the same rows.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def fill_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Commitment = apps.get_model("pledges", "Commitment")
    code = settings.LANGUAGE_CODE
    default = (
        Locale.objects.filter(language_code=code).first()
        or Locale.objects.order_by("pk").first()
        or Locale.objects.create(language_code=code)
    )
    for pk in Commitment.objects.filter(translation_key__isnull=True).values_list(
        "pk", flat=True
    ):
        Commitment.objects.filter(pk=pk).update(
            locale=default, translation_key=uuid.uuid4()
        )
    Commitment.objects.filter(locale__isnull=True).update(locale=default)


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0002_pledge_language"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="commitment",
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
            model_name="commitment",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(fill_locales, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="commitment",
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
            model_name="commitment",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="commitment", unique_together={("translation_key", "locale")}
        ),
    ]
