"""Projects, funding calls and partner searches in the site search (see core/search.py).

Projects go through ``Project.objects.visible_to``: a members-only or confidential project
is never found by someone who may not see it. Partner searches are found by members only.
"""

from django.db.models import TextField, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from accounts.permissions import acts_as_staff
from core.search import SearchSource, either, in_french, localized, text_filter
from members.models import Organisation
from members.permissions import is_member
from projects.models import Call, PartnerSearch, Project


def variant(user) -> str:
    """What changes these sources: staff find every project and post; members find
    members-only projects and partner searches; a person also finds the projects and the
    posts of their own organisations (``visible_to``), so the organisations are part of it:
    colleagues share their results."""
    if acts_as_staff(user):
        return "staff"
    if not user.is_authenticated:
        return "visitor"
    own = Organisation.objects.of_user(user).order_by("pk").values_list("pk", flat=True)
    standing = "member" if is_member(user) else "signed-in"
    return f"{standing}:{','.join(str(pk) for pk in own)}"


def search(query: str, user) -> list[SearchSource]:
    sources = [
        SearchSource(
            kind="project",
            label=_("Project"),
            queryset=Project.objects.visible_to(user).search(query),
            title=Concat(
                Cast("acronym", TextField()),
                Value(" · ", output_field=TextField()),
                either("title", "title_en"),
                output_field=TextField(),
            ),
            title_in_french=in_french(either("title", "title_en")),
            summary=either("summary", "summary_en"),
            url=lambda slug: reverse("projects:project-detail", kwargs={"slug": slug}),
            date="start_date",
            markets="markets",
            weighted=["acronym", "title", "title_en"],
            more_url=reverse("projects:project-list") + "?" + urlencode({"q": query}),
        ),
        SearchSource(
            kind="call",
            label=_("Funding call"),
            queryset=Call.objects.published().filter(
                text_filter(["title_fr", "title_en", "summary_fr", "summary_en"], query)
            ),
            title=localized("title"),
            summary=localized("summary"),
            url=lambda slug: reverse("projects:call-detail", kwargs={"slug": slug}),
            date="deadline",
            markets="markets",
            weighted=["title_fr", "title_en"],
        ),
    ]
    if is_member(user):
        sources.append(
            SearchSource(
                kind="partnersearch",
                label=_("Partner search"),
                queryset=PartnerSearch.objects.visible_to(user)
                .open()
                .filter(text_filter(["title", "title_en", "idea", "idea_en"], query)),
                title=either("title", "title_en"),
                summary=either("idea", "idea_en"),
                url=lambda pk: reverse("projects:partnersearch-detail", kwargs={"pk": pk}),
                ref="pk",
                date="created_at",
                markets="markets",
                weighted=["title", "title_en"],
            )
        )
    return sources
