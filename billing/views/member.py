"""What an organisation's admins see: their membership, invoices and payments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from billing.facturx import ensure_pdf
from billing.forms import BillingProfileForm
from billing.models import Allocation, BillingProfile, Invoice, Seller
from billing.reference import grouped
from members.models import Organisation
from members.permissions import organisation_for_admin


@login_required
def membership(request, slug):
    """ "Membership and invoices": status, paid until, the invoice to pay and how, every
    document as PDF, the payments (a fixed number of queries)."""
    organisation = organisation_for_admin(request.user, slug)
    documents = list(
        Invoice.objects.filter(organisation=organisation)
        .with_balance()
        .select_related("credited_invoice")
        .order_by("-issue_date", "-number")
    )
    to_pay = [d for d in documents if not d.is_credit_note and d.balance > 0]
    year = timezone.localdate().year
    current = next(
        (
            d
            for d in documents
            if d.purpose == Invoice.Purpose.MEMBERSHIP
            and d.membership_year in (year, year + 1)
            and not d.is_credit_note
        ),
        None,
    )
    payments = list(
        Allocation.objects.filter(invoice__organisation=organisation)
        .select_related("payment", "invoice")
        .order_by("-payment__received_on", "-pk")
    )
    return render(
        request,
        "billing/membership.html",
        {
            "organisation": organisation,
            "documents": documents,
            "to_pay": to_pay,
            "current": current,
            "current_reference": grouped(current.payment_reference) if current else "",
            "payments": payments,
            "seller": Seller.current(),
            "profile": BillingProfile.objects.filter(organisation=organisation).first(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def billing_profile_edit(request, slug):
    organisation = organisation_for_admin(request.user, slug)
    profile = BillingProfile.objects.filter(organisation=organisation).first()
    profile = profile or BillingProfile(organisation=organisation)
    form = BillingProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The billing details are saved: they go on the next invoices."))
        return redirect("billing:membership", slug=organisation.slug)
    return render(
        request, "billing/profile_form.html", {"organisation": organisation, "form": form}
    )


@login_required
def invoice_pdf(request, pk):
    """The Factur-X PDF, streamed from the private storage after the permission check:
    the organisation's admins and staff (and the person billed for a personal invoice)."""
    invoice = Invoice.objects.visible_to(request.user).filter(pk=pk).first()
    if invoice is None:
        organisation_id = Invoice.objects.filter(pk=pk).values_list("organisation", flat=True)
        if Organisation.objects.of_user(request.user).filter(pk__in=organisation_id).exists():
            raise PermissionDenied
        raise Http404
    invoice = ensure_pdf(invoice)
    response = FileResponse(
        invoice.pdf.open("rb"),
        as_attachment=True,
        filename=invoice.filename,
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
