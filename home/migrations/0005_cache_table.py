"""The table of the database cache, the default shared cache (docs/caching.md).

Created whatever CACHES says today, so a site that later drops Redis finds it.
"""

from django.core.management import call_command
from django.db import migrations

TABLE = "django_cache"


def create_cache_table(apps, schema_editor) -> None:
    call_command(
        "createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0
    )


def drop_cache_table(apps, schema_editor) -> None:
    schema_editor.execute(
        f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}"
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0004_staff_roles")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
