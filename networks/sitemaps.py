from core.sitemaps import TranslatedSitemap
from networks.models import Partner


class PartnerSitemap(TranslatedSitemap):
    changefreq = "yearly"

    def get_queryset(self):
        return Partner.objects.published()


SITEMAPS = {"partners": PartnerSitemap}
