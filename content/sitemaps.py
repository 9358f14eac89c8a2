from django.contrib.sitemaps import Sitemap

from content.models import Article, Market, Page, RoadmapObjective


class PublishedSitemap(Sitemap):
    """Published items of one model, in both languages."""

    model = None
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


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


SITEMAPS = {
    "markets": MarketSitemap,
    "news": ArticleSitemap,
    "pages": PageSitemap,
    "roadmap": RoadmapSitemap,
}
