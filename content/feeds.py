"""The news feeds (RSS and Atom), in the language of their address."""

from django.utils.translation import gettext_lazy as _

from content.models import Article
from core.feeds import FEED_LENGTH, PortalFeed


class ArticleFeed(PortalFeed):
    title = _("Vehicle of the Future: news")
    description = _(
        "News and foresight from the cluster for the vehicle and mobility of the future."
    )
    list_url_name = "content:article-list"

    def items(self):
        return (
            Article.objects.published()
            .order_by("-published_at", "-pk")
            .prefetch_related("markets")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.excerpt

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [market.name for market in item.markets.all()]
