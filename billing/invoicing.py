"""Use cases of invoicing: issuing invoices and credit notes, the renewal campaign,
reminders and payments (STYLE §5: keyword-only, atomic, locks where needed)."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from billing.models import (
    Allocation,
    BillingProfile,
    Campaign,
    Counter,
    FeeScale,
    Invoice,
    InvoiceLine,
    Payment,
    Reminder,
    Seller,
)
from billing.reference import creditor_reference
from core.errors import PortalError
from members.models import Membership, Organisation

CENT = Decimal("0.01")


class BillingError(PortalError):
    """A billing use case refused."""


@dataclass
class Buyer:
    name: str
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "FR"
    siret: str = ""
    vat_number: str = ""
    reference: str = ""
    emails: list[str] = field(default_factory=list)
    language: str = "fr"
    is_professional: bool = True
    organisation: Organisation | None = None
    person: object = None


@dataclass
class Line:
    description: str
    unit_price: Decimal
    quantity: Decimal = Decimal("1")


def organisation_admins(organisation: Organisation) -> list:
    return [
        m.user
        for m in Membership.objects.filter(
            organisation=organisation, role=Membership.Role.ADMIN
        ).select_related("user")
    ]


def buyer_of_organisation(organisation: Organisation) -> Buyer:
    """The organisation as a buyer: its billing details when it has some, its admins and
    billing contact as recipients, the language of its first admin."""
    profile = BillingProfile.objects.filter(organisation=organisation).first()
    admins = organisation_admins(organisation)
    emails = [user.email for user in admins if user.email]
    if profile and profile.email:
        emails.append(profile.email)
    address = organisation.address
    if profile and profile.address:
        address = ", ".join(line.strip() for line in profile.address.splitlines() if line.strip())
    return Buyer(
        name=organisation.name,
        address=address[:250],
        postcode=organisation.postcode,
        city=organisation.city,
        country=(organisation.country or "FR")[:2],
        siret=organisation.siret,
        vat_number=profile.vat_number if profile else "",
        reference=profile.purchase_order if profile else "",
        emails=list(dict.fromkeys(emails)),
        language=next((u.language for u in admins if getattr(u, "language", "")), "fr"),
        organisation=organisation,
    )


def buyer_of_person(user, *, name: str = "", professional: bool = False) -> Buyer:
    return Buyer(
        name=name or user.get_full_name() or user.email,
        emails=[user.email],
        language=getattr(user, "language", "") or "fr",
        is_professional=professional,
        person=user,
    )


def _next_number(year: int) -> int:
    """The next number of ``year``'s sequence; the counter row stays locked until the
    issuing transaction ends, so a rolled-back document leaves no gap."""
    Counter.objects.bulk_create([Counter(year=year)], ignore_conflicts=True)
    counter = Counter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def document_issue(
    *,
    buyer: Buyer,
    lines: list[Line],
    purpose: str,
    vat_rate: Decimal,
    vat_exemption: str = "",
    service_start: date,
    service_end: date,
    due_days: int = 30,
    issue_date: date | None = None,
    credited_invoice: Invoice | None = None,
    reason: str = "",
    by=None,
    deliver: bool = True,
    **links,
) -> Invoice:
    """Issue an invoice (or, with ``credited_invoice``, a credit note): number it, keep
    every mention, then (after commit) render its Factur-X PDF and email it.

    ``links`` are the optional ``membership_year``, ``campaign``, ``registration`` and
    ``enrolment`` it comes from."""
    issue_date = issue_date or timezone.localdate()
    vat_rate = Decimal(vat_rate)
    amounts = [(line.quantity * line.unit_price).quantize(CENT, ROUND_HALF_UP) for line in lines]
    total = sum(amounts, Decimal("0.00"))
    vat = (total * vat_rate / 100).quantize(CENT, ROUND_HALF_UP)
    with transaction.atomic():
        number = _next_number(issue_date.year)
        invoice = Invoice.objects.create(
            number=f"{issue_date.year}-{number:05d}",
            kind=Invoice.Kind.CREDIT_NOTE if credited_invoice else Invoice.Kind.INVOICE,
            purpose=purpose,
            credited_invoice=credited_invoice,
            organisation=buyer.organisation,
            person=buyer.person,
            seller=Seller.current().snapshot(),
            buyer_name=buyer.name[:200],
            buyer_address=buyer.address,
            buyer_postcode=buyer.postcode,
            buyer_city=buyer.city,
            buyer_country=buyer.country or "FR",
            buyer_siret=buyer.siret,
            buyer_vat_number=buyer.vat_number,
            buyer_reference=buyer.reference,
            buyer_emails=buyer.emails,
            is_professional=buyer.is_professional,
            language=buyer.language if buyer.language in ("fr", "en") else "fr",
            issue_date=issue_date,
            service_start=service_start,
            service_end=service_end,
            due_date=issue_date + timedelta(days=due_days),
            vat_rate=vat_rate,
            vat_exemption="" if vat_rate else vat_exemption,
            total_excl_vat=total,
            total_vat=vat,
            total_incl_vat=total + vat,
            payment_reference=creditor_reference(f"{issue_date.year}{number:06d}"),
            reason=reason,
            created_by=by,
            **links,
        )
        InvoiceLine.objects.bulk_create(
            InvoiceLine(
                invoice=invoice,
                position=position,
                description=line.description[:300],
                quantity=line.quantity,
                unit_price=line.unit_price,
                vat_rate=vat_rate,
                amount_excl_vat=amount,
            )
            for position, (line, amount) in enumerate(zip(lines, amounts, strict=True), start=1)
        )
        if deliver:
            from billing.tasks import invoice_deliver

            transaction.on_commit(lambda: invoice_deliver.enqueue(invoice.pk))
    return invoice


def credit_note_issue(*, invoice: Invoice, reason: str, by=None, deliver: bool = True) -> Invoice:
    """Cancel what is left of ``invoice`` (never changed itself) with a credit note."""
    with transaction.atomic():
        invoice = Invoice.objects.with_balance().select_for_update(of=("self",)).get(pk=invoice.pk)
        if invoice.is_credit_note:
            raise BillingError(_("A credit note cannot be credited."))
        remaining = invoice.total_excl_vat - (
            invoice.credited * invoice.total_excl_vat / invoice.total_incl_vat
            if invoice.total_incl_vat
            else 0
        )
        remaining = Decimal(remaining).quantize(CENT, ROUND_HALF_UP)
        if remaining <= 0:
            raise BillingError(_("This invoice is already fully credited."))
        buyer = Buyer(
            name=invoice.buyer_name,
            address=invoice.buyer_address,
            postcode=invoice.buyer_postcode,
            city=invoice.buyer_city,
            country=invoice.buyer_country,
            siret=invoice.buyer_siret,
            vat_number=invoice.buyer_vat_number,
            reference=invoice.buyer_reference,
            emails=invoice.buyer_emails,
            language=invoice.language,
            is_professional=invoice.is_professional,
            organisation=invoice.organisation,
            person=invoice.person,
        )
        with translation.override(invoice.language):
            description = _("Credit of invoice %(number)s") % {"number": invoice.number}
        return document_issue(
            buyer=buyer,
            lines=[Line(description, remaining)],
            purpose=invoice.purpose,
            vat_rate=invoice.vat_rate,
            vat_exemption=invoice.vat_exemption,
            service_start=invoice.service_start,
            service_end=invoice.service_end,
            due_days=0,
            credited_invoice=invoice,
            reason=reason,
            by=by,
            deliver=deliver,
            membership_year=invoice.membership_year,
            registration=invoice.registration,
            enrolment=invoice.enrolment,
        )


# --- Membership ---------------------------------------------------------------------------


def membership_invoice_issue(
    *,
    organisation: Organisation,
    scale: FeeScale,
    campaign: Campaign | None = None,
    joined: date | None = None,
    issue_date: date | None = None,
    by=None,
    deliver: bool = True,
) -> Invoice | None:
    """The membership invoice of ``scale.year`` for ``organisation`` (prorated from
    ``joined``); None when the scale has no fee for its kind."""
    fee = scale.fee_for(organisation)
    if fee is None:
        return None
    year = scale.year
    amount = scale.prorated(fee.amount, joined) if joined else fee.amount
    start = joined if joined and joined.year == year else date(year, 1, 1)
    buyer = buyer_of_organisation(organisation)
    with translation.override(buyer.language):
        description = _("Membership fee %(year)s: %(kind)s") % {
            "year": year,
            "kind": organisation.get_kind_display(),
        }
        if amount != fee.amount:
            description += " " + _("(prorated from %(date)s)") % {
                "date": start.strftime("%d/%m/%Y")
            }
    return document_issue(
        buyer=buyer,
        lines=[Line(description, amount)],
        purpose=Invoice.Purpose.MEMBERSHIP,
        vat_rate=scale.vat_rate,
        vat_exemption=scale.vat_exemption,
        service_start=start,
        service_end=date(year, 12, 31),
        due_days=scale.due_days,
        issue_date=issue_date,
        membership_year=year,
        campaign=campaign,
        by=by,
        deliver=deliver,
    )


def campaign_open(*, scale: FeeScale, by=None, issue_date: date | None = None) -> Campaign:
    """Open the renewal campaign of ``scale.year``; invoices are issued in the background
    (``billing.tasks.campaign_run``), one transaction per organisation."""
    with transaction.atomic():
        if Campaign.objects.filter(scale=scale).exists():
            raise BillingError(_("The campaign of this year is already open."))
        campaign = Campaign.objects.create(
            scale=scale, opened_by=by, issue_date=issue_date or timezone.localdate()
        )
        from billing.tasks import campaign_run

        transaction.on_commit(lambda: campaign_run.enqueue(campaign.pk))
    return campaign


def campaign_run(*, campaign: Campaign, deliver: bool = True) -> int:
    """Issue the invoices of the campaign still missing (safe to run again). Returns how
    many were issued."""
    scale = FeeScale.objects.prefetch_related("fees").get(pk=campaign.scale_id)
    invoiced = Invoice.objects.filter(campaign=campaign).values("organisation")
    organisations = Organisation.objects.filter(
        membership_status=Organisation.Status.ACTIVE
    ).exclude(pk__in=invoiced)
    issued, skipped = 0, []
    for organisation in organisations.order_by("sort_name", "pk").iterator(chunk_size=200):
        try:
            invoice = membership_invoice_issue(
                organisation=organisation,
                scale=scale,
                campaign=campaign,
                issue_date=campaign.issue_date,
                by=campaign.opened_by,
                deliver=deliver,
            )
        except IntegrityError:  # another run issued it meanwhile
            continue
        if invoice is None:
            skipped.append(organisation.name)
        else:
            issued += 1
    Campaign.objects.filter(pk=campaign.pk).update(state=Campaign.State.OPEN, skipped=skipped)
    return issued


# --- Reminders ----------------------------------------------------------------------------


def reminders_send(*, today: date | None = None) -> int:
    """Remind the buyers of unpaid invoices at the due date + 15 and + 30 days: each level
    once only (a unique row), never once paid. Returns the number of reminders sent."""
    from billing import emails

    today = today or timezone.localdate()
    candidates = (
        Invoice.objects.invoices()
        .with_balance()
        .overdue(today)
        .filter(due_date__lte=today - timedelta(days=15))
        .prefetch_related("reminders")
    )
    sent = 0
    for invoice in candidates:
        late = (today - invoice.due_date).days
        level = Reminder.Level.SECOND if late >= 30 else Reminder.Level.FIRST
        if any(reminder.level >= level for reminder in invoice.reminders.all()):
            continue
        try:
            with transaction.atomic():
                Reminder.objects.create(invoice=invoice, level=level, sent_to=invoice.buyer_emails)
                emails.send_reminder(invoice, level=level)
        except IntegrityError:  # a concurrent run sent it
            continue
        sent += 1
    return sent


# --- Payments -----------------------------------------------------------------------------


def payment_record(
    *,
    received_on: date,
    amount: Decimal,
    allocations: list[tuple[Invoice, Decimal]],
    method: str = Payment.Method.TRANSFER,
    payer_name: str = "",
    reference: str = "",
    bank_transaction_id: str | None = None,
    statement: str = "",
    note: str = "",
    by=None,
) -> Payment:
    """Record money received and give it to invoices. What is not allocated stays on the
    payment (an overpayment or a line to allocate later). Settled membership invoices
    move their organisation's "paid until" to the end of the year."""
    if sum((part for _invoice, part in allocations), Decimal("0")) > amount:
        raise BillingError(_("The amounts given to invoices exceed the payment."))
    with transaction.atomic():
        payment = Payment.objects.create(
            received_on=received_on,
            amount=amount,
            method=method,
            payer_name=payer_name[:200],
            reference=reference[:250],
            bank_transaction_id=bank_transaction_id or None,
            statement=statement[:200],
            note=note[:250],
            recorded_by=by,
        )
        Allocation.objects.bulk_create(
            Allocation(payment=payment, invoice=invoice, amount=part)
            for invoice, part in allocations
            if part > 0
        )
        invoices_settle(invoice_ids=[invoice.pk for invoice, _part in allocations])
    return payment


