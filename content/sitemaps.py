from django.urls import reverse

from content.models import Article, Market, Page, RoadmapObjective
from core.sitemaps import PagesSitemap, TranslatedSitemap


class PublishedSitemap(TranslatedSitemap):
    """Published items of one model, in both languages."""

    model = None

    def get_queryset(self):
        return self.model.objects.published()


class MarketSitemap(PublishedSitemap):
    model = Market
    priority = 0.8


class ArticleSitemap(PublishedSitemap):
    model = Article
    changefreq = "monthly"


class PageSitemap(PublishedSitemap):
    model = Page


class RoadmapSitemap(PublishedSitemap):
    model = RoadmapObjective

    def items(self):
        # The roadmap is one page: list it once, dated by its latest objective.
        latest = RoadmapObjective.objects.published().order_by("-updated_at").first()
        return [latest] if latest else []

    def location(self, item):
        return reverse("content:roadmap")


class ObjectiveSitemap(PublishedSitemap):
    """Each objective's own page: what serves it."""

    model = RoadmapObjective
    changefreq = "weekly"


class ContentPagesSitemap(PagesSitemap):
    names = ["content:market-list", "content:article-list", "content:contact", "content:team"]


SITEMAPS = {
    "content-pages": ContentPagesSitemap,
    "markets": MarketSitemap,
    "news": ArticleSitemap,
    "pages": PageSitemap,
    "roadmap": RoadmapSitemap,
    "objectives": ObjectiveSitemap,
}
