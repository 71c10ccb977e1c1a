"""Site text, communities and navigation become translatable: new columns.

Step one of three (Wagtail's way of making models translatable): add the
tables and nullable columns; 0007 fills them from today's rows, 0008 removes
what moved and makes the columns required.
"""

import django.db.models.deletion
import modelcluster.fields
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_cache_table"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SiteText",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("organization_name", models.CharField(default="Local Immigration Partnership", help_text="Shown in the header, the footer and page titles.", max_length=120, verbose_name="organization name")),
                ("tagline", models.CharField(blank=True, help_text="A short line under the name, such as the area you serve.", max_length=160, verbose_name="tagline")),
                ("address", models.TextField(blank=True, help_text="Postal address shown in the footer.", max_length=300, verbose_name="address")),
                ("funding_acknowledgement", models.TextField(blank=True, default="Funded by Immigration, Refugees and Citizenship Canada.", help_text="The funder's credit shown in every page footer.", max_length=500, verbose_name="funding acknowledgement")),
                ("funder_logo_alt", models.CharField(blank=True, help_text="What the funder's logo says, for example the funder's name.", max_length=200, verbose_name="funder logo description")),
                ("locale", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
            ],
            options={
                "verbose_name": "site text",
                "verbose_name_plural": "site text",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="site_text",
            field=models.ForeignKey(blank=True, help_text="The name, tagline, address and funder's credit, in the default language; readers see its translation in theirs.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="home.sitetext", verbose_name="site text"),
        ),
        migrations.CreateModel(
            name="Navigation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("name", models.CharField(default="Main navigation", help_text="To tell navigations apart in the admin.", max_length=60, verbose_name="name")),
                ("locale", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
            ],
            options={
                "verbose_name": "navigation",
                "verbose_name_plural": "navigations",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.AddField(
            model_name="navigationsettings",
            name="navigation",
            field=models.ForeignKey(blank=True, help_text="The navigation in the default language; readers see its translation in theirs.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="home.navigation", verbose_name="navigation"),
        ),
        *[
            operation
            for model in ("community", "mainmenuitem", "footerlink")
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
        ],
        # Nullable, so 0008 can remove them and a migration back can restore them.
        migrations.AlterField(
            model_name="community",
            name="settings",
            field=modelcluster.fields.ParentalKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="communities", to="home.sitesettings"),
        ),
        migrations.AlterField(
            model_name="mainmenuitem",
            name="navigation",
            field=modelcluster.fields.ParentalKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="main_menu_items", to="home.navigationsettings"),
        ),
        migrations.AlterField(
            model_name="footerlink",
            name="navigation",
            field=modelcluster.fields.ParentalKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="footer_links", to="home.navigationsettings"),
        ),
        # The items' new parent; 0008 names it "navigation" once the old one goes.
        migrations.AddField(
            model_name="mainmenuitem",
            name="menu",
            field=modelcluster.fields.ParentalKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="home.navigation"),
        ),
        migrations.AddField(
            model_name="footerlink",
            name="menu",
            field=modelcluster.fields.ParentalKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="home.navigation"),
        ),
    ]
