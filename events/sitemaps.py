from core.sitemaps import PagesSitemap, TranslatedSitemap
from events.models import Event


class EventSitemap(TranslatedSitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000
    ordering = ("-start", "pk")

    def get_queryset(self):
        return Event.objects.listed()


class EventPagesSitemap(PagesSitemap):
    names = ["events:event-list", "events:event-archive", "events:event-month-current"]


SITEMAPS = {"events": EventSitemap, "event-pages": EventPagesSitemap}
