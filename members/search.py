"""Accent-insensitive search over organisations and platforms.

Each searchable row keeps a ``search_text`` column: its searchable words, lower-cased and
folded to plain letters in Python ("Véhicule" → "vehicule"), rewritten whenever the row or
its competencies change. Queries then work the same way on every database:

- on PostgreSQL, French full-text search, with stemming ("batteries" finds "batterie") and
  prefix matching ("hydro" finds "hydrogène"). The text search configuration
  ``members_french`` runs every word through the ``unaccent`` dictionary and then the French
  stemmer, so accents typed in the query are ignored too. A trigger keeps the vector of
  ``search_text`` in the ``search_vector`` column, under a GIN index: a search reads stored
  vectors and never computes one per row. The configuration, triggers and indexes come from
  migrations 0003 and 0006 (and, for test databases built without migrations, from
  :func:`install_postgres_search` after ``migrate``); the database role needs the right to
  create the ``unaccent`` extension, see ``content/migrations/0002_enable_unaccent.py``.
- elsewhere (SQLite), every folded word of the query must appear in ``search_text``.
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, QuerySet

SEARCH_CONFIG = "members_french"
MAX_TERMS = 8
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_TERM = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Lower-case ``text``, drop its accents and collapse its whitespace."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.lower().split())


def search_document(*parts) -> str:
    """The ``search_text`` value of a row made of ``parts`` (strings, None ignored)."""
    return normalise(" ".join(str(part) for part in parts if part))


def query_terms(query: str) -> list[str]:
    """The words of a query typed by someone, lower-cased (accents kept for PostgreSQL).

    Single letters left by French elisions ("l'hydrogène", "d'essai") are dropped.
    """
    words = _TERM.findall((query or "").translate(_LIGATURES).lower())
    longer = [word for word in words if len(word) > 1]
    return (longer or words)[:MAX_TERMS]


def _tsquery(terms: list[str]) -> SearchQuery:
    # Only letters and digits reach to_tsquery, each as a prefix: "hydro:* & banc:*".
    raw = " & ".join(f"{term}:*" for term in terms)
    return SearchQuery(raw, search_type="raw", config=SEARCH_CONFIG)


def uses_full_text(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def filter_by_query(queryset: QuerySet, query: str) -> QuerySet:
    """Rows of ``queryset`` matching every word of ``query`` (all rows if it has none)."""
    terms = query_terms(query)
    if not terms:
        return queryset
    if uses_full_text(queryset):
        return queryset.filter(search_vector=_tsquery(terms))
    for term in terms:
        queryset = queryset.filter(search_text__contains=_singular(normalise(term)))
    return queryset


def _singular(term: str) -> str:
    """A rough French plural folding for the substring fallback: "véhicules" finds
    "véhicule" too (PostgreSQL's stemmer does this and more)."""
    if len(term) > 3 and term[-1] in "sx":
        return term[:-1]
    return term


def order_by_relevance(queryset: QuerySet, query: str, *then: str) -> QuerySet:
    """Best matches first on PostgreSQL; the ``then`` ordering alone elsewhere."""
    terms = query_terms(query)
    if not terms or not uses_full_text(queryset):
        return queryset.order_by(*then)
    rank = SearchRank(F("search_vector"), _tsquery(terms))
    return queryset.alias(search_rank=rank).order_by("-search_rank", *then)


# Kept in step with migrations 0003 and 0006 (which carry their own frozen copies).
POSTGRES_SEARCH_SQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'members_french') THEN
            CREATE TEXT SEARCH CONFIGURATION public.members_french (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION public.members_french
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
    END
    $$
    """,
]
for _table in ("members_organisation", "members_platform"):
    POSTGRES_SEARCH_SQL += [
        f"CREATE OR REPLACE TRIGGER {_table}_search_vector BEFORE INSERT OR UPDATE ON {_table} "
        f"FOR EACH ROW EXECUTE FUNCTION "
        f"tsvector_update_trigger(search_vector, 'public.members_french', search_text)",
        f"CREATE INDEX IF NOT EXISTS {_table}_vector_gin ON {_table} USING gin (search_vector)",
    ]


def install_postgres_search(connection) -> None:
    """Create the text search configuration and the GIN indexes if they are missing."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for statement in POSTGRES_SEARCH_SQL:
            cursor.execute(statement)
