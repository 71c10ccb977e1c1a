"""Topics and hiring stages become translatable: today's rows are English.

Every row gets the default locale and its own translation key. Backwards,
the columns go in 0004; nothing to undo here.
"""

import uuid

from django.conf import settings
from django.db import migrations

from wagtail.coreutils import get_supported_content_language_variant


def forwards(apps, schema_editor) -> None:
    models = [apps.get_model("resources", name) for name in ("Topic", "HiringStage")]
    if not any(model.objects.filter(locale=None).exists() for model in models):
        return
    Locale = apps.get_model("wagtailcore", "Locale")
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale = Locale.objects.get_or_create(language_code=code)[0]
    for model in models:
        for row in model.objects.filter(locale=None):
            row.locale = locale
            row.translation_key = uuid.uuid4()
            row.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [("resources", "0004_translatable_taxonomy_add")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
