"""Site text, communities and navigation become translatable: finish.

The words leave the settings, communities and menu items leave their site,
and every translatable row needs a locale and a translation key, unique
together.
"""

import django.db.models.deletion
import modelcluster.fields
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("home", "0007_translatable_site_text_fill")]

    operations = [
        *[
            migrations.RemoveField(model_name="sitesettings", name=field)
            for field in (
                "organization_name",
                "tagline",
                "address",
                "funding_acknowledgement",
                "funder_logo_alt",
            )
        ],
        migrations.RemoveField(model_name="community", name="settings"),
        migrations.RemoveField(model_name="mainmenuitem", name="navigation"),
        migrations.RemoveField(model_name="footerlink", name="navigation"),
        migrations.RenameField(model_name="mainmenuitem", old_name="menu", new_name="navigation"),
        migrations.RenameField(model_name="footerlink", old_name="menu", new_name="navigation"),
        migrations.AlterField(
            model_name="mainmenuitem",
            name="navigation",
            field=modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="main_menu_items", to="home.navigation"),
        ),
        migrations.AlterField(
            model_name="footerlink",
            name="navigation",
            field=modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="footer_links", to="home.navigation"),
        ),
        *[
            operation
            for model in ("community", "mainmenuitem", "footerlink")
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
    ]
