"""Billing demo of `manage.py load_demo` (see billing/demo/billing.toml): the seller's
details, two fee scales, this year's campaign with paid, partly paid and overdue invoices.

Idempotent: the scales are keyed on their year, the campaign on its scale, payments on a
bank transaction id of their own. Invoices are issued without PDF nor email (the PDF is
made on the first download)."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from billing import invoicing
from billing.models import Campaign, Fee, FeeScale, Invoice, Payment, Reminder, Seller
from core.demo import read, upsert, when


def load(*, scale: int, log) -> None:
    data = read("billing", "billing")
    today = timezone.localdate()
    upsert(Seller, {"pk": 1}, data["seller"])
    scales = {}
    for record in data["scale"]:
        year = today.year + record["year"]
        fee_scale = upsert(
            FeeScale,
            {"year": year},
            {
                "vat_rate": Decimal(record["vat_rate"]),
                "vat_exemption": record["vat_exemption"],
                "due_days": record["due_days"],
                "proration": record["proration"],
                "is_published": True,
            },
        )
        for kind, size_band, amount in record["fees"]:
            upsert(
                Fee,
                {"scale": fee_scale, "kind": kind, "size_band": size_band},
                {"amount": Decimal(amount)},
            )
        scales[record["year"]] = fee_scale
    campaign_data = data["campaign"]
    issue_date = max(when(campaign_data["issue_date"], today=today), date(today.year, 1, 1))
    campaign = Campaign.objects.filter(scale=scales[0]).first()
    if campaign is None:
        campaign = Campaign.objects.create(scale=scales[0], issue_date=issue_date)
    issued = invoicing.campaign_run(campaign=campaign, deliver=False)
    invoices = {
        invoice.organisation.slug: invoice
        for invoice in Invoice.objects.filter(campaign=campaign)
        .with_balance()
        .select_related("organisation")
    }
    paid_on = min(when(campaign_data["paid_on"], today=today), today)
    payments = 0
    for slug in campaign_data["paid"] + campaign_data["partly"]:
        invoice = invoices.get(slug)
        if invoice is None or Payment.objects.filter(bank_transaction_id=f"demo-{slug}").exists():
            continue
        amount = invoice.total_incl_vat
        if slug in campaign_data["partly"]:
            amount = (amount / 2).quantize(Decimal("0.01"))
        invoicing.payment_record(
            received_on=paid_on,
            amount=amount,
            allocations=[(invoice, amount)],
            payer_name=invoice.buyer_name.upper(),
            reference=invoice.payment_reference,
            bank_transaction_id=f"demo-{slug}",
            statement="CAMT.053 DEMO",
        )
        payments += 1
    if not Payment.objects.filter(bank_transaction_id="demo-unknown").exists():
        # A transfer nobody could match yet: it waits to be allocated by staff.
        invoicing.payment_record(
            received_on=paid_on,
            amount=Decimal("420.00"),
            allocations=[],
            payer_name="SARL EXEMPLE INCONNUE",
            reference="VIR COTISATION",
            bank_transaction_id="demo-unknown",
            statement="CAMT.053 DEMO",
        )
    _reminders(today)
    log(f"billing: {len(scales)} fee scales, {issued} invoices issued, {payments} payments")


def _reminders(today: date) -> None:
    """The reminders the daily task would have sent for the overdue demo invoices."""
    reminders = []
    for invoice in Invoice.objects.invoices().with_balance().overdue(today):
        late = (today - invoice.due_date).days
        for level in (Reminder.Level.FIRST, Reminder.Level.SECOND):
            if late >= level:
                reminders.append(
                    Reminder(invoice=invoice, level=level, sent_to=invoice.buyer_emails)
                )
    Reminder.objects.bulk_create(reminders, ignore_conflicts=True)