def allocation_add(*, payment: Payment, invoice: Invoice, amount: Decimal) -> Allocation:
    """Give (more of) an existing payment to an invoice."""
    with transaction.atomic():
        payment = (
            Payment.objects.with_allocated().select_for_update(of=("self",)).get(pk=payment.pk)
        )
        if amount <= 0 or amount > payment.unallocated:
            raise BillingError(
                _("At most %(amount)s € of this payment is left to allocate.")
                % {"amount": payment.unallocated}
            )
        allocation = Allocation.objects.create(payment=payment, invoice=invoice, amount=amount)
        invoices_settle(invoice_ids=[invoice.pk])
    return allocation


def invoices_settle(*, invoice_ids: list[int]) -> None:
    """Membership invoices now fully paid extend their organisation's paid period to the
    end of their year (and bring a lapsed member back)."""
    settled = (
        Invoice.objects.filter(
            pk__in=invoice_ids,
            purpose=Invoice.Purpose.MEMBERSHIP,
            kind=Invoice.Kind.INVOICE,
            organisation__isnull=False,
            membership_year__isnull=False,
        )
        .with_balance()
        .filter(balance__lte=0)
    )
    for invoice in settled:
        end = date(invoice.membership_year, 12, 31)
        organisation = Organisation.objects.select_for_update().get(pk=invoice.organisation_id)
        fields = []
        if organisation.paid_until is None or organisation.paid_until < end:
            organisation.paid_until = end
            fields.append("paid_until")
        if organisation.membership_status == Organisation.Status.LAPSED:
            organisation.membership_status = Organisation.Status.ACTIVE
            fields.append("membership_status")
        if fields:
            organisation.save(update_fields=[*fields, "updated_at"])
