"""Staff pages: receivables, the overdue list, campaigns, payments, the accountant's export."""

from datetime import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.decorators import staff_required
from billing import invoicing
from billing import receivables as figures
from billing.filters import OverdueFilter
from billing.forms import CampaignOpenForm, PaymentForm, PeriodForm, year_of
from billing.models import Invoice, Payment
from core.spreadsheets import csv_response


@staff_required
def receivables(request):
    today = timezone.localdate()
    year = year_of(request.GET.get("year"), today.year)
    months = figures.months_of(year, today)
    return render(
        request,
        "billing/receivables.html",
        {
            "year": year,
            "years": [year - 1, year, year + 1],
            "months": months,
            "totals": figures.totals(months),
            "chart": figures.chart(months),
            "progress": figures.campaign_progress(year),
            "campaign_form": CampaignOpenForm(),
            "period_form": PeriodForm(
                initial={"start": datetime(year, 1, 1).date(), "end": datetime(year, 12, 31).date()}
            ),
        },
    )


@staff_required
@require_POST
def campaign_open(request):
    form = CampaignOpenForm(request.POST)
    if form.is_valid():
        try:
            campaign = invoicing.campaign_open(
                scale=form.cleaned_data["scale"],
                issue_date=form.cleaned_data["issue_date"],
                by=request.user,
            )
        except invoicing.BillingError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The %(year)s campaign is open: the invoices are being issued and emailed.")
                % {"year": campaign.year},
            )
            return redirect(campaign.get_absolute_url())
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("billing:receivables")


@staff_required
def overdue_list(request):
    today = timezone.localdate()
    base = (
        Invoice.objects.invoices()
        .with_balance()
        .overdue(today)
        .prefetch_related("reminders")
        .order_by("due_date", "number")
    )
    filters = OverdueFilter(request.GET, base)
    page = Paginator(filters.qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "billing/overdue_list.html",
        {"filter": filters, "page_obj": page, "today": today},
    )


@staff_required
def payment_list(request):
    payments = (
        Payment.objects.with_allocated()
        .prefetch_related("allocations__invoice")
        .order_by("-received_on", "-pk")
    )
    page = Paginator(payments, 50).get_page(request.GET.get("page"))
    return render(request, "billing/payment_list.html", {"page_obj": page})


@staff_required
@require_http_methods(["GET", "POST"])
def payment_create(request):
    form = PaymentForm(request.POST or None, initial={"invoices": request.GET.get("invoice", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invoicing.payment_record(
                received_on=data["received_on"],
                amount=data["amount"],
                allocations=form.allocations(),
                method=data["method"],
                payer_name=data["payer_name"],
                reference=data["reference"],
                note=data["note"],
                by=request.user,
            )
        except invoicing.BillingError as error:
            form.add_error("amount", error.message)
        else:
            messages.success(request, _("The payment is recorded."))
            return redirect("billing:payment-list")
    return render(request, "billing/payment_form.html", {"form": form})


@staff_required
def export_csv(request):
    """Invoices, credit notes and payments of a period, for the accountant."""
    form = PeriodForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Choose a valid period for the export."))
        return redirect("billing:receivables")
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    response, writer = csv_response(f"billing-{start:%Y%m%d}-{end:%Y%m%d}.csv")
    writer.writerow(
        [
            _("Type"),
            _("Number"),
            _("Date"),
            _("Due date"),
            _("Buyer"),
            _("SIRET"),
            _("Purpose"),
            _("Excl. VAT"),
            _("VAT rate"),
            _("VAT"),
            _("Incl. VAT"),
            _("Payment reference"),
            _("Invoice credited / settled"),
        ]
    )
    documents = (
        Invoice.objects.filter(issue_date__range=(start, end))
        .select_related("credited_invoice")
        .order_by("number")
    )
    for d in documents:
        sign = -1 if d.is_credit_note else 1
        writer.writerow(
            [
                d.get_kind_display(),
                d.number,
                d.issue_date.isoformat(),
                d.due_date.isoformat(),
                d.buyer_name,
                d.buyer_siret,
                d.get_purpose_display(),
                sign * d.total_excl_vat,
                d.vat_rate,
                sign * d.total_vat,
                sign * d.total_incl_vat,
                d.payment_reference,
                d.credited_invoice.number if d.credited_invoice else "",
            ]
        )
    payments = (
        Payment.objects.filter(received_on__range=(start, end))
        .prefetch_related("allocations__invoice")
        .order_by("received_on", "pk")
    )
    for p in payments:
        writer.writerow(
            [
                _("Payment"),
                p.bank_transaction_id or p.pk,
                p.received_on.isoformat(),
                "",
                p.payer_name,
                "",
                p.get_method_display(),
                "",
                "",
                "",
                p.amount,
                p.reference,
                " ".join(f"{a.invoice.number}:{a.amount}" for a in p.allocations.all()),
            ]
        )
    return response
