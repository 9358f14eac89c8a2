from decimal import Decimal

import pytest
from django.utils import timezone

from billing import invoicing
from billing.invoicing import Line
from billing.models import Invoice
from billing.personal_data import describe_invoices, export_invoices

# The messages checked below are the English source strings.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


def test_personal_invoices_are_exported_and_kept_when_the_account_goes(user):
    invoice = invoicing.document_issue(
        buyer=invoicing.buyer_of_person(user),
        lines=[Line("Atelier", Decimal("50"))],
        purpose=Invoice.Purpose.EVENT,
        vat_rate=Decimal("20"),
        service_start=timezone.localdate(),
        service_end=timezone.localdate(),
        deliver=False,
    )
    assert export_invoices(user)[0]["number"] == invoice.number
    assert "ten years" in describe_invoices(user)[0]
    user.delete()
    kept = Invoice.objects.get(pk=invoice.pk)
    assert kept.person is None and kept.buyer_name == invoice.buyer_name
