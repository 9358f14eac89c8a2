"""Site-wide search: helpers every app's ``search.py`` uses, and the editorial provider.

Each app may ship ``<app>/site_search.py`` with::

    def search(query: str, user, limit: int) -> SearchSection | None

returning at most ``limit`` results the user may see, in a fixed number of queries. The
search page (`cluster_site`) shows one section per app, in app order, with a link to the
app's own filtered list for more.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from content.markdown import markdown_to_text
from content.models import Article, Market, Page


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


def search(query: str, user, limit: int) -> SearchSection | None:
    results = []
    for market in Market.objects.published().filter(
        text_filter(["name_fr", "name_en", "tagline_fr", "tagline_en"], query)
    )[:limit]:
        results.append(
            SearchResult(market.name, market.get_absolute_url(), market.tagline, _("Market"))
        )
    articles = Article.objects.published().filter(
        text_filter(["title_fr", "title_en", "excerpt_fr", "excerpt_en", "body_fr"], query)
    )
    for article in articles[:limit]:
        results.append(
            SearchResult(
                article.title,
                article.get_absolute_url(),
                article.excerpt,
                article.get_kind_display(),
            )
        )
    pages = Page.objects.published().filter(
        text_filter(["title_fr", "title_en", "body_fr", "body_en"], query)
    )
    for page in pages[:limit]:
        summary = page.intro or markdown_to_text(page.body)[:200]
        results.append(SearchResult(page.title, page.get_absolute_url(), summary, _("Page")))
    if not results:
        return None
    return SearchSection(
        _("Markets, news and pages"), results[: limit * 2], reverse("content:article-list")
    )
