"""Factur-X documents: the EN 16931 CII XML of an invoice (built with lxml), the page
(WeasyPrint, PDF/A-3b) and the two joined by the ``factur-x`` package, which checks the XML
against the Factur-X schema before embedding it."""

from decimal import Decimal

import facturx
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from lxml import etree

from billing.models import Invoice
from billing.reference import grouped

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
EN16931 = "urn:cen.eu:en16931:2017"
TYPE_CODES = {Invoice.Kind.INVOICE: "380", Invoice.Kind.CREDIT_NOTE: "381"}
# Payment means (UNTDID 4461): 58 = SEPA credit transfer.
SEPA_TRANSFER = "58"


def _el(parent, tag: str, text=None, **attributes):
    prefix, name = tag.split(":")
    element = etree.SubElement(parent, f"{{{NS[prefix]}}}{name}", **attributes)
    if text is not None:
        element.text = str(text)
    return element


def _date(parent, tag: str, value, prefix: str = "udt"):
    holder = _el(parent, tag)
    _el(holder, f"{prefix}:DateTimeString", value.strftime("%Y%m%d"), format="102")


def _amount(value: Decimal) -> str:
    return f"{value:.2f}"


def _category(invoice: Invoice) -> str:
    """VAT category: S (standard rate) or E (exempt, with its mention)."""
    return "S" if invoice.vat_rate else "E"


def _party(parent, tag, *, name, siren="", address, postcode, city, country, vat="", email=""):
    party = _el(parent, tag)
    _el(party, "ram:Name", name)
    if siren:
        legal = _el(party, "ram:SpecifiedLegalOrganization")
        _el(legal, "ram:ID", siren, schemeID="0002")  # 0002: SIRENE
    postal = _el(party, "ram:PostalTradeAddress")
    if postcode:
        _el(postal, "ram:PostcodeCode", postcode)
    if address:
        _el(postal, "ram:LineOne", address)
    if city:
        _el(postal, "ram:CityName", city)
    _el(postal, "ram:CountryID", country or "FR")
    if email:
        uri = _el(party, "ram:URIUniversalCommunication")
        _el(uri, "ram:URIID", email, schemeID="EM")
    if vat:
        registration = _el(party, "ram:SpecifiedTaxRegistration")
        _el(registration, "ram:ID", vat, schemeID="VA")
    return party


