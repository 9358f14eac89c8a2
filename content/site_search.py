"""The editorial app's sources of the site search: markets, articles and pages."""

from django.db.models import TextField, Value
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from content.models import Article, Market, Page
from core.search import SearchSource, localized, text_filter


def _page_url(ref: str) -> str:
    role, _colon, slug = ref.partition(":")
    if role == Page.Role.OTHER:
        return reverse("content:page-detail", kwargs={"slug": slug})
    return reverse(f"content:{role}")


def _url(name: str):
    return lambda slug: reverse(name, kwargs={"slug": slug})


def variant(user) -> str:
    """Published markets, news and pages: the same for every reader."""
    return ""


def search(query: str, user) -> list[SearchSource]:
    market_fields = ["name_fr", "name_en", "tagline_fr", "tagline_en"]
    article_fields = ["title_fr", "title_en", "excerpt_fr", "excerpt_en", "body_fr", "body_en"]
    page_fields = ["title_fr", "title_en", "intro_fr", "intro_en", "body_fr", "body_en"]
    return [
        SearchSource(
            kind="market",
            label=_("Market"),
            queryset=Market.objects.published().filter(text_filter(market_fields, query)),
            title=localized("name"),
            summary=localized("tagline"),
            url=_url("content:market-detail"),
            markets="pk",
            weighted=["name_fr", "name_en"],
        ),
        SearchSource(
            kind="article",
            label=_("News"),
            queryset=Article.objects.published().filter(text_filter(article_fields, query)),
            title=localized("title"),
            summary=localized("excerpt"),
            url=_url("content:article-detail"),
            date="published_at",
            markets="markets",
            weighted=["title_fr", "title_en"],
        ),
        SearchSource(
            kind="page",
            label=_("Page"),
            queryset=Page.objects.published().filter(text_filter(page_fields, query)),
            title=localized("title"),
            summary=localized("intro"),
            url=_page_url,
            ref=Concat("role", Value(":"), "slug", output_field=TextField()),
            weighted=["title_fr", "title_en"],
        ),
    ]
