"""The public directory of member organisations: the list, its CSV export, the map and an
organisation's page."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import acts_as_staff
from core.spreadsheets import csv_response
from members import services
from members.filters import OrganisationFilter
from members.map import directory_map
from members.models import Organisation
from members.permissions import is_member
from members.search import normalise
from members.structured_data import organisation_structured_data

ORGANISATIONS_PER_PAGE = 24


def organisation_list(request):
    filters = OrganisationFilter(request.GET, Organisation.objects.in_directory())
    page = Paginator(filters.qs.for_cards(), ORGANISATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "members/organisation_list.html",
        {
            "form": filters.form,
            "page_obj": page,
            "active_filters": filters.active_filters(),
            "can_export": is_member(request.user),
        },
    )


@login_required
def organisation_export(request):
    """The filtered directory as CSV, for people of member organisations only."""
    if not is_member(request.user):
        raise PermissionDenied
    filters = OrganisationFilter(request.GET, Organisation.objects.in_directory())
    organisations = filters.qs.prefetch_related("markets", "competencies")
    response, writer = csv_response(f"members-{timezone.localdate().isoformat()}.csv")
    writer.writerow(
        [
            _("Name"),
            _("Kind"),
            _("Size"),
            _("City"),
            _("Postcode"),
            _("Department"),
            _("Region"),
            _("Website"),
            _("Markets"),
            _("Competencies"),
            _("Member since"),
            _("Profile"),
        ]
    )
    for organisation in organisations.iterator(chunk_size=500):
        writer.writerow(
            [
                organisation.name,
                organisation.get_kind_display(),
                organisation.get_size_band_display(),
                organisation.city,
                organisation.postcode,
                organisation.department,
                organisation.get_region_display(),
                organisation.website,
                ", ".join(market.name for market in organisation.markets.all()),
                ", ".join(c.name for c in organisation.competencies.all()),
                organisation.member_since.isoformat() if organisation.member_since else "",
                request.build_absolute_uri(organisation.get_absolute_url()),
            ]
        )
    return response


def organisation_map(request):
    return render(request, "members/organisation_map.html", {"map": directory_map()})


def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.with_markets()
        .with_completeness()
        .prefetch_related("competencies", "certifications"),
        slug=slug,
    )
    user = request.user
    own_membership = (
        organisation.memberships.filter(user=user).first() if user.is_authenticated else None
    )
    if not organisation.is_listed and own_membership is None and not acts_as_staff(user):
        raise Http404
    # The rule of can_edit_organisation, from the membership already read.
    can_edit = acts_as_staff(user) or bool(own_membership and own_membership.is_admin)
    people = organisation.memberships.shown_to(user, is_member=is_member(user)).for_people_list()
    can_join = (
        user.is_authenticated
        and own_membership is None
        and organisation.is_listed
        and services.join_request_allowed(organisation=organisation, user=user, outsider=True)
        is None
    )
    return render(
        request,
        "members/organisation_detail.html",
        {
            "organisation": organisation,
            "people": people,
            "platforms": organisation.platforms.with_markets(),
            "own_membership": own_membership,
            "can_edit": can_edit,
            "can_join": can_join,
            "completeness": organisation.completeness() if can_edit else None,
            "competencies": sorted(
                organisation.competencies.all(), key=lambda competency: normalise(str(competency))
            ),
            "structured_data": organisation_structured_data(organisation, request),
        },
    )
