"""Trigram indexes for the site search on PostgreSQL (see ``cluster_site/search_indexes.py``).

The search finds a word with ``portal_fold(COALESCE(a::text, '') || ' ' || ...) LIKE
'%word%'`` over the fields of each table it searches (``core.search.text_filter``); one GIN
index (``gin_trgm_ops``) per table on exactly that expression lets PostgreSQL read the rows
holding the word (for words of three letters or more) instead of folding every row.
``portal_fold`` and ``pg_trgm`` come from ``core/migrations/0004_portal_fold``.

They are made with SQL because model state cannot describe them portably: a ``GinIndex`` in
a model's ``Meta.indexes`` would be created on SQLite too, where it is invalid, and would
have to spell ``portal_fold`` and the operator class as expressions. So they are in no
model's state, and ``makemigrations --check`` has nothing to report about them. Nothing
happens on SQLite (the search reads every row there). Going back drops them.
"""

from django.db import migrations

SEARCHED = {
    "content_market": ["name_fr", "name_en", "tagline_fr", "tagline_en"],
    "content_article": ["title_fr", "title_en", "excerpt_fr", "excerpt_en", "body_fr", "body_en"],
    "content_page": ["title_fr", "title_en", "intro_fr", "intro_en", "body_fr", "body_en"],
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


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, fields in SEARCHED.items():
        joined = " || ' ' || ".join(f"COALESCE({field}::text, '')" for field in fields)
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_search_trgm ON {table} "
            f"USING gin (public.portal_fold({joined}) public.gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in reversed(SEARCHED):
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_portal_fold"),
        ("content", "0005_contact_team_social_milestones"),
        ("members", "0013_platform_roadmap_objectives"),
        ("networks", "0004_cover_alt_in_french_and_english"),
        ("projects", "0006_project_cover_and_roadmap_objectives"),
        ("trainings", "0008_fill_french_provider_name"),
        ("events", "0006_event_venue_is_public"),
    ]

    operations = [migrations.RunPython(create, drop)]
