"""The public directory of member organisations: the list, its CSV export, the map and an
organisation's page."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.permissions import acts_as_staff
from content.catalogue import attach_markets, detach_markets
from core import audience, pagecache
from core.exports import is_long
from core.spreadsheets import csv_response
from core.views import render_list_page
from members import services
from members.directory_export import filtered, query_params, write_directory
from members.filters import OrganisationFilter
from members.map import directory_map
from members.models import Membership, Organisation
from members.permissions import is_member
from members.search import normalise
from members.structured_data import organisation_structured_data
from members.tasks import export_directory

ORGANISATIONS_PER_PAGE = 24


def organisation_list(request):
    # The same list for every reader of the address; members also get the export link.
    can_export = is_member(request.user)

    def build():
        filters = OrganisationFilter(request.GET, Organisation.objects.in_directory())
        page = Paginator(filters.qs.for_cards(), ORGANISATIONS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        return {
            "form": filters.form,
            "page_obj": page,
            "active_filters": filters.active_filters(),
            # Followed from the page head (a panel of the newsletter app).
            "competency": filters.selected.get("competency"),
        }

    return render_list_page(
        request,
        "members/organisation_list.html",
        build,
        variant="member" if can_export else "",
        keep=("competency",),
        context={"can_export": can_export},
    )


@login_required
def organisation_export(request):
    """The filtered directory as CSV, for people of member organisations only: in the
    response, or (a long list) by email with a link once a task has written it."""
    if not is_member(request.user):
        raise PermissionDenied
    params = query_params(request.GET)
    if is_long(filtered(params).count()):
        export_directory.enqueue(request.user.pk, params, get_language())
        messages.success(
            request,
            _("The list is long: it is being prepared and will reach you by email, with a link."),
        )
        listing, query = reverse("members:organisation-list"), request.GET.urlencode()
        return redirect(f"{listing}?{query}" if query else listing)
    response, _writer = csv_response(f"members-{timezone.localdate().isoformat()}.csv")
    write_directory(response, params, bom=False)
    return response


def organisation_map(request):
    return render(request, "members/organisation_map.html", {"map": directory_map()})


def _organisation(slug):
    # Kept with its market ids only: each request takes the markets from the catalogue.
    return detach_markets(
        Organisation.objects.with_markets().with_completeness().filter(slug=slug).first()
    )


def _reader_of(organisation, user) -> tuple:
    """The signed-in reader's membership of ``organisation`` (or None) and whether they
    may ask to join it: kept in the shared cache for the pair, fresh after a write to what
    it read (memberships, join requests, their addresses)."""
    # Read by its ids, so that the cached value does not carry the organisation along.
    own_membership = Membership.objects.filter(organisation_id=organisation.pk, user=user).first()
    can_join = (
        own_membership is None
        and organisation.is_listed
        and services.join_request_allowed(organisation=organisation, user=user, outsider=True)
        is None
    )
    return own_membership, can_join


def organisation_detail(request, slug):
    # The organisation with its markets and completeness comes from the shared cache (fresh
    # after any write to what it read): building that query costs more than the page. Its
    # competencies and certifications are read by the page's body only when that is not in
    # the shared cache (see shared_body below).
    organisation = pagecache.cached_fragment(
        f"members:organisation:{slug}", functools.partial(_organisation, slug)
    )
    if organisation is None:
        raise Http404
    attach_markets([organisation])
    user = request.user
    own_membership, can_join = (
        pagecache.cached_fragment(
            f"members:reader:{organisation.pk}:{user.pk}",
            functools.partial(_reader_of, organisation, user),
            per_language=False,
        )
        if user.is_authenticated
        else (None, False)
    )
    if own_membership is not None:
        own_membership.organisation = organisation
    if not organisation.is_listed and own_membership is None and not acts_as_staff(user):
        raise Http404
    # The rule of can_edit_organisation, from the membership already read.
    can_edit = acts_as_staff(user) or bool(own_membership and own_membership.is_admin)
    reader_is_member = is_member(user)
    # Read by the cached body only (the template calls these when the block is built).
    people = functools.cache(
        lambda: organisation.memberships.shown_to(
            user, is_member=reader_is_member
        ).for_people_list()
    )
    # The body of the page (about, key facts, platforms, people) depends on the reader's
    # standing only; it is kept in the shared cache (the block "shared_body" of the
    # template) for each standing: visitors, signed-in people, members, staff; and for each
    # person of the organisation on their own (their own line differs).
    if acts_as_staff(user):
        standing = "staff"
    elif own_membership is not None:
        standing = f"person-{user.pk}"
    elif reader_is_member:
        standing = "member"
    else:
        standing = "signed-in" if user.is_authenticated else "visitor"
    shared_body = f"organisation:{standing}"

    @functools.cache
    def competencies():
        prefetch_related_objects([organisation], "competencies")
        return sorted(organisation.competencies.all(), key=lambda c: normalise(str(c)))

    def structured_data():
        competencies()  # prefetched for the structured data too
        return organisation_structured_data(organisation, request)

    response = render(
        request,
        "members/organisation_detail.html",
        {
            "organisation": organisation,
            "people": people,
            "platforms": functools.cache(lambda: organisation.platforms.with_markets()),
            "own_membership": own_membership,
            "can_edit": can_edit,
            # Roles are the organisation's own business: its people and staff see them.
            "sees_roles": acts_as_staff(user) or own_membership is not None,
            "can_join": can_join,
            "completeness": organisation.completeness() if can_edit else None,
            "shared_body": shared_body,
            # Read only when the block is rendered (the template calls it), once.
            "competencies": competencies,
            # Called by the head's cached block (kept for each host: absolute addresses).
            "structured_data": structured_data,
            "host": request.get_host(),
        },
    )
    return audience.mark(response, organisation)
