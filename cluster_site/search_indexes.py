"""The trigram indexes of the site search on PostgreSQL.

The search finds a word with ``portal_fold(<fields joined>) LIKE '%word%'``
(``core.search.text_filter``), for the fields of each table listed in :data:`SEARCHED`. A
B-tree index cannot answer a substring; a GIN index with ``gin_trgm_ops`` (``pg_trgm``) on
exactly that expression can, for words of three letters or more (shorter ones still match,
reading every row). One index per table serves all its fields. The site search is the one
page that reads every app's tables, so it keeps the list of what they search: a table's
fields, in the order its search names them.

The indexes come from ``cluster_site/migrations/0001_search_trigram_indexes.py`` and, in
databases built without migrations (the test suite), from :func:`install` after
``migrate``. A search that changes its fields needs the same change here (which
``tests/cluster_site/test_search_indexes.py`` checks) and a migration that replaces the
index.
"""

from django.db.migrations.loader import MigrationLoader

# Kept in step with the migrations (which carry their own frozen copies).
SEARCHED = {
    "content_market": ["name_fr", "name_en", "tagline_fr", "tagline_en"],
    "content_article": ["title_fr", "title_en", "excerpt_fr", "excerpt_en", "body_fr", "body_en"],
    "content_page": ["title_fr", "title_en", "intro_fr", "intro_en", "body_fr", "body_en"],
    # Partner names of projects (members' own search goes through search_vector).
    "members_organisation": ["name"],
    "networks_partner": [
        "name_fr",
        "name_en",
        "summary_fr",
        "summary_en",
        "description_fr",
        "city",
    ],
    "projects_project": ["acronym", "title", "title_en", "summary", "summary_en"],
    "projects_externalpartner": ["name"],
    "projects_call": ["title_fr", "title_en", "summary_fr", "summary_en"],
    "projects_partnersearch": ["title", "title_en", "idea", "idea_en"],
    "trainings_training": [
        "title_fr",
        "title_en",
        "summary_fr",
        "summary_en",
        "objectives_fr",
        "objectives_en",
        "target_audience_fr",
        "target_audience_en",
        "certification_code",
    ],
    "events_event": [
        "title_fr",
        "title_en",
        "summary_fr",
        "summary_en",
        "description_fr",
        "description_en",
        "city",
        "venue_name",
    ],
}


def index_name(table: str) -> str:
    return f"{table}_search_trgm"


def expression(fields: list[str]) -> str:
    """The SQL of ``core.search.searched_text(fields)``, as an index expression."""
    joined = " || ' ' || ".join(f"COALESCE({field}::text, '')" for field in fields)
    return f"public.portal_fold({joined})"


def create_sql(searched: dict[str, list[str]]) -> list[str]:
    """The statements creating the index of every table of ``searched`` (idempotent)."""
    return [
        f"CREATE INDEX IF NOT EXISTS {index_name(table)} ON {table} "
        f"USING gin ({expression(fields)} public.gin_trgm_ops)"
        for table, fields in searched.items()
    ]


def install(sender, using, **kwargs) -> None:
    """After ``migrate``: the indexes of a PostgreSQL database built without migrations
    (connected to core's ``post_migrate``, sent once every table exists; cluster_site has
    no models, so Django sends it none)."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    if MigrationLoader.migrations_module("cluster_site")[0] is not None:
        return  # the migrations made them
    with connection.cursor() as cursor:
        for statement in create_sql(SEARCHED):
            cursor.execute(statement)
