"""Partners in the portal-wide search (see content/site_search.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.search import SearchResult, SearchSection, text_filter
from networks.models import Partner

FIELDS = ["name_fr", "name_en", "summary_fr", "summary_en", "description_fr", "city"]


def search(query: str, user, limit: int) -> SearchSection | None:
    partners = Partner.objects.published().filter(text_filter(FIELDS, query)).in_display_order()
    results = [
        SearchResult(
            partner.name, partner.get_absolute_url(), partner.summary, partner.get_kind_display()
        )
        for partner in partners[:limit]
    ]
    if not results:
        return None
    return SearchSection(_("Partners"), results, reverse("networks:partner-list"))
