"""An organisation's profile, edited by its admins, and each person's own place in it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members import services
from members.forms import MembershipSelfForm, OrganisationForm
from members.models import Membership
from members.permissions import organisation_for_admin


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
