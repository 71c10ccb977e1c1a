"""Topics and hiring stages become translatable: new columns.

Step one of three (Wagtail's way of making models translatable): add the
locale and translation key, nullable; 0005 fills them for today's rows, 0006
makes them required and names, slugs and codes unique per language.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0003_guide_views"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        operation
        for model in ("topic", "hiringstage")
        for operation in (
            migrations.AddField(
                model_name=model,
                name="locale",
                field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale"),
            ),
            migrations.AddField(
                model_name=model,
                name="translation_key",
                field=models.UUIDField(editable=False, null=True),
            ),
        )
    ]
