"""What billing does when the apps below announce something (see core.hooks.listen):
first membership invoice on acceptance, invoices for paid registrations and enrolments,
credit notes for cancellations before the deadline."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from billing import invoicing
from billing.invoicing import Buyer, Line
from billing.models import FeeScale, Invoice, Seller


def application_accepted(*, organisation, application, **_data):
    scale = FeeScale.objects.for_year(timezone.localdate().year)
    if scale is None:
        return
    invoicing.membership_invoice_issue(
        organisation=organisation,
        scale=scale,
        joined=timezone.localdate(),
        by=application.decided_by,
    )


def _credit(invoices, reason: str) -> None:
    for invoice in invoices.invoices().with_balance():
        if invoice.credited < invoice.total_incl_vat:
            invoicing.credit_note_issue(invoice=invoice, reason=reason)


def registration_confirmed(*, registration, **_data):
    if not registration.price or Invoice.objects.filter(registration=registration).exists():
        return
    event = registration.event
    seller = Seller.current()
    if registration.organisation_id:
        buyer = invoicing.buyer_of_organisation(registration.organisation)
    else:
        buyer = invoicing.buyer_of_person(registration.user)
    day = timezone.localtime(event.start).date()
    with translation.override(buyer.language):
        description = _("Registration of %(person)s: %(event)s (%(date)s)") % {
            "person": registration.user.get_full_name() or registration.user.email,
            "event": event.title,
            "date": day.strftime("%d/%m/%Y"),
        }
    # The event's price is what people pay: VAT included.
    rate = seller.event_vat_rate
    unit = (registration.price * 100 / (100 + rate)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    invoicing.document_issue(
        buyer=buyer,
        lines=[Line(description, unit)],
        purpose=Invoice.Purpose.EVENT,
        vat_rate=rate,
        vat_exemption=seller.training_vat_exemption,
        service_start=day,
        service_end=max(day, timezone.localtime(event.end).date()),
        due_days=seller.activity_due_days,
        registration=registration,
    )


def registration_cancelled(*, registration, in_time, **_data):
    if in_time:
        _credit(
            Invoice.objects.filter(registration=registration),
            _("Registration cancelled before the deadline"),
        )


def enrolment_status_changed(*, enrolment, previous, in_time, **_data):
    if enrolment.status == "confirmed" and enrolment.price_excl_vat:
        if not Invoice.objects.filter(enrolment=enrolment).exists():
            _invoice_enrolment(enrolment)
    elif enrolment.status == "cancelled" and in_time:
        _credit(
            Invoice.objects.filter(enrolment=enrolment),
            _("Training request cancelled before the session"),
        )


def _invoice_enrolment(enrolment) -> None:
    session = enrolment.session
    seller = Seller.current()
    if enrolment.organisation_id:
        buyer = invoicing.buyer_of_organisation(enrolment.organisation)
    else:
        buyer = Buyer(
            name=enrolment.company_name or enrolment.requester_name,
            address=enrolment.company_address,
            postcode=enrolment.company_postcode,
            city=enrolment.company_city,
            siret=enrolment.company_siret,
            emails=[enrolment.requester_email],
            language=enrolment.language or "fr",
            is_professional=bool(enrolment.company_name),
            person=enrolment.requester,
        )
    start = session.start_date
    end = session.end_date or start
    with translation.override(buyer.language):
        description = _("Training: %(training)s, session of %(date)s, for %(person)s") % {
            "training": session.training.title,
            "date": start.strftime("%d/%m/%Y"),
            "person": enrolment.participant_name,
        }
    invoicing.document_issue(
        buyer=buyer,
        lines=[Line(description, enrolment.price_excl_vat)],
        purpose=Invoice.Purpose.TRAINING,
        vat_rate=seller.training_vat_rate,
        vat_exemption=seller.training_vat_exemption or _("VAT exempt"),
        service_start=start,
        service_end=max(start, end) if isinstance(end, date) else start,
        due_days=seller.activity_due_days,
        enrolment=enrolment,
    )
