"""Site-wide search: the sources every app searches, faceted and ranked in the database.

An app declares ``hooks.search(function)`` where ``function(query, user)`` returns the
:class:`SearchSource` s of its items that ``user`` may see and that match ``query``: each is
a queryset (not yet evaluated) with the expressions of its title, summary, date and market
relation. :func:`run` gathers every source into one ``UNION`` per question, so a search
costs a fixed number of queries whatever the data and the number of apps:

* the count of matches by type, by market and by date bucket (three ``GROUP BY`` over the
  union, each with the other two facets applied, as a faceted search expects);
* one page of results, ordered by relevance or by date.

Words match ignoring case and accents through the SQL function ``portal_fold``, the same
name on both databases: SQLite runs :func:`fold`, registered on each connection; PostgreSQL
has ``portal_fold(text)`` = ``lower(unaccent(text))`` declared IMMUTABLE (``unaccent`` alone
is only STABLE, so it cannot be indexed), created by ``core/migrations/0004_portal_fold.py``
(or by :func:`install_postgres_fold` in databases built without migrations). A word is
found with ``portal_fold(<the searched fields joined>) LIKE '%word%'`` (:func:`text_filter`),
exactly the expression of a trigram index (``pg_trgm``) on each searched table
(``cluster_site/search_indexes.py``), so a word of three letters or more reads the index
rather than every row. The words found are highlighted by :func:`highlight` (escaped text,
``<mark>`` around the matches).
"""

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    DateTimeField,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, NullIf
from django.db.models.lookups import Contains, Exact
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

MAX_WORDS = 8
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


# Folding: case and accents ------------------------------------------------------------------


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold(text: str | None) -> str:
    """``text`` lower-cased without accents ("Hydrogène" → "hydrogene")."""
    return "".join(_fold_char(char) for char in (text or ""))


def register_sqlite_fold(sender, connection, **kwargs) -> None:
    """Give SQLite connections the ``portal_fold`` function (PostgreSQL has it in the
    database, see :data:`POSTGRES_FOLD_SQL`)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("portal_fold", 1, fold, deterministic=True)


# Kept in step with core/migrations/0004_portal_fold.py (which carries its own frozen copy).
# Names are schema-qualified: an index expression is evaluated with any search_path (a
# restore runs with an empty one). If the unaccent rules ever change, REINDEX the indexes.
# COST 1000 (ten times the default): folding the texts of a row takes tens of microseconds;
# priced lower, the planner folded every row of a table rather than read its index.
POSTGRES_FOLD_SQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    CREATE OR REPLACE FUNCTION public.portal_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
    AS $$ SELECT pg_catalog.lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$
    """,
]


