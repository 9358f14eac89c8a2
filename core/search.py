"""Site-wide search: what every app's search hook returns, and the text condition they share.

An app declares ``hooks.search(function)`` where ``function(query, user, limit)`` returns a
:class:`SearchSection` of at most ``limit`` results the user may see, in a fixed number of
queries. The search page shows one section per app, with a link to the app's own filtered
list for more.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import Q


@dataclass
class SearchResult:
    title: str
    url: str
    summary: str = ""
    kind: str = ""


@dataclass
class SearchSection:
    title: str
    results: list[SearchResult] = field(default_factory=list)
    more_url: str = ""


def text_filter(fields: list[str], query: str) -> Q:
    """Every word of ``query`` must appear in one of ``fields``, ignoring case and accents
    on PostgreSQL (``unaccent``), ignoring case elsewhere."""
    lookup = "unaccent__icontains" if connection.vendor == "postgresql" else "icontains"
    words = [word for word in query.split() if word][:8]
    conditions = [
        reduce(or_, (Q(**{f"{name}__{lookup}": word}) for name in fields)) for word in words
    ]
    return reduce(lambda a, b: a & b, conditions, Q())
