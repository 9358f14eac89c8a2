"""Joining: an organisation applies to the cluster; a person asks to join an organisation
or accepts an invitation."""

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import ratelimit
from core.views import refusal_as_message
from members import services
from members.forms import ApplicationForm, JoinRequestForm
from members.models import Invitation, MembershipApplication, Organisation

APPLICATION_RATES = (ratelimit.Rate(5, 60 * 60),)


# --- Joining an organisation -------------------------------------------------------------


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
            application = services.application_submit(form=form, user=request.user)
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
