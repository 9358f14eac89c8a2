"""The members app's panels on the pages of other apps (see core/hooks.py).

Each context function makes a fixed number of queries, whatever the data size.
"""

from django.db.models import Count, F, Q

from accounts.permissions import acts_as_staff
from members.map import directory_map
from members.models import (
    Invitation,
    JoinRequest,
    Membership,
    MembershipApplication,
    Organisation,
)
from members.services import verified_emails

MARKET_CARDS = 6
# Panels the same for every reader, kept in the shared cache (core/hooks.py).
SHARED_SLOTS = ("home", "market")


def dashboard_context(request, _object=None):
    """The signed-in person's organisations, with the completeness of those they manage,
    requests waiting for them, invitations to accept and their own applications."""
    user = request.user
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__sort_name")
    )
    managed_ids = [m.organisation_id for m in memberships if m.is_admin]
    managed = {
        organisation.pk: organisation
        for organisation in Organisation.objects.filter(pk__in=managed_ids).with_completeness()
    }
    waiting = dict(
        JoinRequest.objects.pending()
        .filter(organisation__in=managed_ids)
        .order_by()
        .values_list("organisation")
        .annotate(total=Count("pk"))
    )
    organisations = []
    for membership in memberships:
        organisation = managed.get(membership.organisation_id, membership.organisation)
        organisations.append(
            {
                "membership": membership,
                "organisation": organisation,
                "completeness": organisation.completeness() if membership.is_admin else None,
                "waiting": waiting.get(organisation.pk, 0),
            }
        )
    emails = verified_emails(user)
    member_of = [m.organisation_id for m in memberships]
    invitations = list(
        Invitation.objects.pending()
        .addressed_to(emails)
        .exclude(organisation__in=member_of)
        .exclude(organisation__membership_status=Organisation.Status.FORMER)
        .select_related("organisation")
    )
    suggestions = []
    if not memberships:
        suggestions = _organisations_of_domains(emails, exclude=member_of)
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
    members = Organisation.objects.in_directory().filter(markets=market)
    count = members.count()
    if not count:
        return None
    return {
        "member_count": count,
        "organisations": list(
            members.order_by(F("member_since").desc(nulls_last=True), "sort_name")[:MARKET_CARDS]
        ),
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
