from django.contrib.sitemaps import Sitemap

from networks.models import Partner


class PartnerSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "yearly"

    def items(self):
        return Partner.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


SITEMAPS = {"partners": PartnerSitemap}
