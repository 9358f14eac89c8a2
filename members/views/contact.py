"""Messages relayed by email to a person, an organisation or a platform's contact, without
showing anyone's address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.permissions import acts_as_staff
from members import services
from members.forms import ContactForm
from members.models import Organisation
from members.permissions import is_member


def _contactable_organisation(request, slug) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not organisation.is_listed and not (
        acts_as_staff(request.user) or organisation.memberships.filter(user=request.user).exists()
    ):
        raise Http404
    return organisation


def relay(request, organisation, *, membership=None, platform=None, template, context):
    """The contact form of a person (``membership``), a platform or the organisation itself:
    on a valid POST the message is relayed and the page goes back to what was contacted.
    Also serves the access requests of the platform pages."""
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
    return relay(
        request,
        organisation,
        membership=membership,
        template="members/contact_form.html",
        context={"membership": membership},
    )


@login_required
def contact_organisation(request, slug):
    organisation = _contactable_organisation(request, slug)
    return relay(
        request, organisation, template="members/contact_form.html", context={"membership": None}
    )
