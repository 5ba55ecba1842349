# Registers' search through a real text index on both databases (issue 11): each entry and each past
# state keeps its folded search text cut into words (`search_words`, filled here from `search_text`),
# and the words are indexed:
# - SQLite: an FTS5 table `<table>_fts` with the unicode61 tokenizer over `search_words`, reading its
#   text from the table itself (external content) and kept in step by triggers on insert, update of
#   the words and delete. A later migration that makes SQLite rebuild one of these tables (Django
#   does so for most column changes) drops its triggers: it must run `create_sqlite_index` again.
# - PostgreSQL: a pg_trgm GIN index on `search_words` (the search's "begins a word" is a LIKE that
#   the trigram index serves); the trigram indexes on `search_text` made by 0009 stay.
# Also the indexes of the list ordered by name whatever the status, and of a register's last change
# (the key of the lists' cached counts).

import unicodedata

from django.db import migrations, models

TABLES = ("casework_registerentry", "casework_registerevent")
CHUNK = 2000


def _words(text):
    folded = " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())
    return " ".join("".join(c if unicodedata.category(c)[0] in "LN" or unicodedata.category(c) == "Co" else " "
                            for c in folded).split())


def fill_words(apps, schema_editor):
    for name in ("RegisterEntry", "RegisterEvent"):
        model = apps.get_model("casework", name)
        rows = model.objects.order_by("pk").values_list("pk", "search_text")
        batch = []
        for pk, text in rows.iterator(chunk_size=CHUNK):
            batch.append(model(pk=pk, search_words=_words(text)))
            if len(batch) == CHUNK:
                model.objects.bulk_update(batch, ["search_words"])
                batch = []
        if batch:
            model.objects.bulk_update(batch, ["search_words"])


def create_sqlite_index(schema_editor, table):
    fts = f"{table}_fts"
    schema_editor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(search_words, content='{table}', "
                          "content_rowid='id', tokenize='unicode61 remove_diacritics 0')")
    delete = f"INSERT INTO {fts}({fts}, rowid, search_words) VALUES ('delete', old.id, old.search_words);"
    insert = f"INSERT INTO {fts}(rowid, search_words) VALUES (new.id, new.search_words);"
    schema_editor.execute(f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END")
    schema_editor.execute(f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END")
    schema_editor.execute(f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF search_words ON {table} "
                          f"BEGIN {delete} {insert} END")
    schema_editor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def create_text_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "sqlite":
            create_sqlite_index(schema_editor, table)
        elif vendor == "postgresql":
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {table}_words_trgm ON {table} "
                                  "USING gin (search_words gin_trgm_ops)")


def drop_text_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "sqlite":
            for trigger in ("insert", "delete", "update"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{trigger}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}_fts")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_words_trgm")


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_model_names'),
        ('casework', '0011_model_names'),
    ]

    operations = [
        migrations.AddField(
            model_name='registerentry',
            name='search_words',
            field=models.TextField(blank=True, editable=False, verbose_name='search words'),
        ),
        migrations.AddField(
            model_name='registerevent',
            name='search_words',
            field=models.TextField(blank=True, editable=False, verbose_name='search words'),
        ),
        migrations.AddIndex(
            model_name='registerentry',
            index=models.Index(fields=['register', 'name', 'id'], name='casework_re_register_name_id'),
        ),
        migrations.AddIndex(
            model_name='registerevent',
            index=models.Index(fields=['register', 'id'], name='casework_re_register_last'),
        ),
        migrations.RunPython(fill_words, migrations.RunPython.noop),
        migrations.RunPython(create_text_index, drop_text_index),
    ]
