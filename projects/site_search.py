"""Projects, funding calls and partner searches in the portal-wide search.

Projects go through ``Project.objects.visible_to``: a members-only or confidential project
is never found by someone who may not see it. Partner searches are found by members only.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.search import SearchResult, SearchSection, text_filter
from members.permissions import is_member
from projects.models import Call, PartnerSearch, Project


def search(query: str, user, limit: int) -> SearchSection | None:
    results = [
        SearchResult(
            f"{project.acronym} · {project.localized_title}",
            project.get_absolute_url(),
            project.localized_summary,
            _("Project"),
        )
        for project in Project.objects.visible_to(user).search(query)[:limit]
    ]
    calls = Call.objects.open().filter(text_filter(["title_fr", "title_en", "summary_fr"], query))
    results += [
        SearchResult(call.title, call.get_absolute_url(), call.programme.name, _("Funding call"))
        for call in calls.select_related("programme")[:limit]
    ]
    if is_member(user):
        searches = (
            PartnerSearch.objects.visible_to(user)
            .open()
            .filter(text_filter(["title", "title_en", "idea", "idea_en"], query))
            .select_related("organisation")
        )
        results += [
            SearchResult(
                search.localized_title,
                search.get_absolute_url(),
                search.organisation.name,
                _("Partner search"),
            )
            for search in searches[:limit]
        ]
    if not results:
        return None
    more = reverse("projects:project-list") + "?" + urlencode({"q": query})
    return SearchSection(_("Projects"), results[: limit * 2], more)
