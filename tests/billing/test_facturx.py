"""Issued documents: numbering, mentions, Factur-X PDF checked against the schema."""

import io
from decimal import Decimal

import facturx
import pytest
from lxml import etree
from pypdf import PdfReader

from billing import invoicing
from billing.facturx import ensure_pdf
from billing.models import Invoice, InvoiceImmutable
from billing.reference import is_valid

pytestmark = pytest.mark.django_db
RAM = "{urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100}"


def test_membership_invoice_amount_vat_and_reference(scale, organisation, owner):
    invoice = invoicing.membership_invoice_issue(
        organisation=organisation, scale=scale, deliver=False
    )
    assert invoice.total_excl_vat == Decimal("1200.00")
    assert invoice.total_vat == Decimal("240.00")
    assert invoice.total_incl_vat == Decimal("1440.00")
    assert is_valid(invoice.payment_reference)
    assert invoice.buyer_emails == [owner.email]
    assert invoice.number.endswith("-00001")


def test_factur_x_pdf_embeds_valid_en16931_xml(scale, organisation):
    invoice = invoicing.membership_invoice_issue(
        organisation=organisation, scale=scale, deliver=False
    )
    invoice = ensure_pdf(invoice)
    with invoice.pdf.open("rb") as handle:
        content = handle.read()
    filename, xml = facturx.get_xml_from_pdf(io.BytesIO(content), check_xsd=True)
    assert filename == "factur-x.xml"
    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931")
    tree = etree.fromstring(xml)
    assert tree.findtext(f".//{RAM}GrandTotalAmount") == "1440.00"
    assert tree.findtext(f".//{RAM}TaxTotalAmount") == "240.00"
    assert tree.findtext(f".//{RAM}PaymentReference") == invoice.payment_reference
    assert tree.findtext(f".//{RAM}IBANID") == invoice.seller["iban"]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    for mention in (invoice.number, "SIRET", "IBAN", "40", invoice.seller["vat_number"]):
        assert mention in text
    # French typography (core.typography): narrow no-break spaces in amounts and before
    # the colon and the euro sign.
    assert "1\u202f440,00\u00a0€" in text
    assert "Date d’émission\u00a0:" in text or "Date d'émission\u00a0:" in text


def test_exempt_invoice_carries_the_mention(scale, organisation):
    scale.vat_rate = 0
    scale.vat_exemption = "TVA non applicable, art. 261-7-1° du CGI"
    scale.save()
    invoice = invoicing.membership_invoice_issue(
        organisation=organisation, scale=scale, deliver=False
    )
    assert invoice.total_vat == 0
    _name, xml = facturx.get_xml_from_pdf(io.BytesIO(_pdf(invoice)), check_xsd=True)
    assert b"261-7-1" in xml
    assert b"<ram:CategoryCode>E</ram:CategoryCode>" in xml


def _pdf(invoice):
    invoice = ensure_pdf(invoice)
    with invoice.pdf.open("rb") as handle:
        return handle.read()


def test_issued_invoice_cannot_change_nor_be_deleted(scale, organisation):
    invoice = invoicing.membership_invoice_issue(
        organisation=organisation, scale=scale, deliver=False
    )
    invoice.total_excl_vat = Decimal("1")
    with pytest.raises(InvoiceImmutable):
        invoice.save()
    with pytest.raises(InvoiceImmutable):
        invoice.delete()
    with pytest.raises(InvoiceImmutable):
        Invoice.objects.filter(pk=invoice.pk).delete()
    with pytest.raises(InvoiceImmutable):
        invoice.lines.first().delete()


def test_credit_note_refers_to_the_invoice_and_cancels_it(scale, organisation):
    invoice = invoicing.membership_invoice_issue(
        organisation=organisation, scale=scale, deliver=False
    )
    note = invoicing.credit_note_issue(invoice=invoice, reason="Erreur de taille", deliver=False)
    assert note.kind == Invoice.Kind.CREDIT_NOTE
    assert note.total_incl_vat == invoice.total_incl_vat
    assert note.number.endswith("-00002")
    _name, xml = facturx.get_xml_from_pdf(io.BytesIO(_pdf(note)), check_xsd=True)
    assert b"<ram:TypeCode>381</ram:TypeCode>" in xml
    assert invoice.number.encode() in xml
    assert Invoice.objects.with_balance().get(pk=invoice.pk).state() == "credited"
    with pytest.raises(invoicing.BillingError):
        invoicing.credit_note_issue(invoice=invoice, reason="again", deliver=False)
