"""Events in the portal-wide search: upcoming ones first, then the archive."""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from core.search import SearchResult, SearchSection, text_filter
from events.models import Event

FIELDS = ["title_fr", "title_en", "summary_fr", "summary_en", "description_fr", "city"]


def search(query: str, user, limit: int) -> SearchSection | None:
    matching = Event.objects.visible_to(user).filter(text_filter(FIELDS, query))
    events = list(matching.upcoming()[:limit]) or list(matching.past()[:limit])
    if not events:
        return None
    results = [
        SearchResult(
            event.title,
            event.get_absolute_url(),
            f"{formats.date_format(event.local_start, 'DATE_FORMAT')} · {event.summary}",
            event.get_kind_display(),
        )
        for event in events
    ]
    return SearchSection(_("Events"), results, reverse("events:event-list"))