def cii_xml(invoice: Invoice, lines=None) -> bytes:
    """The Cross Industry Invoice (EN 16931 profile) of ``invoice``."""
    lines = list(lines if lines is not None else invoice.lines.all())
    seller = invoice.seller
    root = etree.Element(f"{{{NS['rsm']}}}CrossIndustryInvoice", nsmap=NS)
    context = _el(root, "rsm:ExchangedDocumentContext")
    _el(_el(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", EN16931)

    document = _el(root, "rsm:ExchangedDocument")
    _el(document, "ram:ID", invoice.number)
    _el(document, "ram:TypeCode", TYPE_CODES[invoice.kind])
    _date(document, "ram:IssueDateTime", invoice.issue_date)
    for code, content in _notes(invoice):
        note = _el(document, "ram:IncludedNote")
        _el(note, "ram:Content", content)
        _el(note, "ram:SubjectCode", code)

    transaction_ = _el(root, "rsm:SupplyChainTradeTransaction")
    for line in lines:
        item = _el(transaction_, "ram:IncludedSupplyChainTradeLineItem")
        _el(_el(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", line.position)
        _el(_el(item, "ram:SpecifiedTradeProduct"), "ram:Name", line.description)
        agreement = _el(item, "ram:SpecifiedLineTradeAgreement")
        price = _el(agreement, "ram:NetPriceProductTradePrice")
        _el(price, "ram:ChargeAmount", _amount(line.unit_price))
        delivery = _el(item, "ram:SpecifiedLineTradeDelivery")
        _el(delivery, "ram:BilledQuantity", f"{line.quantity:.2f}", unitCode="C62")
        settlement = _el(item, "ram:SpecifiedLineTradeSettlement")
        tax = _el(settlement, "ram:ApplicableTradeTax")
        _el(tax, "ram:TypeCode", "VAT")
        _el(tax, "ram:CategoryCode", _category(invoice))
        _el(tax, "ram:RateApplicablePercent", _amount(line.vat_rate))
        summation = _el(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation")
        _el(summation, "ram:LineTotalAmount", _amount(line.amount_excl_vat))

    agreement = _el(transaction_, "ram:ApplicableHeaderTradeAgreement")
    if invoice.buyer_reference:
        _el(agreement, "ram:BuyerReference", invoice.buyer_reference)
    _party(
        agreement,
        "ram:SellerTradeParty",
        name=seller["name"],
        siren=seller["siren"],
        address=seller["address"],
        postcode=seller["postcode"],
        city=seller["city"],
        country=seller["country"],
        vat=seller["vat_number"],
        email=seller["email"],
    )
    _party(
        agreement,
        "ram:BuyerTradeParty",
        name=invoice.buyer_name,
        siren=invoice.buyer_siret[:9],
        address=invoice.buyer_address,
        postcode=invoice.buyer_postcode,
        city=invoice.buyer_city,
        country=invoice.buyer_country,
        vat=invoice.buyer_vat_number,
    )
    if invoice.buyer_reference:
        order = _el(agreement, "ram:BuyerOrderReferencedDocument")
        _el(order, "ram:IssuerAssignedID", invoice.buyer_reference)

    delivery = _el(transaction_, "ram:ApplicableHeaderTradeDelivery")
    event = _el(delivery, "ram:ActualDeliverySupplyChainEvent")
    _date(event, "ram:OccurrenceDateTime", invoice.service_start)

    settlement = _el(transaction_, "ram:ApplicableHeaderTradeSettlement")
    _el(settlement, "ram:PaymentReference", invoice.payment_reference)
    _el(settlement, "ram:InvoiceCurrencyCode", "EUR")
    if not invoice.is_credit_note:
        means = _el(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
        _el(means, "ram:TypeCode", SEPA_TRANSFER)
        account = _el(means, "ram:PayeePartyCreditorFinancialAccount")
        _el(account, "ram:IBANID", seller["iban"].replace(" ", ""))
        bank = _el(means, "ram:PayeeSpecifiedCreditorFinancialInstitution")
        _el(bank, "ram:BICID", seller["bic"])
    tax = _el(settlement, "ram:ApplicableTradeTax")
    _el(tax, "ram:CalculatedAmount", _amount(invoice.total_vat))
    _el(tax, "ram:TypeCode", "VAT")
    if not invoice.vat_rate:
        _el(tax, "ram:ExemptionReason", invoice.vat_exemption)
    _el(tax, "ram:BasisAmount", _amount(invoice.total_excl_vat))
    _el(tax, "ram:CategoryCode", _category(invoice))
    _el(tax, "ram:RateApplicablePercent", _amount(invoice.vat_rate))
    period = _el(settlement, "ram:BillingSpecifiedPeriod")
    _date(period, "ram:StartDateTime", invoice.service_start)
    _date(period, "ram:EndDateTime", invoice.service_end)
    terms = _el(settlement, "ram:SpecifiedTradePaymentTerms")
    _el(terms, "ram:Description", seller["payment_terms"])
    _date(terms, "ram:DueDateDateTime", invoice.due_date)
    summation = _el(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    _el(summation, "ram:LineTotalAmount", _amount(invoice.total_excl_vat))
    _el(summation, "ram:TaxBasisTotalAmount", _amount(invoice.total_excl_vat))
    _el(summation, "ram:TaxTotalAmount", _amount(invoice.total_vat), currencyID="EUR")
    _el(summation, "ram:GrandTotalAmount", _amount(invoice.total_incl_vat))
    _el(summation, "ram:DuePayableAmount", _amount(invoice.total_incl_vat))
    if invoice.credited_invoice_id:
        credited = invoice.credited_invoice
        referenced = _el(settlement, "ram:InvoiceReferencedDocument")
        _el(referenced, "ram:IssuerAssignedID", credited.number)
        _date(referenced, "ram:FormattedIssueDateTime", credited.issue_date, prefix="qdt")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _notes(invoice: Invoice) -> list[tuple[str, str]]:
    """The legal mentions as EN 16931 notes (UNTDID 4451 subject codes)."""
    seller = invoice.seller
    notes = [
        ("REG", f"{seller['name']}, SIRET {seller['siret']}"),
        ("PMT", "Indemnité forfaitaire pour frais de recouvrement : 40 €"),
        ("PMD", f"Pénalités de retard : {seller['penalty_rate']}"),
        ("AAB", "Pas d'escompte pour paiement anticipé"),
    ]
    if invoice.reason:
        notes.append(("AAI", invoice.reason))
    return notes


def render_pdf(invoice: Invoice) -> bytes:
    """The invoice as a Factur-X PDF (PDF/A-3b with the CII XML inside), in the buyer's
    language."""
    from weasyprint import HTML

    lines = list(invoice.lines.all())
    with translation.override(invoice.language):
        html = render_to_string(
            "billing/invoice_pdf.html",
            {
                "invoice": invoice,
                "lines": lines,
                "seller": invoice.seller,
                "reference": grouped(invoice.payment_reference),
            },
        )
    page = HTML(string=html).write_pdf(pdf_variant="pdf/a-3b")
    return facturx.generate_from_binary(
        page,
        cii_xml(invoice, lines),
        flavor="factur-x",
        level="en16931",
        check_xsd=True,
        lang=invoice.language,
        pdf_metadata={
            "author": invoice.seller["name"],
            "keywords": "Factur-X",
            "title": f"{invoice.get_kind_display()} {invoice.number}",
            "subject": f"{invoice.get_kind_display()} {invoice.number}",
        },
    )


def ensure_pdf(invoice: Invoice) -> Invoice:
    """Store the invoice's PDF in the private storage once (it never changes after)."""
    if invoice.pdf:
        return invoice
    content = render_pdf(invoice)
    with transaction.atomic():
        locked = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if locked.pdf:
            return locked
        locked._pdf_pending = True
        locked.pdf.save(locked.filename, ContentFile(content), save=False)
        locked.save(update_fields=["pdf"])
    return locked
