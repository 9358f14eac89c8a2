"""The members app's panels on the pages of other apps (see core/hooks.py).

Each context function makes a fixed number of queries, whatever the data size.
"""

from allauth.account.models import EmailAddress
from django.db.models import Count, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce, Upper
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext

from accounts.permissions import acts_as_staff
from content.roadmap import ObjectiveItem, objective_list_url, objective_panel
from members.map import directory_map
from members.models import (
    Invitation,
    JoinRequest,
    Membership,
    MembershipApplication,
    Organisation,
    Platform,
)
from members.services import verified_emails

MARKET_CARDS = 6
# Panels the same for every reader, kept in the shared cache (core/hooks.py).
SHARED_SLOTS = ("home", "market", "objective")
COMPLETENESS_COUNTS = (
    "market_count",
    "competency_count",
    "platform_count",
    "public_people_count",
)


def dashboard_context(request, _object=None):
    """The signed-in person's organisations, with the completeness of those they manage,
    requests waiting for them, invitations to accept and their own applications."""
    user = request.user
    # One query for the memberships, their organisations, the counts the completeness of
    # those the person manages needs and the requests to join waiting for them.
    counts = Organisation.objects.filter(pk=OuterRef("organisation_id")).with_completeness()
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .annotate(
            **{name: Subquery(counts.values(name)) for name in COMPLETENESS_COUNTS},
            waiting=Coalesce(
                Subquery(
                    JoinRequest.objects.pending()
                    .filter(organisation=OuterRef("organisation_id"))
                    .order_by()
                    .values("organisation")
                    .annotate(total=Count("pk"))
                    .values("total")
                ),
                0,
            ),
        )
        .order_by("organisation__sort_name")
    )
    organisations = []
    for membership in memberships:
        organisation = membership.organisation
        for name in COMPLETENESS_COUNTS:
            setattr(organisation, name, getattr(membership, name))
        organisations.append(
            {
                "membership": membership,
                "organisation": organisation,
                "completeness": organisation.completeness() if membership.is_admin else None,
                "waiting": membership.waiting if membership.is_admin else 0,
            }
        )
    member_of = [m.organisation_id for m in memberships]
    # Invitations sent to one of the person's verified addresses (compared in capitals).
    addresses = (
        EmailAddress.objects.filter(user=user, verified=True)
        .annotate(upper=Upper("email"))
        .values("upper")
    )
    invitations = []
    # Loaded with the user (members/backends.py): no query when no invitation waits.
    if getattr(user, "has_pending_invitation", True):
        invitations = list(
            Invitation.objects.pending()
            .annotate(upper_email=Upper("email"))
            .filter(upper_email__in=addresses)
            .exclude(organisation__in=member_of)
            .exclude(organisation__membership_status=Organisation.Status.FORMER)
            .select_related("organisation")
        )
    suggestions = []
    if not memberships:
        suggestions = _organisations_of_domains(verified_emails(user), exclude=member_of)
    context = {
        "organisations": organisations,
        "invitations": invitations,
        "own_requests": list(user.join_requests.pending().select_related("organisation")),
        "applications": list(
            MembershipApplication.objects.filter(user=user).select_related("organisation")[:3]
        ),
        "suggestions": suggestions,
    }
    if acts_as_staff(user):
        context["staff_counts"] = {
            "applications": MembershipApplication.objects.pending().count(),
            "join_requests": JoinRequest.objects.pending().count(),
        }
    return context


def _organisations_of_domains(emails, *, exclude) -> list:
    """Directory organisations whose website domain matches one of ``emails`` (one query)."""
    domains = {email.rsplit("@", 1)[-1].lower() for email in emails if "@" in email}
    if not domains:
        return []
    query = Q()
    for domain in domains:
        query |= Q(website__icontains=domain)
    candidates = Organisation.objects.in_directory().filter(query).exclude(pk__in=exclude)[:20]
    return [o for o in candidates if any(o.matches_email(e) for e in emails)][:3]


def market_context(request, market):
    # The number of all of them comes with the first cards (a window function).
    organisations = list(
        Organisation.objects.in_directory()
        .filter(markets=market)
        .annotate(panel_total=Window(Count("pk")))
        .order_by(F("member_since").desc(nulls_last=True), "sort_name")[:MARKET_CARDS]
    )
    if not organisations:
        return None
    return {
        "member_count": organisations[0].panel_total,
        "organisations": organisations,
        "market": market,
    }


def home_context(request, _object=None):
    map_data = directory_map()
    if not map_data["total"]:
        return None
    kinds = dict(
        Organisation.objects.in_directory()
        .order_by()
        .values_list("kind")
        .annotate(total=Count("pk"))
    )
    return {
        "map": map_data,
        "kinds": [
            {"label": label, "count": kinds.get(value, 0), "value": value}
            for value, label in Organisation.Kind.choices
            if kinds.get(value)
        ],
    }


def objective_context(request, objective):
    """The platforms of listed organisations that serve a roadmap objective."""
    return objective_panel(
        Platform.objects.public()
        .filter(roadmap_objectives=objective)
        .select_related("organisation")
        .order_by("-created_at", "pk"),
        kind="platforms",
        heading=_("Innovation platforms"),
        count_label=lambda total: npgettext("roadmap figure", "platform", "platforms", total),
        list_url=objective_list_url("members:platform-list", objective),
        list_label=_("All platforms"),
        describe=lambda platform: ObjectiveItem(
            platform, platform.name, platform.get_absolute_url(), platform.organisation.name
        ),
    )
