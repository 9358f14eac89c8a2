from core.sitemaps import TranslatedSitemap
from trainings.models import Training


class TrainingSitemap(TranslatedSitemap):
    """Published training pages, in both languages."""

    priority = 0.7
    changefreq = "weekly"

    def get_queryset(self):
        return Training.objects.published()


SITEMAPS = {"trainings": TrainingSitemap}
