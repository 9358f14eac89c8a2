from contextlib import contextmanager

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import acts_as_staff
from core import ratelimit
from core.spreadsheets import csv_response
from members import services
from members.filters import OrganisationFilter, PlatformFilter
from members.forms import (
    ApplicationForm,
    ContactForm,
    InvitationForm,
    JoinRequestForm,
    MembershipSelfForm,
    OrganisationForm,
    PlatformForm,
    RoleForm,
)
from members.map import directory_map
from members.models import (
    Invitation,
    Membership,
    MembershipApplication,
    Organisation,
    Platform,
)
from members.permissions import can_edit_organisation, is_member, organisation_for_admin
from members.search import normalise
from members.structured_data import organisation_structured_data

ORGANISATIONS_PER_PAGE = 24
PLATFORMS_PER_PAGE = 18
APPLICATION_RATES = (ratelimit.Rate(5, 60 * 60),)


# --- Public directory --------------------------------------------------------------------


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
        Organisation.objects.prefetch_related("markets", "competencies", "certifications"),
        slug=slug,
    )
    user = request.user
    own_membership = (
        organisation.memberships.filter(user=user).first() if user.is_authenticated else None
    )
    if not organisation.is_listed and own_membership is None and not acts_as_staff(user):
        raise Http404
    can_edit = can_edit_organisation(user, organisation)
    people = organisation.memberships.shown_to(user, is_member=is_member(user)).for_people_list()
    can_join = (
        user.is_authenticated
        and own_membership is None
        and organisation.is_listed
        and services.join_request_allowed(organisation=organisation, user=user) is None
    )
    return render(
        request,
        "members/organisation_detail.html",
        {
            "organisation": organisation,
            "people": people,
            "platforms": organisation.platforms.prefetch_related("markets"),
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


# --- Self-service for organisation admins ------------------------------------------------


@contextmanager
def refusal_as_message(request):
    """Run the block; when a use case refuses (``MembersError``), the block stops and the
    reason is shown as an error message. So a success message written in the block after
    the call is shown only when the call succeeded."""
    try:
        yield
    except services.MembersError as error:
        messages.error(request, error.message)


def _people_page(organisation):
    return redirect("members:organisation-people", slug=organisation.slug)


def _administered_membership(request, slug, pk) -> Membership:
    """A person of an organisation the user administers (404 otherwise), with the user
    and the organisation (no further query)."""
    organisation = organisation_for_admin(request.user, slug)
    return get_object_or_404(organisation.memberships.select_related("user"), pk=pk)


@login_required
def organisation_edit(request, slug):
    organisation = organisation_for_admin(request.user, slug)
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(form=form)
        messages.success(request, _("The profile is saved and online."))
        return redirect(organisation)
    return render(
        request,
        "members/organisation_form.html",
        {"organisation": organisation, "form": form, "completeness": organisation.completeness()},
    )


@login_required
def organisation_people(request, slug):
    """The people of an organisation, its invitations and join requests; invite someone."""
    organisation = organisation_for_admin(request.user, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
                request=request,
            )
        except services.MembersError as error:
            form.add_error("email", error.message)
        else:
            messages.success(
                request,
                _("The invitation is on its way to %(email)s; the link works for 14 days.")
                % {"email": invitation.email},
            )
            return _people_page(organisation)
    memberships = organisation.memberships.for_people_list()
    return render(
        request,
        "members/organisation_people.html",
        {
            "organisation": organisation,
            "memberships": memberships,
            "invitations": organisation.invitations.pending().select_related("invited_by"),
            "join_requests": organisation.join_requests.pending().select_related("user"),
            "form": form,
            "role_choices": Membership.Role.choices,
        },
    )


@login_required
@require_POST
def membership_role(request, slug, pk):
    membership = _administered_membership(request, slug, pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        with refusal_as_message(request):
            services.membership_set_role(membership=membership, role=form.cleaned_data["role"])
            messages.success(
                request,
                _("%(name)s is now: %(role)s.")
                % {"name": membership.display_name, "role": membership.get_role_display()},
            )
    return _people_page(membership.organisation)


@login_required
@require_POST
def membership_remove(request, slug, pk):
    membership = _administered_membership(request, slug, pk)
    with refusal_as_message(request):
        services.membership_remove(membership=membership)
        messages.success(
            request,
            _("%(name)s no longer belongs to the organisation.")
            % {"name": membership.display_name},
        )
    return _people_page(membership.organisation)


@login_required
@require_POST
def invitation_revoke(request, slug, pk):
    organisation = organisation_for_admin(request.user, slug)
    invitation = get_object_or_404(organisation.invitations, pk=pk)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, _("The invitation is withdrawn: its link no longer works."))
    return _people_page(organisation)


@login_required
@require_POST
def join_request_decide(request, slug, pk, decision):
    if decision not in ("approve", "decline"):
        raise Http404
    organisation = organisation_for_admin(request.user, slug)
    join_request = get_object_or_404(organisation.join_requests.select_related("user"), pk=pk)
    with refusal_as_message(request):
        services.join_request_decide(
            join_request=join_request,
            approve=decision == "approve",
            by=request.user,
            request=request,
        )
        name = join_request.user.get_full_name() or _("this person")
        if decision == "approve":
            messages.success(request, _("%(name)s joins the organisation.") % {"name": name})
        else:
            messages.success(request, _("The request of %(name)s is declined.") % {"name": name})
    return _people_page(organisation)


@login_required
def platform_create(request, slug):
    return _platform_form(request, slug, platform=None)


@login_required
def platform_edit(request, slug, platform_slug):
    return _platform_form(request, slug, platform_slug=platform_slug)


def _platform_form(request, slug, platform=None, platform_slug=None):
    organisation = organisation_for_admin(request.user, slug)
    if platform_slug is not None:
        platform = get_object_or_404(organisation.platforms, slug=platform_slug)
    form = PlatformForm(
        request.POST or None, request.FILES or None, instance=platform, organisation=organisation
    )
    if request.method == "POST" and form.is_valid():
        platform = services.platform_save(form=form, organisation=organisation)
        messages.success(request, _("The platform is saved and online."))
        return redirect(platform)
    return render(
        request,
        "members/platform_form.html",
        {"organisation": organisation, "platform": platform, "form": form},
    )


@login_required
@require_POST
def platform_delete(request, slug, platform_slug):
    organisation = organisation_for_admin(request.user, slug)
    platform = get_object_or_404(organisation.platforms, slug=platform_slug)
    platform.delete()
    messages.success(request, _("The platform %(name)s is deleted.") % {"name": platform.name})
    return redirect(organisation)


# --- Each person's own place -------------------------------------------------------------


def _own_membership(request, slug) -> Membership:
    """The user's own place in the organisation ``slug`` (404 otherwise)."""
    return get_object_or_404(
        Membership.objects.select_related("organisation"),
        organisation__slug=slug,
        user=request.user,
    )


@login_required
def membership_self(request, slug):
    """A person's job title and who may see their name, in one of their organisations."""
    membership = _own_membership(request, slug)
    form = MembershipSelfForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        services.membership_update_self(
            membership=membership,
            job_title=form.cleaned_data["job_title"],
            visibility=form.cleaned_data["visibility"],
        )
        messages.success(request, _("Your choices are saved."))
        return redirect(membership.organisation)
    return render(
        request,
        "members/membership_form.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "form": form,
            "consent_log": membership.organisation.consent_records.filter(user=request.user)[:10],
        },
    )


@login_required
@require_POST
def membership_leave(request, slug):
    membership = _own_membership(request, slug)
    try:
        services.membership_remove(membership=membership)
    except services.MembersError as error:
        messages.error(request, error.message)
        return redirect("members:membership-self", slug=slug)
    messages.success(
        request,
        _("You have left %(organisation)s.") % {"organisation": membership.organisation},
    )
    return redirect("dashboard")


@login_required
def join_request_create(request, slug):
    organisation = get_object_or_404(Organisation.objects.in_directory(), slug=slug)
    reason = services.join_request_allowed(organisation=organisation, user=request.user)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and reason is None and form.is_valid():
        with refusal_as_message(request):
            services.join_request_create(
                organisation=organisation,
                user=request.user,
                message=form.cleaned_data["message"],
                request=request,
            )
            messages.success(
                request,
                _("Your request is sent: the organisation's admins will answer it by email."),
            )
        return redirect(organisation)
    return render(
        request,
        "members/joinrequest_form.html",
        {"organisation": organisation, "form": form, "reason": reason},
    )


# --- Relayed messages --------------------------------------------------------------------


def _contactable_organisation(request, slug) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not organisation.is_listed and not (
        acts_as_staff(request.user) or organisation.memberships.filter(user=request.user).exists()
    ):
        raise Http404
    return organisation


def _relay(request, organisation, *, membership=None, platform=None, template, context):
    form = ContactForm(
        request.POST or None,
        submit_label=_("Send my request") if platform else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_send(
                sender=request.user,
                organisation=organisation,
                membership=membership,
                platform=platform,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                request=request,
            )
        except services.MembersError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your message is sent. The answer will come to your email address.")
            )
            return redirect(platform or organisation)
    return render(request, template, {"organisation": organisation, "form": form, **context})


@login_required
def contact_person(request, slug, pk):
    organisation = _contactable_organisation(request, slug)
    shown = organisation.memberships.shown_to(request.user, is_member=is_member(request.user))
    membership = get_object_or_404(shown.select_related("user"), pk=pk)
    return _relay(
        request,
        organisation,
        membership=membership,
        template="members/contact_form.html",
        context={"membership": membership},
    )


@login_required
def contact_organisation(request, slug):
    organisation = _contactable_organisation(request, slug)
    return _relay(
        request, organisation, template="members/contact_form.html", context={"membership": None}
    )


# --- Platforms ---------------------------------------------------------------------------


def platform_list(request):
    filters = PlatformFilter(request.GET, Platform.objects.public().for_cards())
    page = Paginator(filters.qs, PLATFORMS_PER_PAGE).get_page(request.GET.get("page"))
    active = [name for name in filters.form.NARROW_FILTERS if request.GET.get(name)]
    return render(
        request,
        "members/platform_list.html",
        {"form": filters.form, "page_obj": page, "active_filters": active},
    )


def _visible_platform(request, slug) -> Platform:
    platform = get_object_or_404(
        Platform.objects.select_related("organisation").prefetch_related("markets"), slug=slug
    )
    organisation = platform.organisation
    if not organisation.is_listed and not (
        acts_as_staff(request.user)
        or (
            request.user.is_authenticated
            and organisation.memberships.filter(user=request.user).exists()
        )
    ):
        raise Http404
    return platform


def platform_detail(request, slug):
    platform = _visible_platform(request, slug)
    can_edit = can_edit_organisation(request.user, platform.organisation)
    return render(
        request,
        "members/platform_detail.html",
        {"platform": platform, "organisation": platform.organisation, "can_edit": can_edit},
    )


@login_required
def platform_request_access(request, slug):
    platform = _visible_platform(request, slug)
    return _relay(
        request,
        platform.organisation,
        platform=platform,
        template="members/platform_request_access.html",
        context={"platform": platform},
    )


# --- Joining the cluster -----------------------------------------------------------------


def application_create(request):
    form = ApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        # Behind the reverse proxy, the address allauth trusts (TRUSTED_PROXY_COUNT), not
        # the proxy's own one that every applicant would share.
        address = get_adapter(request).get_client_ip(request) or ""
        if not ratelimit.hit("application", address, APPLICATION_RATES):
            form.add_error(None, _("Too many applications were sent from here. Try again later."))
        else:
            application = services.application_submit(form=form, user=request.user, request=request)
            messages.success(request, _("Thank you: your application is sent to our team."))
            return redirect(application)
    return render(request, "members/application_form.html", {"form": form})


def application_status(request, public_id):
    application = get_object_or_404(
        MembershipApplication.objects.select_related("organisation"), public_id=public_id
    )
    return render(request, "members/application_status.html", {"application": application})


# --- Invitations -------------------------------------------------------------------------


def invitation_accept(request, token):
    """Open an invitation link, and accept it once signed in.

    Holding the link is the proof: it was sent to the invited address only. When the account
    signed in has no verified address matching the invitation (a colleague using another
    address, or a forwarded link), the page says so, shows the invited address partly masked
    and asks the person to confirm before their account joins.
    """
    try:
        invitation = services.invitation_for_token(token)
    except services.InvitationInvalid as error:
        status = 404 if error.reason == "unknown" else 410
        return _invitation_invalid(request, error, status=status)
    user = request.user
    matches = user.is_authenticated and services.invitation_matches(
        invitation=invitation, user=user
    )
    already_member = (
        user.is_authenticated and invitation.organisation.memberships.filter(user=user).exists()
    )
    if already_member and request.method == "POST":
        # The link stays usable by the person it was meant for.
        messages.info(
            request,
            _("You already belong to %(organisation)s.")
            % {"organisation": invitation.organisation},
        )
        return redirect(invitation.organisation)
    needs_confirmation = False
    if request.method == "POST" and user.is_authenticated:
        if matches or request.POST.get("confirm_account"):
            try:
                services.invitation_accept(invitation=invitation, user=user)
            except services.InvitationInvalid as error:
                return _invitation_invalid(request, error, status=410)
            messages.success(
                request,
                _("Welcome to %(organisation)s!") % {"organisation": invitation.organisation},
            )
            return redirect("members:membership-self", slug=invitation.organisation.slug)
        needs_confirmation = True
    return render(
        request,
        "members/invitation_accept.html",
        {
            "invitation": invitation,
            "next": request.get_full_path(),
            "matches": matches,
            "needs_confirmation": needs_confirmation,
            "already_member": already_member,
        },
    )


def _invitation_invalid(request, error, *, status):
    return render(
        request,
        "members/invitation_invalid.html",
        {"message": error.message, "reason": error.reason},
        status=status,
    )


@login_required
@require_POST
def invitation_accept_pending(request, pk):
    """Accept, from the dashboard, an invitation sent to one of your verified addresses."""
    emails = services.verified_emails(request.user)
    invitation = get_object_or_404(
        Invitation.objects.pending().addressed_to(emails).select_related("organisation"), pk=pk
    )
    try:
        membership = services.invitation_accept(invitation=invitation, user=request.user)
    except services.InvitationInvalid as error:
        messages.error(request, error.message)
        return redirect("dashboard")
    messages.success(
        request, _("Welcome to %(organisation)s!") % {"organisation": membership.organisation}
    )
    return redirect("members:membership-self", slug=membership.organisation.slug)
