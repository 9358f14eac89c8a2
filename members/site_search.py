"""Members in the site search (see core/search.py): directory organisations and their
platforms, matched by the directory's own search (French stemming on PostgreSQL)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.search import SearchSource, localized
from members.models import Organisation, Platform


def variant(user) -> str:
    """The directory's organisations and the public platforms: the same for every reader."""
    return ""


def search(query: str, user) -> list[SearchSource]:
    return [
        SearchSource(
            kind="organisation",
            label=_("Member"),
            queryset=Organisation.objects.in_directory().search(query),
            title="name",
            summary=localized("pitch"),
            url=lambda slug: reverse("members:organisation-detail", kwargs={"slug": slug}),
            markets="markets",
            weighted=["name"],
            more_url=reverse("members:organisation-list") + "?" + urlencode({"q": query}),
        ),
        SearchSource(
            kind="platform",
            label=_("Platform"),
            queryset=Platform.objects.public().search(query),
            title="name",
            summary=localized("summary"),
            url=lambda slug: reverse("members:platform-detail", kwargs={"slug": slug}),
            markets="markets",
            weighted=["name"],
        ),
    ]
