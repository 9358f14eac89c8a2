"""The company dashboard: one page where an organisation's admins see everything about it.

The members app shows the team, the membership, the profile's completeness and its audience;
the apps above add their part (projects, registrations, training requests, invoices) through
the ``company`` panels (core/hooks.py), since members may not import them.
"""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.db.models import Count, DateField, F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Concat, TruncMonth
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from accounts.permissions import acts_as_staff
from core.models import PageViewDay
from members.models import Membership, Organisation
from members.panels import COMPLETENESS_COUNTS
from members.permissions import organisation_for_admin

AUDIENCE_MONTHS = 12
RENEWAL_NOTICE_DAYS = 60


def last_months(count: int, today: date | None = None) -> list[date]:
    """The first days of the last ``count`` months, the current one last."""
    today = today or timezone.localdate()
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def audience_by_month(organisation: Organisation, months: list[date]) -> list[dict]:
    """Views of the organisation's public profile and contact messages it received, per
    month (one query: a union of the two), with the share of the busiest month for the
    bars."""
    since = months[0]
    views = (
        PageViewDay.objects.of(organisation)
        .filter(day__gte=since)
        .annotate(source=Value("views"), month=TruncMonth("day"))
        .order_by()
        .values("source", "month")
        .annotate(total=Sum("views"))
        .values_list("source", "month", "total")
    )
    contacts = (
        organisation.contact_messages.filter(created_at__date__gte=since)
        .annotate(
            source=Value("contacts"),
            month=TruncMonth("created_at", output_field=DateField()),
        )
        .order_by()
        .values("source", "month")
        .annotate(total=Count("pk"))
        .values_list("source", "month", "total")
    )
    found = {
        (source, month): total
        for source, month, total in views.union(contacts, all=True).order_by()
    }
    rows = [
        {
            "month": month,
            "views": found.get(("views", month), 0),
            "contacts": found.get(("contacts", month), 0),
        }
        for month in months
    ]
    highest = max((row["views"] for row in rows), default=0) or 1
    for row in rows:
        row["percent"] = round(row["views"] * 100 / highest)
    return rows


def waiting_for_admins(organisation: Organisation) -> list[dict]:
    """Pending requests to join and invitations of the organisation, oldest first (one
    query: a union of the two)."""
    fields = ("kind", "name", "email", "role", "since", "until")
    requests = (
        organisation.join_requests.pending()
        .annotate(
            kind=Value("request"),
            name=Concat("user__first_name", Value(" "), "user__last_name"),
            email=F("user__email"),
            role=Value(""),
            since=F("created_at"),
            until=F("created_at"),
        )
        .order_by()
        .values_list(*fields)
    )
    invitations = (
        organisation.invitations.pending()
        .annotate(
            kind=Value("invitation"),
            name=Value(""),
            address=F("email"),
            invited_role=F("role"),
            since=F("created_at"),
            until=F("expires_at"),
        )
        .order_by()
        .values_list("kind", "name", "address", "invited_role", "since", "until")
    )
    roles = dict(Membership.Role.choices)
    rows = [
        dict(zip(fields, row, strict=True))
        for row in requests.union(invitations, all=True).order_by()
    ]
    for row in rows:
        row["name"] = row["name"].strip()
        row["role"] = roles.get(row["role"], "")
    return sorted(rows, key=lambda row: row["since"])


def renewal_of(organisation: Organisation, today: date | None = None) -> dict:
    """Where the paid membership stands: ``state`` is "open" (no end date), "paid", "due"
    (ends within RENEWAL_NOTICE_DAYS) or "lapsed", with the days left."""
    today = today or timezone.localdate()
    if organisation.paid_until is None:
        return {"state": "open", "days_left": None}
    days_left = (organisation.paid_until - today).days
    if days_left < 0:
        state = "lapsed"
    elif days_left <= RENEWAL_NOTICE_DAYS:
        state = "due"
    else:
        state = "paid"
    return {"state": state, "days_left": days_left}


def team_and_organisation(user, slug: str) -> tuple[Organisation, list[Membership]]:
    """The organisation ``slug`` (with the counts its completeness needs) and its people, in
    one query, if ``user`` may see its dashboard: its admins and staff. Its plain members
    get 403, everybody else 404 (see ``members.permissions.organisation_for_admin``)."""
    counts = Organisation.objects.filter(pk=OuterRef("organisation_id")).with_completeness()
    memberships = list(
        Membership.objects.filter(organisation__slug=slug)
        .for_people_list()
        .select_related("organisation")
        .annotate(**{name: Subquery(counts.values(name)) for name in COMPLETENESS_COUNTS})
    )
    is_staff = acts_as_staff(user)
    if not is_staff and not any(m.user_id == user.pk and m.is_admin for m in memberships):
        organisation_for_admin(user, slug)  # raises 403 or 404
        raise Http404  # never reached: only admins and staff are let in above
    if not memberships:  # staff looking at an organisation without people
        return get_object_or_404(Organisation.objects.with_completeness(), slug=slug), []
    organisation = memberships[0].organisation
    for name in COMPLETENESS_COUNTS:
        setattr(organisation, name, getattr(memberships[0], name))
    for membership in memberships:
        membership.organisation = organisation
    return organisation, memberships


@login_required
def organisation_dashboard(request, slug):
    """The company dashboard of ``slug``, for its admins and staff (403 for its plain
    members, 404 for everybody else)."""
    organisation, memberships = team_and_organisation(request.user, slug)
    audience = audience_by_month(organisation, last_months(AUDIENCE_MONTHS))
    return render(
        request,
        "members/organisation_dashboard.html",
        {
            "organisation": organisation,
            "memberships": memberships,
            "waiting": waiting_for_admins(organisation),
            "completeness": organisation.completeness(),
            "renewal": renewal_of(organisation),
            "audience": audience,
            "audience_views": sum(row["views"] for row in audience),
            "audience_contacts": sum(row["contacts"] for row in audience),
        },
    )
