"""The editorial app's section of the site search: markets, articles and pages."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from content.models import Article, Market, Page
from core.markdown import markdown_to_text
from core.search import SearchResult, SearchSection, text_filter


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
