"""The sitemap base of core: the rows a section lists, their order, dates and languages."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from content.models import Article
from core.sitemaps import ModelSitemap, TranslatedSitemap
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# What Django's sitemap view passes: the site the request came to (only its domain is read).
SITE = SimpleNamespace(domain="portail.example")


class ArticlesNewestFirst(ModelSitemap):
    ordering = ("-published_at", "pk")

    def get_queryset(self):
        return Article.objects.published()


class TranslatedArticles(TranslatedSitemap):
    def get_queryset(self):
        return Article.objects.published()


def test_a_section_lists_its_rows_in_its_order_dated_by_their_last_change():
    older = ArticleFactory(published_at=timezone.now() - dt.timedelta(days=2))
    newer = ArticleFactory(published_at=timezone.now() - dt.timedelta(days=1))
    ArticleFactory(status=Article.Status.DRAFT)

    urls = ArticlesNewestFirst().get_urls(site=SITE, protocol="https")

    assert [url["item"] for url in urls] == [newer, older]
    assert urls[0]["location"] == f"https://{SITE.domain}{newer.get_absolute_url()}"
    assert urls[0]["lastmod"] == newer.updated_at
    assert urls[0]["alternates"] == []  # one language, no translations


def test_rows_are_listed_by_primary_key_unless_the_section_says_otherwise():
    first, second = ArticleFactory(), ArticleFactory()

    class Articles(ModelSitemap):
        def get_queryset(self):
            # Ordered otherwise on purpose: the section's order replaces it.
            return Article.objects.published().order_by("-pk")

    assert list(Articles().items()) == [first, second]


def test_a_translated_section_lists_each_page_in_both_languages_with_its_translations():
    article = ArticleFactory(slug="publie")

    urls = TranslatedArticles().get_urls(site=SITE, protocol="https")

    assert [url["location"] for url in urls] == [
        f"https://{SITE.domain}/news/publie/",
        f"https://{SITE.domain}/en/news/publie/",
    ]
    alternates = {link["lang_code"]: link["location"] for link in urls[0]["alternates"]}
    assert alternates == {
        "fr": f"https://{SITE.domain}/news/publie/",
        "en": f"https://{SITE.domain}/en/news/publie/",
        "x-default": f"https://{SITE.domain}/news/publie/",
    }
    assert urls[1]["lastmod"] == article.updated_at


def test_a_section_must_say_which_rows_it_lists():
    class Forgetful(ModelSitemap):
        pass

    with pytest.raises(NotImplementedError, match="Forgetful"):
        Forgetful().items()
