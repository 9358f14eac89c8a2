"""Context functions of the panels this app adds to other pages (see core/hooks.py).

Each makes a fixed number of queries and uses ``Project.objects.visible_to``, so a project
never shows on a page to someone who may not see it.
"""

from django.db.models import F

from accounts.permissions import acts_as_staff
from members.models import Organisation
from members.permissions import is_member
from projects.models import Call, Participation, PartnerSearch, Project

PANEL_PROJECTS = 3
# Panels lead with the most recently labelled projects.
RECENT_FIRST = (F("labelled_on").desc(nulls_last=True), "acronym")
PROFILE_PROJECTS = 6
DASHBOARD_ITEMS = 5
# Panels the same for every reader, kept in the shared cache (core/hooks.py).
SHARED_SLOTS = ("home",)


def home_context(request, obj):
    from projects.views.showcase import public_figures

    figures = public_figures()
    if not figures["count"]:
        return None
    return {"figures": figures}


def market_context(request, market):
    projects = Project.objects.visible_to(request.user).filter(markets=market)
    shown = list(projects.for_cards().order_by(*RECENT_FIRST)[:PANEL_PROJECTS])
    if not shown:
        return None
    return {"projects": shown, "total": projects.count(), "market": market}


def organisation_context(request, organisation):
    of_organisation = Participation.objects.filter(organisation=organisation)
    projects = Project.objects.visible_to(request.user).filter(
        pk__in=of_organisation.values("project_id")
    )
    shown = list(projects.for_cards().order_by(*RECENT_FIRST)[:PROFILE_PROJECTS])
    if not shown:
        return None
    return {"projects": shown, "total": projects.count(), "organisation": organisation}


def dashboard_context(request, obj):
    """Open calls and partner searches that match the person's organisations (markets and
    competencies), best matches first, and the projects of those organisations."""
    user = request.user
    if not user.is_authenticated:
        return None
    organisations = Organisation.objects.active().of_user(user)
    market_ids = list(
        Organisation.markets.through.objects.filter(
            organisation__in=organisations.values("pk")
        ).values_list("market_id", flat=True)
    )
    competency_ids = list(
        Organisation.competencies.through.objects.filter(
            organisation__in=organisations.values("pk")
        ).values_list("competency_id", flat=True)
    )
    searches = calls = []
    if is_member(user) and (market_ids or competency_ids):
        searches = list(
            PartnerSearch.objects.open()
            .exclude(organisation__in=organisations.values("pk"))
            .matching(market_ids=market_ids, competency_ids=competency_ids)
            .select_related("organisation")[:DASHBOARD_ITEMS]
        )
    if market_ids:
        calls = list(
            Call.objects.open()
            .matching(market_ids=market_ids)
            .select_related("programme")[:DASHBOARD_ITEMS]
        )
    projects = list(Project.objects.of_consortium(user).order_by("-updated_at")[:DASHBOARD_ITEMS])
    submitted = None
    if acts_as_staff(user):
        submitted = Project.objects.filter(status=Project.Status.SUBMITTED).count()
    if not (searches or calls or projects or is_member(user)):
        return None
    # One list, best matches first whatever their kind, the nearest deadline breaking ties.
    matches = sorted(
        [{"kind": "search", "item": search} for search in searches]
        + [{"kind": "call", "item": call} for call in calls],
        key=lambda match: (-match["item"].score, match["item"].deadline),
    )[:DASHBOARD_ITEMS]
    return {
        "matches": matches,
        "projects": projects,
        "is_member": is_member(user),
        "has_profile": bool(market_ids or competency_ids),
        "submitted": submitted,
    }
