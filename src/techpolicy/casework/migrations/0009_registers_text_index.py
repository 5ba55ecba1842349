# The old technopark-shaped columns of the entries go (0008 moved them into `data` and the history),
# and the registers' search gets a real text index on PostgreSQL: a trigram GIN index on the folded
# search text of the entries and of their history, which serves the substring match ("LIKE '%...%'")
# the search makes. SQLite has no such index type: there the search reads the one folded column.

from django.db import migrations

INDEXES = {
    "casework_registerentry_search_trgm": "casework_registerentry",
    "casework_registerevent_search_trgm": "casework_registerevent",
}


def create_text_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)")


def drop_text_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ("casework", "0008_registers_history_from_entries"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="registerentry",
            name="activity_types",
        ),
        migrations.RemoveField(
            model_name="registerentry",
            name="end_basis",
        ),
        migrations.RunPython(create_text_index, drop_text_index),
    ]
