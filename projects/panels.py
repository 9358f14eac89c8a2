"""Context functions of the panels this app adds to other pages (see core/hooks.py).

Each makes a fixed number of queries and uses ``Project.objects.visible_to``, so a project
never shows on a page to someone who may not see it.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Exists, F, OuterRef, Value, Window
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext

from accounts.permissions import acts_as_staff
from content.roadmap import ObjectiveItem, objective_list_url, objective_panel
from members.models import Organisation
from members.permissions import is_member
from projects.models import Call, Participation, PartnerSearch, Project

PANEL_PROJECTS = 3
# Panels lead with the most recently labelled projects.
RECENT_FIRST = (F("labelled_on").desc(nulls_last=True), "acronym")
PROFILE_PROJECTS = 6
DASHBOARD_ITEMS = 5
# Panels the same for every reader, kept in the shared cache (core/hooks.py).
SHARED_SLOTS = ("home", "objective")


def home_context(request, obj):
    from projects.views.showcase import public_figures

    figures = public_figures()
    if not figures["count"]:
        return None
    return {"figures": figures}


def market_context(request, market):
    projects = Project.objects.visible_to(request.user).filter(markets=market)
    shown = _with_total(request, projects, PANEL_PROJECTS)
    if not shown:
        return None
    return {"projects": shown, "total": shown[0].panel_total, "market": market}


# Loaded with the signed-in person (core.hooks.person_flag): whether one of their
# organisations takes part in a project, so that a panel tells its readers apart without a
# query.
PARTNER_FLAG = "projects_partner"


def partner_flag():
    return Exists(Participation.objects.filter(organisation__memberships__user=OuterRef("pk")))


def readers(request, obj=None) -> str:
    """The class of readers a projects panel is kept for in the shared cache: visitors,
    signed-in people, members and staff each see the same projects; a person whose
    organisation takes part in a project sees their consortiums' projects too (every status),
    so has their own."""
    user = request.user
    if acts_as_staff(user):
        return "staff"
    if getattr(user, PARTNER_FLAG, user.is_authenticated):
        return f"partner-{user.pk}"
    if is_member(user):
        return "member"
    return "signed-in" if user.is_authenticated else "visitor"


organisation_variant = market_variant = readers


def organisation_context(request, organisation):
    of_organisation = Participation.objects.filter(organisation=organisation)
    projects = Project.objects.visible_to(request.user).filter(
        pk__in=of_organisation.values("project_id")
    )
    shown = _with_total(request, projects, PROFILE_PROJECTS)
    if not shown:
        return None
    return {"projects": shown, "total": shown[0].panel_total, "organisation": organisation}


def _with_total(request, projects, count: int) -> list:
    """The first ``count`` cards of ``projects``, each with ``panel_total``, the number of
    all of them (a window function: the same query)."""
    return list(
        projects.for_cards()
        .with_viewer(request.user)
        .annotate(panel_total=Window(Count("pk")))
        .order_by(*RECENT_FIRST)[:count]
    )


def dashboard_context(request, obj):
    """Open calls and partner searches that match the person's organisations (markets and
    competencies), best matches first, and the projects of those organisations."""
    user = request.user
    if not user.is_authenticated:
        return None
    organisations = Organisation.objects.active().of_user(user)
    # Their markets and competencies, in one query (a union of the two link tables).
    mine = organisations.values("pk")
    links = (
        Organisation.markets.through.objects.filter(organisation__in=mine)
        .values_list(Value("market"), "market_id")
        .union(
            Organisation.competencies.through.objects.filter(organisation__in=mine).values_list(
                Value("competency"), "competency_id"
            ),
            all=True,
        )
    )
    market_ids, competency_ids = [], []
    for kind, pk in links:
        (market_ids if kind == "market" else competency_ids).append(pk)
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


COMPANY_ITEMS = 8


def company_context(request, organisation):
    """The organisation's projects (its role in each) and its partner searches, for the
    company dashboard of its admins (two queries)."""
    participations = list(
        organisation.project_participations.select_related("project").order_by(
            "-project__updated_at", "pk"
        )[:COMPANY_ITEMS]
    )
    searches = list(organisation.partner_searches.order_by("-created_at", "-pk")[:COMPANY_ITEMS])
    return {"participations": participations, "searches": searches}


def objective_context(request, objective):
    """The projects on show to everybody that serve a roadmap objective."""
    return objective_panel(
        Project.objects.visible_to(AnonymousUser())
        .filter(roadmap_objectives=objective)
        .order_by(*RECENT_FIRST),
        kind="projects",
        heading=_("Collaborative projects"),
        count_label=lambda total: npgettext("roadmap figure", "project", "projects", total),
        list_url=objective_list_url("projects:project-list", objective),
        list_label=_("All projects"),
        describe=lambda project: ObjectiveItem(
            project,
            f"{project.acronym} · {project.localized_title}",
            project.get_absolute_url(),
            project.get_status_display(),
        ),
    )