def install_postgres_fold(connection) -> None:
    """Create ``portal_fold`` (and the extensions it and its indexes need) on a PostgreSQL
    database built without migrations (the test suite); idempotent."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for statement in POSTGRES_FOLD_SQL:
            cursor.execute(statement)


class Fold(Func):
    """A text expression lower-cased without accents, in SQL: ``portal_fold(expression)``
    on every database (see the module)."""

    function = "portal_fold"
    output_field = TextField()


def words_of(query: str) -> list[str]:
    """The words of ``query``, folded, at most ``MAX_WORDS``. Apostrophes split words and the
    single letters French elision leaves ("l'hydrogène", "d’essai") are dropped."""
    words = fold(query).replace("'", " ").replace("’", " ").split()
    longer = [word for word in words if len(word) > 1]
    return (longer or words)[:MAX_WORDS]


def _contains(name: str, word: str) -> Contains:
    return Contains(Fold(Cast(F(name), TextField())), word)


class _OrEmpty(Func):
    # The empty string is written in the SQL, not passed as a parameter: the expression
    # must read exactly as the indexes' do.
    template = "COALESCE(%(expressions)s, '')"
    output_field = TextField()


def searched_text(fields: list[str]) -> Fold:
    """What :func:`text_filter` looks for words in: the values of ``fields`` joined by
    spaces, folded; in SQL ``portal_fold(COALESCE(a::text, '') || ' ' || COALESCE(b::text,
    ''))``. One fold per row whatever the number of fields, and one trigram index per table
    on exactly this expression (``cluster_site/search_indexes.py``): the fields and their
    order must be the same there."""
    joined = Func(
        *(_OrEmpty(Cast(F(name), TextField())) for name in fields),
        template="(%(expressions)s)",
        arg_joiner=" || ' ' || ",
        output_field=TextField(),
    )
    return Fold(joined)


def text_filter(fields: list[str], query: str) -> Q:
    """Every word of ``query`` must appear in one of ``fields``, ignoring case and accents
    (on PostgreSQL and SQLite alike). A word has no space, so it is found in the
    :func:`searched_text` of the fields exactly when one of them holds it."""
    conditions = [Q(Contains(searched_text(fields), word)) for word in words_of(query)]
    return reduce(lambda a, b: a & b, conditions, Q())


# What a text shown in the page's language is "in French" as (see :func:`in_french`).
NOT_FRENCH = Value(False, output_field=BooleanField())


def _french_fallback(translated: str) -> Case:
    """True where the field ``translated`` is empty, so that the French text is shown."""
    empty = Q(**{translated: ""}) | Q(**{f"{translated}__isnull": True})
    return Case(When(empty, then=Value(True)), default=Value(False), output_field=BooleanField())


def localized(name: str) -> Coalesce:
    """The value of a translated field in the current language, the French one when empty
    (its ``in_french`` says where that happened)."""
    language = (get_language() or "fr")[:2]
    if language == "fr":
        return Cast(F(f"{name}_fr"), TextField())
    expression = Coalesce(
        NullIf(Cast(F(f"{name}_{language}"), TextField()), Value(""), output_field=TextField()),
        Cast(F(f"{name}_fr"), TextField()),
        output_field=TextField(),
    )
    expression.in_french = _french_fallback(f"{name}_{language}")
    return expression


def either(own: str, english: str) -> Coalesce:
    """A field with a separate English twin (``title`` / ``title_en``), in the current
    language (its ``in_french`` says where the French text is shown)."""
    if (get_language() or "fr")[:2] == "fr":
        return Cast(F(own), TextField())
    expression = Coalesce(
        NullIf(Cast(F(english), TextField()), Value(""), output_field=TextField()),
        Cast(F(own), TextField()),
        output_field=TextField(),
    )
    expression.in_french = _french_fallback(english)
    return expression


def in_french(value):
    """The SQL condition "the text of ``value`` is French shown on a page in another
    language" for an expression built by :func:`localized` or :func:`either`; false for
    anything else (a name, a French page)."""
    return getattr(value, "in_french", NOT_FRENCH)


# Sources and results -----------------------------------------------------------------------


@dataclass
class SearchSource:
    """One kind of item an app offers to the site search.

    ``queryset`` holds the rows the reader may see that match the query; ``title`` and
    ``summary`` are expressions (see :func:`localized`); ``title_in_french`` tells where
    the title is the French text on a page in another language when ``title`` is built
    around a :func:`localized` one (``in_french(either(...))``; found on the title itself
    otherwise), so that the page marks it ``lang="fr"``; ``date`` names the row's date
    (a date or datetime field, or an expression), if it has one; ``markets`` names the
    row's market ids (``"markets"``, or ``"pk"`` for the markets themselves); ``ref`` names
    what ``url(ref)`` needs to build the row's address; ``weighted`` the fields whose
    matches rank a row higher than a match in its text.
    """

    kind: str
    label: str
    queryset: QuerySet
    title: object
    summary: object
    url: Callable[[str], str]
    ref: object = "slug"
    date: object = None
    markets: str | None = None
    weighted: list[str] = field(default_factory=list)
    more_url: str = ""
    title_in_french: object = None


@dataclass
class SearchResult:
    kind: str
    label: str
    title: str
    url: str
    summary: str = ""
    date: object = None
    query: str = ""
    # "fr" where the text is the French one shown on a page in another language.
    title_lang: str = ""
    summary_lang: str = ""

    @property
    def title_html(self) -> SafeString:
        return highlight(self.title, self.query)

    @property
    def summary_html(self) -> SafeString:
        return highlight(self.summary, self.query, length=240)


DATE_BUCKETS = {
    "upcoming": _("Coming up"),
    "month": _("Past 30 days"),
    "year": _("Past 12 months"),
    "older": _("Older"),
}
SORTS = {"relevance": _("Relevance"), "date": _("Date, newest first")}


def _bucket(date) -> Case:
    now = timezone.now()
    return Case(
        When(Q(**{"_date__gt": now}), then=Value("upcoming")),
        When(Q(**{"_date__gte": now - timedelta(days=30)}), then=Value("month")),
        When(Q(**{"_date__gte": now - timedelta(days=365)}), then=Value("year")),
        When(Q(**{"_date__isnull": False}), then=Value("older")),
        default=Value(None),
        output_field=CharField(),
    )


def _score(source: SearchSource, words: list[str]) -> object:
    """Relevance: for each word, three points when the title (or a weighted field) holds
    it and one when the summary does; five more when the title is the query itself (a
    market named "Hydrogène" for "hydrogene")."""
    title, summary = Fold(_text(source.title)), Fold(_text(source.summary))
    parts = []
    for word in words:
        in_title = reduce(
            or_, (Q(_contains(name, word)) for name in source.weighted), Q(Contains(title, word))
        )
        parts.append(Case(When(in_title, then=3), default=0, output_field=IntegerField()))
        parts.append(
            Case(When(Contains(summary, word), then=1), default=0, output_field=IntegerField())
        )
    if words:
        parts.append(
            Case(
                When(Exact(title, " ".join(words)), then=5), default=0, output_field=IntegerField()
            )
        )
    return reduce(lambda a, b: a + b, parts, Value(0, output_field=IntegerField()))


def _rows(source: SearchSource, words, *, market=None, when=None, shape: str = "page"):
    """The source's rows as the columns every source shares, or None when a facet excludes
    the whole source. ``shape`` says which: ``"page"`` what a page of results shows, or only
    what a count groups by (``"kind"``, ``"market"``, ``"bucket"``, each with the row's
    kind and pk): a count neither reads nor ranks the texts of the rows it counts."""
    if market and not source.markets:
        return None
    if when and source.date is None:
        return None
    queryset = source.queryset.order_by()
    date = source.date
    if isinstance(date, str):
        date = F(date)
    queryset = queryset.alias(
        _date=Cast(date if date is not None else Value(None), DateTimeField())
    )
    if market:
        queryset = queryset.filter(**{source.markets: market})
    if when:
        queryset = queryset.alias(_when=_bucket(source.date)).filter(_when=when)
    columns = {
        "s_kind": Value(source.kind, CharField()),
        "s_pk": F("pk"),
    }
    if shape == "market":
        columns["s_market"] = F(source.markets)
    elif shape == "bucket":
        columns["s_bucket"] = _bucket(source.date)
    elif shape == "page":
        columns.update(
            s_ref=Cast(F(source.ref), TextField()) if isinstance(source.ref, str) else source.ref,
            s_title=_text(source.title),
            s_summary=_text(source.summary),
            s_date=F("_date"),
            s_score=_score(source, words),
            s_title_fr=source.title_in_french
            if source.title_in_french is not None
            else in_french(source.title),
            s_summary_fr=in_french(source.summary),
        )
    # Named columns (not values(**expressions)): modeltranslation would add every field.
    return _named(queryset.annotate(**columns).values(*columns), columns)


def _named(queryset, columns: dict):
    queryset.search_columns = list(columns)
    return queryset


def _text(value):
    return Cast(F(value), TextField()) if isinstance(value, str) else value


def _union(querysets: list) -> tuple[str, list] | None:
    """One ``UNION`` of the sources' rows, each selected by column name (Django may order
    the annotations of each part differently)."""
    parts, params = [], []
    for queryset in querysets:
        if queryset is None:
            continue
        columns = ", ".join(queryset.search_columns)
        sql, part_params = queryset.query.sql_with_params()
        parts.append(f"SELECT {columns} FROM ({sql}) part{len(parts)}")
        params.extend(part_params)
    if not parts:
        return None
    return " UNION ".join(parts), params


def _group(union, column: str) -> dict:
    if union is None:
        return {}
    sql, params = union
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column}, COUNT(*) FROM ({sql}) hits WHERE {column} IS NOT NULL "
            f"GROUP BY {column}",
            params,
        )
        return dict(cursor.fetchall())


@dataclass
class Facet:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchOutcome:
    total: int
    types: list[Facet]
    markets: list[Facet]
    dates: list[Facet]
    hits: "Hits"


class Hits:
    """The results of a search, sliced by a paginator: one query per page."""

    def __init__(self, union, total: int, sort: str, sources: dict, query: str):
        self.union, self.total, self.sort, self.sources = union, total, sort, sources
        self.query = query

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, window: slice) -> list[SearchResult]:
        if self.union is None or not self.total:
            return []
        sql, params = self.union
        nulls_last = "CASE WHEN s_date IS NULL THEN 1 ELSE 0 END"
        order = (
            f"{nulls_last}, s_date DESC, s_score DESC"
            if self.sort == "date"
            else f"s_score DESC, {nulls_last}, s_date DESC"
        )
        start, stop = window.start or 0, window.stop
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT s_kind, s_ref, s_title, s_summary, s_date, s_title_fr, s_summary_fr "
                f"FROM ({sql}) hits "
                f"ORDER BY {order}, s_title, s_kind, s_pk LIMIT %s OFFSET %s",
                [*params, stop - start, start],
            )
            rows = cursor.fetchall()
        results = []
        for kind, ref, title, summary, date, title_fr, summary_fr in rows:
            source = self.sources[kind]
            if isinstance(date, str):  # SQLite hands datetimes back as text
                date = DateTimeField().to_python(date)
            results.append(
                SearchResult(
                    kind,
                    source.label,
                    title or "",
                    source.url(ref),
                    summary or "",
                    date,
                    self.query,
                    title_lang="fr" if title_fr else "",
                    summary_lang="fr" if summary_fr else "",
                )
            )
        return results


def run(
    sources: list[SearchSource],
    query: str,
    *,
    kind: str = "",
    market: str = "",
    when: str = "",
    sort: str = "relevance",
    markets=(),
) -> SearchOutcome:
    """Search ``sources`` with the facets chosen (a source kind, a market pk, a date
    bucket); ``markets`` are the market rows that may be offered as facets. Four queries."""
    words = words_of(query)
    by_kind = {source.kind: source for source in sources}
    chosen = [by_kind[kind]] if kind in by_kind else sources

    type_counts = _group(
        _union([_rows(s, words, market=market, when=when, shape="kind") for s in sources]),
        "s_kind",
    )
    market_counts = _group(
        _union([_rows(s, words, when=when, shape="market") for s in chosen if s.markets]),
        "s_market",
    )
    date_counts = _group(
        _union([_rows(s, words, market=market, shape="bucket") for s in chosen]), "s_bucket"
    )
    page_union = _union([_rows(s, words, market=market, when=when) for s in chosen])

    total = type_counts.get(kind, 0) if kind in by_kind else sum(type_counts.values())
    types = [
        Facet(s.kind, s.label, type_counts.get(s.kind, 0), s.kind == kind)
        for s in sources
        if type_counts.get(s.kind) or s.kind == kind
    ]
    market_facets = [
        Facet(str(m.pk), m.name, market_counts.get(m.pk, 0), str(m.pk) == str(market))
        for m in markets
        if market_counts.get(m.pk) or str(m.pk) == str(market)
    ]
    dates = [
        Facet(value, label, date_counts.get(value, 0), value == when)
        for value, label in DATE_BUCKETS.items()
        if date_counts.get(value) or value == when
    ]
    return SearchOutcome(
        total, types, market_facets, dates, Hits(page_union, total, sort, by_kind, query)
    )


# Highlighting -------------------------------------------------------------------------------


def _folded_map(text: str) -> tuple[str, list[int]]:
    """``text`` folded, with the index in ``text`` of each folded character."""
    folded, origin = [], []
    for index, char in enumerate(text):
        for piece in _fold_char(char):
            folded.append(piece)
            origin.append(index)
    return "".join(folded), origin


def highlight(text: str, query: str, *, length: int = 0) -> SafeString:
    """``text`` escaped, with every word of ``query`` found in it (ignoring case and accents)
    wrapped in ``<mark>``. With ``length``, a window of about that many characters around
    the first match."""
    text = text or ""
    folded, origin = _folded_map(text)
    spans = []
    for word in words_of(query):
        if not word:
            continue
        start = folded.find(word)
        while start != -1:
            end = start + len(word)
            spans.append((origin[start], origin[end - 1] + 1))
            start = folded.find(word, end)
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    first, last = 0, len(text)
    prefix = suffix = ""
    if length and len(text) > length:
        anchor = merged[0][0] if merged else 0
        first = max(0, min(anchor - length // 4, len(text) - length))
        last = first + length
        prefix = "…" if first else ""
        suffix = "…" if last < len(text) else ""
    out, position = [prefix], first
    for start, end in merged:
        if end <= first or start >= last:
            continue
        start, end = max(start, first), min(end, last)
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:last]))
    out.append(suffix)
    return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped above
