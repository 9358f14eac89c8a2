"""schema.org data of the editorial pages (JSON-LD, written by ``core.structured_data``)."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.markdown import markdown_to_text
from core.structured_data import absolute, breadcrumb_list, cluster_reference


def news_article(article) -> dict:
    """A ``NewsArticle``: headline, dates, image, publisher (the cluster), its markets."""
    image = getattr(article, "social_image", "")
    if callable(image):
        image = image()
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.excerpt,
        "articleBody": markdown_to_text(article.body)[:5000],
        "datePublished": article.published_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "inLanguage": get_language(),
        "mainEntityOfPage": absolute(article.get_absolute_url()),
        "url": absolute(article.get_absolute_url()),
        "publisher": cluster_reference(),
        "author": cluster_reference(),
        "keywords": [market.name for market in article.markets.all()],
    }
    if image:
        data["image"] = [absolute(str(image))]
    return data


def article_json_ld(article) -> list[dict]:
    trail = [
        (_("News"), reverse("content:article-list")),
        (article.title, article.get_absolute_url()),
    ]
    return [news_article(article), breadcrumb_list(trail)]
