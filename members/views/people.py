"""The People page of an organisation, for its admins: roles, removals, invitations and
join requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import refusal_as_message
from members import services
from members.forms import InvitationForm, RoleForm
from members.models import Membership
from members.permissions import organisation_for_admin


def _people_page(organisation):
    return redirect("members:organisation-people", slug=organisation.slug)


def _administered_membership(request, slug, pk) -> Membership:
    """A person of an organisation the user administers (404 otherwise), with the user
    and the organisation (no further query)."""
    organisation = organisation_for_admin(request.user, slug)
    return get_object_or_404(organisation.memberships.select_related("user"), pk=pk)


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
        )
        name = join_request.user.get_full_name() or _("this person")
        if decision == "approve":
            messages.success(request, _("%(name)s joins the organisation.") % {"name": name})
        else:
            messages.success(request, _("The request of %(name)s is declined.") % {"name": name})
    return _people_page(organisation)
