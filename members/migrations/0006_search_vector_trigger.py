"""PostgreSQL keeps the French full-text vector of each organisation and platform in its
``search_vector`` column, through a trigger, with a GIN index: searches read the stored
vector instead of computing one per row. Replaces the expression indexes of 0003. Nothing
happens on SQLite.
"""

from django.db import migrations

TABLES = ["members_organisation", "members_platform"]


def forward_sql():
    statements = []
    for table in TABLES:
        statements += [
            f"DROP INDEX IF EXISTS {table}_search_gin",
            f"CREATE OR REPLACE TRIGGER {table}_search_vector BEFORE INSERT OR UPDATE "
            f"ON {table} FOR EACH ROW EXECUTE FUNCTION "
            f"tsvector_update_trigger(search_vector, 'public.members_french', search_text)",
            f"UPDATE {table} SET search_text = search_text",
            f"CREATE INDEX IF NOT EXISTS {table}_vector_gin ON {table} USING gin (search_vector)",
        ]
    return statements


def backward_sql():
    statements = []
    for table in TABLES:
        statements += [
            f"DROP INDEX IF EXISTS {table}_vector_gin",
            f"DROP TRIGGER IF EXISTS {table}_search_vector ON {table}",
            f"CREATE INDEX IF NOT EXISTS {table}_search_gin ON {table} USING gin "
            f"(to_tsvector('members_french'::regconfig, COALESCE(search_text, '')))",
        ]
    return statements


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements():
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("members", "0005_search_vector")]

    operations = [migrations.RunPython(run(forward_sql), run(backward_sql))]
