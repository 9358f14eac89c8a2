from core.sitemaps import PagesSitemap, TranslatedSitemap
from networks.models import Partner


class PartnerSitemap(TranslatedSitemap):
    changefreq = "yearly"

    def get_queryset(self):
        return Partner.objects.published()


class PartnerPagesSitemap(PagesSitemap):
    names = ["networks:partner-list"]


SITEMAPS = {"partner-pages": PartnerPagesSitemap, "partners": PartnerSitemap}
