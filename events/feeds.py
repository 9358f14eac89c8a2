"""The events feeds (RSS and Atom): events open to everyone, to come (the calendar feeds
in iCalendar are in ``views.event_feed``)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import typography
from core.feeds import FEED_LENGTH, PortalFeed
from events.models import Event


class EventFeed(PortalFeed):
    title = _("Vehicle of the Future: events")
    description = _("Events of the cluster and its members that everyone may attend.")
    list_url_name = "events:event-list"

    def items(self):
        return (
            Event.objects.listed()
            .filter(audience=Event.Audience.PUBLIC, end__gte=timezone.now())
            .order_by("start", "pk")
            .prefetch_related("markets")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        when = typography.date(item.local_start, "DATE_FORMAT")
        where = item.city or _("Online")
        return f"{when} · {where} · {item.summary}"

    def item_pubdate(self, item):
        return item.created_at

    def item_categories(self, item):
        return [market.name for market in item.markets.all()]
