"""The training catalogue's feeds (RSS and Atom), the latest published trainings first."""

from django.utils.translation import gettext_lazy as _

from core.feeds import FEED_LENGTH, PortalFeed
from trainings.models import Training


class TrainingFeed(PortalFeed):
    title = _("Vehicle of the Future: trainings")
    description = _("The cluster's training catalogue for the mobility of the future.")
    list_url_name = "trainings:training-list"

    def items(self):
        return (
            Training.objects.published()
            .order_by("-published_at", "-pk")
            .prefetch_related("markets")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [market.name for market in item.markets.all()]
