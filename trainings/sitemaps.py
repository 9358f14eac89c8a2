from core.sitemaps import PagesSitemap, TranslatedSitemap
from trainings.models import Training


class TrainingSitemap(TranslatedSitemap):
    """Published training pages, in both languages."""

    priority = 0.7
    changefreq = "weekly"

    def get_queryset(self):
        return Training.objects.published()


class TrainingPagesSitemap(PagesSitemap):
    names = ["trainings:training-list", "trainings:custom-request-create"]


SITEMAPS = {"training-pages": TrainingPagesSitemap, "trainings": TrainingSitemap}
