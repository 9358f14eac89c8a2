"""Partners in the site search (see core/search.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.search import SearchSource, localized, text_filter
from networks.models import Partner

FIELDS = ["name_fr", "name_en", "summary_fr", "summary_en", "description_fr", "city"]


def variant(user) -> str:
    """Published partners: the same for every reader."""
    return ""


def search(query: str, user) -> list[SearchSource]:
    return [
        SearchSource(
            kind="partner",
            label=_("Partner"),
            queryset=Partner.objects.published().filter(text_filter(FIELDS, query)),
            title=localized("name"),
            summary=localized("summary"),
            url=lambda slug: reverse("networks:partner-detail", kwargs={"slug": slug}),
            weighted=["name_fr", "name_en"],
        )
    ]
