"""Topics and hiring stages become translatable: finish.

Every row needs a locale and a translation key, unique together; a topic's
name and slug, and a stage's code, are unique in each language. Backwards,
the translations go first, so the old site-wide uniqueness holds again.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from wagtail.coreutils import get_supported_content_language_variant


def delete_translations(apps, schema_editor) -> None:
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    for name in ("Topic", "HiringStage"):
        model = apps.get_model("resources", name)
        model.objects.exclude(locale__language_code=code).delete()


class Migration(migrations.Migration):
    dependencies = [("resources", "0005_translatable_taxonomy_fill")]

    operations = [
        *[
            operation
            for model in ("topic", "hiringstage")
            for operation in (
                migrations.AlterField(
                    model_name=model,
                    name="locale",
                    field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale"),
                ),
                migrations.AlterField(
                    model_name=model,
                    name="translation_key",
                    field=models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                migrations.AlterUniqueTogether(
                    name=model, unique_together={("translation_key", "locale")}
                ),
            )
        ],
        migrations.AlterField(
            model_name="hiringstage",
            name="code",
            field=models.CharField(choices=[("attract", "Attract"), ("hire", "Hire"), ("onboard", "Onboard"), ("retain", "Retain and advance")], max_length=20, verbose_name="code"),
        ),
        migrations.AlterField(
            model_name="topic",
            name="name",
            field=models.CharField(max_length=80, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="topic",
            name="slug",
            field=models.SlugField(help_text="Used in web addresses, such as /guides/?topic=recruiting.", max_length=80, verbose_name="slug"),
        ),
        migrations.AddConstraint(
            model_name="hiringstage",
            constraint=models.UniqueConstraint(fields=("locale", "code"), name="unique_hiring_stage_per_locale"),
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(fields=("locale", "name"), name="unique_topic_name_per_locale"),
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(fields=("locale", "slug"), name="unique_topic_slug_per_locale"),
        ),
        # Last, so that backwards it runs first.
        migrations.RunPython(migrations.RunPython.noop, delete_translations),
    ]
