"""Events in the site search (see core/search.py): those the reader may see."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.permissions import acts_as_staff
from core.search import SearchSource, localized, text_filter
from events.models import Event

FIELDS = [
    "title_fr",
    "title_en",
    "summary_fr",
    "summary_en",
    "description_fr",
    "description_en",
    "city",
    "venue_name",
]


def variant(user) -> str:
    """Staff find drafts too (``Event.objects.visible_to``); everyone else the same."""
    return "staff" if acts_as_staff(user) else ""


def search(query: str, user) -> list[SearchSource]:
    return [
        SearchSource(
            kind="event",
            label=_("Event"),
            queryset=Event.objects.visible_to(user).filter(text_filter(FIELDS, query)),
            title=localized("title"),
            summary=localized("summary"),
            url=lambda slug: reverse("events:event-detail", kwargs={"slug": slug}),
            date="start",
            markets="markets",
            weighted=["title_fr", "title_en"],
        )
    ]
