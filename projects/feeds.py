"""The funding calls' feeds (RSS and Atom): calls still open, the nearest deadline first."""

from django.utils.translation import gettext_lazy as _

from core import typography
from core.feeds import FEED_LENGTH, PortalFeed
from projects.models import Call


class CallFeed(PortalFeed):
    title = _("Vehicle of the Future: funding calls")
    description = _("Open calls for collaborative innovation projects.")
    list_url_name = "projects:call-list"

    def items(self):
        return (
            Call.objects.open()
            .order_by("deadline", "pk")
            .select_related("programme")
            .prefetch_related("markets")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        deadline = typography.date(item.deadline, "DATE_FORMAT")
        return _("%(programme)s · deadline %(deadline)s · %(summary)s") % {
            "programme": item.programme.name,
            "deadline": deadline,
            "summary": item.summary,
        }

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [market.name for market in item.markets.all()]
