"""Members in the portal-wide search: directory organisations, then platforms."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.search import SearchResult, SearchSection
from members.models import Organisation, Platform
from members.search import order_by_relevance


def search(query: str, user, limit: int) -> SearchSection | None:
    organisations = order_by_relevance(
        Organisation.objects.in_directory().search(query), query, "name"
    )[:limit]
    platforms = Platform.objects.public().search(query).select_related("organisation")[:limit]
    results = [
        SearchResult(
            organisation.name,
            organisation.get_absolute_url(),
            f"{organisation.city} · {organisation.pitch}",
            organisation.get_kind_display(),
        )
        for organisation in organisations
    ]
    results += [
        SearchResult(
            platform.name,
            platform.get_absolute_url(),
            platform.organisation.name,
            _("Platform"),
        )
        for platform in platforms
    ]
    if not results:
        return None
    more = reverse("members:organisation-list") + "?" + urlencode({"q": query})
    return SearchSection(_("Members and platforms"), results, more)
