"""French full-text search on PostgreSQL: a text search configuration that folds accents
(the ``unaccent`` dictionary, then the French stemmer) and GIN indexes on the folded search
columns. Nothing happens on SQLite, where the search falls back to plain substring matching.

The database role needs the right to create the ``unaccent`` extension (see
content/migrations/0002_enable_unaccent.py), or the extension must already exist.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'members_french') THEN
            CREATE TEXT SEARCH CONFIGURATION members_french (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION members_french
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
    END
    $$
    """,
    "CREATE INDEX IF NOT EXISTS members_organisation_search_gin ON members_organisation "
    "USING gin (to_tsvector('members_french'::regconfig, COALESCE(search_text, '')))",
    "CREATE INDEX IF NOT EXISTS members_platform_search_gin ON members_platform "
    "USING gin (to_tsvector('members_french'::regconfig, COALESCE(search_text, '')))",
]
BACKWARD = [
    "DROP INDEX IF EXISTS members_platform_search_gin",
    "DROP INDEX IF EXISTS members_organisation_search_gin",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS members_french",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_enable_unaccent"),
        ("members", "0002_initial"),
    ]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
