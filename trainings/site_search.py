"""The trainings section of the site-wide search (see content/site_search.py)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.search import SearchResult, SearchSection
from trainings.models import Training


def search(query: str, user, limit: int) -> SearchSection | None:
    trainings = Training.objects.published().search(query).order_by("title")[:limit]
    results = [
        SearchResult(
            training.title,
            training.get_absolute_url(),
            training.summary,
            training.get_theme_display(),
        )
        for training in trainings
    ]
    if not results:
        return None
    more = reverse("trainings:training-list") + "?" + urlencode({"q": query})
    return SearchSection(_("Trainings"), results, more)
