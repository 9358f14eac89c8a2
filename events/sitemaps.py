from core.sitemaps import ModelSitemap
from events.models import Event


class EventSitemap(ModelSitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000
    ordering = ("-start", "pk")

    def get_queryset(self):
        return Event.objects.listed()


SITEMAPS = {"events": EventSitemap}
