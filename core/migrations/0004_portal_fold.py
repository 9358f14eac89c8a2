"""The SQL function ``portal_fold(text)`` of the accent-blind search on PostgreSQL, and the
``pg_trgm`` extension its indexes use (see ``core/search.py``).

``portal_fold`` is ``lower(unaccent(text))`` declared IMMUTABLE: ``unaccent()`` itself is
only STABLE (its dictionary could change), so an index cannot be built on it. Folding with
an explicit dictionary, all names schema-qualified, gives the same answer for the same
text whatever the session, which is what IMMUTABLE promises; if the unaccent rules are
ever edited, the indexes on ``portal_fold(...)`` must be rebuilt (REINDEX). Its COST (ten
times the default) says what it is: folding the texts of a row takes tens of microseconds,
and priced lower the planner folded every row of a table rather than read its index. The
trigram indexes themselves are in ``cluster_site/migrations/0001_search_trigram_indexes.py``.

Nothing happens on SQLite, where ``core.search.register_sqlite_fold`` gives each connection
a Python ``portal_fold``. On PostgreSQL the database role needs the right to create the
``unaccent`` and ``pg_trgm`` extensions (trusted extensions: the owner of the database
may), or they must exist already. Going back drops the function and ``pg_trgm`` (``unaccent``
belongs to ``content/migrations/0002_enable_unaccent.py``). Nothing here is model state:
``makemigrations`` has nothing to say about it.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    CREATE OR REPLACE FUNCTION public.portal_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
    AS $$ SELECT pg_catalog.lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$
    """,
]
BACKWARD = [
    "DROP FUNCTION IF EXISTS public.portal_fold(text)",
    "DROP EXTENSION IF EXISTS pg_trgm",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("core", "0003_page_view_day")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
