from django.contrib.sitemaps import Sitemap

from trainings.models import Training


class TrainingSitemap(Sitemap):
    """Published training pages, in both languages."""

    i18n = True
    alternates = True
    x_default = True
    priority = 0.7
    changefreq = "weekly"

    def items(self):
        return Training.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


SITEMAPS = {"trainings": TrainingSitemap}
