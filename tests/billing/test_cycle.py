"""The yearly cycle: campaign, emails with the PDF, reminders, payments, and the invoices
that follow from the other apps (acceptance, registrations, enrolments)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from billing import invoicing
from billing.models import BillingProfile, Campaign, Invoice, Reminder
from members.models import Organisation
from tests.billing.factories import FeeScaleFactory
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_campaign_invoices_every_active_organisation_and_emails_the_pdf(
    scale, organisation, owner, mail_on_commit
):
    BillingProfile.objects.create(
        organisation=organisation, email="compta@fictive.example", purchase_order="PO-77"
    )
    OrganisationFactory(membership_status=Organisation.Status.FORMER)
    lab = OrganisationFactory(kind=Organisation.Kind.LAB)
    school = OrganisationFactory(kind=Organisation.Kind.EDUCATION)  # no fee for its kind
    with mail_on_commit():
        campaign = invoicing.campaign_open(scale=scale)
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.OPEN
    assert campaign.skipped == [school.name]
    invoices = Invoice.objects.filter(campaign=campaign)
    assert {i.organisation for i in invoices} == {organisation, lab}
    invoice = invoices.get(organisation=organisation)
    assert invoice.buyer_reference == "PO-77"
    assert invoice.pdf
    sent = [m for m in mail.outbox if invoice.number in m.subject]
    assert sorted(m.to[0] for m in sent) == sorted([owner.email, "compta@fictive.example"])
    assert sent[0].attachments[0][0] == f"{invoice.number}.pdf"
    assert sent[0].attachments[0][1][:5] == b"%PDF-"
    assert invoice.payment_reference in sent[0].body
    # Running it again issues nothing more; opening it again is refused.
    assert invoicing.campaign_run(campaign=campaign, deliver=False) == 0
    with pytest.raises(invoicing.BillingError):
        invoicing.campaign_open(scale=scale)


def _invoice(organisation, scale, **kwargs):
    return invoicing.membership_invoice_issue(
        organisation=organisation, scale=scale, deliver=False, **kwargs
    )


def test_reminders_at_15_and_30_days_never_twice_never_after_payment(
    scale, organisation, owner, mail_on_commit
):
    invoice = _invoice(organisation, scale)
    paid = _invoice(OrganisationFactory(), scale)
    invoicing.payment_record(
        received_on=timezone.localdate(),
        amount=paid.total_incl_vat,
        allocations=[(paid, paid.total_incl_vat)],
    )
    due = invoice.due_date
    with mail_on_commit():
        assert invoicing.reminders_send(today=due + timedelta(days=14)) == 0
        assert invoicing.reminders_send(today=due + timedelta(days=15)) == 1
        assert invoicing.reminders_send(today=due + timedelta(days=16)) == 0
        assert invoicing.reminders_send(today=due + timedelta(days=31)) == 1
        assert invoicing.reminders_send(today=due + timedelta(days=45)) == 0
    assert list(invoice.reminders.values_list("level", flat=True)) == [15, 30]
    assert not Reminder.objects.filter(invoice=paid).exists()
    reminders = [m for m in mail.outbox if invoice.number in m.subject]
    assert len(reminders) == 2 and reminders[0].to == [owner.email]


def test_partial_then_full_payment_moves_paid_until_to_the_end_of_the_year(scale):
    organisation = OrganisationFactory(paid_until=date(scale.year - 1, 12, 31))
    invoice = _invoice(organisation, scale)
    invoicing.payment_record(
        received_on=timezone.localdate(),
        amount=Decimal("500"),
        allocations=[(invoice, Decimal("500"))],
    )
    organisation.refresh_from_db()
    assert organisation.paid_until == date(scale.year - 1, 12, 31)
    assert Invoice.objects.with_balance().get(pk=invoice.pk).state() in ("partly-paid", "overdue")
    invoicing.payment_record(
        received_on=timezone.localdate(),
        amount=Decimal("2000"),
        allocations=[(invoice, Decimal("940"))],
    )
    organisation.refresh_from_db()
    assert organisation.paid_until == date(scale.year, 12, 31)
    assert Invoice.objects.with_balance().get(pk=invoice.pk).state() == "paid"


def test_allocations_cannot_exceed_the_payment(scale, organisation):
    invoice = _invoice(organisation, scale)
    with pytest.raises(invoicing.BillingError):
        invoicing.payment_record(
            received_on=timezone.localdate(),
            amount=Decimal("10"),
            allocations=[(invoice, Decimal("20"))],
        )


def test_prorated_first_invoice():
    scale = FeeScaleFactory(year=2030)
    organisation = OrganisationFactory()
    invoice = _invoice(organisation, scale, joined=date(2030, 5, 10))
    assert invoice.total_excl_vat == Decimal("900.00")  # three quarters of 1200
    assert invoice.service_start == date(2030, 5, 10)
    assert "prorat" in invoice.lines.get().description


def test_accepting_an_application_issues_the_first_prorated_invoice(scale, staff):
    from members.services import application_accept
    from tests.members.factories import ApplicationFactory

    application = ApplicationFactory()
    application_accept(application=application, by=staff)
    invoice = Invoice.objects.get(organisation=application.organisation)
    assert invoice.purpose == Invoice.Purpose.MEMBERSHIP
    assert invoice.membership_year == scale.year
    assert invoice.campaign is None


def test_paid_registration_is_invoiced_and_cancellation_in_time_credited(organisation, owner):
    from events.services import registration_cancel, registration_create
    from tests.events.factories import EventFactory

    event = EventFactory(price_member=Decimal("80"), price_non_member=Decimal("150"))
    registration = registration_create(event=event, user=owner)
    invoice = Invoice.objects.get(registration=registration)
    assert invoice.organisation == organisation
    assert invoice.total_excl_vat == Decimal("66.67")  # the price includes 20 % VAT
    assert invoice.total_incl_vat == Decimal("80.00")
    registration_cancel(registration=registration, by=owner)
    note = Invoice.objects.get(credited_invoice=invoice)
    assert note.total_incl_vat == invoice.total_incl_vat


def test_free_registration_is_not_invoiced(owner):
    from events.services import registration_create
    from tests.events.factories import EventFactory

    registration_create(event=EventFactory(), user=owner)
    assert not Invoice.objects.exists()


def test_confirmed_enrolment_is_invoiced_to_the_company_and_credited_when_cancelled():
    from tests.trainings.factories import EnrolmentFactory
    from trainings.models import EnrolmentStatus
    from trainings.services import enrolment_change_status

    enrolment = EnrolmentFactory(company_siret="")
    enrolment_change_status(enrolment=enrolment, status=EnrolmentStatus.CONFIRMED)
    invoice = Invoice.objects.get(enrolment=enrolment)
    assert invoice.buyer_name == "Entreprise fictive"
    assert invoice.total_incl_vat == Decimal("1000.00")  # training exempt from VAT
    assert invoice.vat_exemption
    enrolment_change_status(enrolment=enrolment, status=EnrolmentStatus.CANCELLED)
    assert Invoice.objects.filter(credited_invoice=invoice).count() == 1
