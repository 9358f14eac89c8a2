"""Bank statements: reading, matching, idempotent all-or-nothing import."""

from decimal import Decimal

import pytest

from billing import bank, invoicing
from billing.models import Invoice, Payment
from members.models import Organisation
from tests.billing.camt import camt053
from tests.members.factories import OrganisationFactory

# The messages checked below are the English source strings.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


@pytest.fixture
def invoices(scale):
    a = OrganisationFactory(name="Voltaire Mobilités SAS")
    b = OrganisationFactory(name="Forges Fictives")
    c = OrganisationFactory(name="Autre Atelier", kind=Organisation.Kind.STARTUP)
    d = OrganisationFactory(name="Second Atelier", kind=Organisation.Kind.STARTUP)
    return [
        invoicing.membership_invoice_issue(organisation=o, scale=scale, deliver=False)
        for o in (a, b, c, d)
    ]


def test_lines_are_matched_by_reference_then_amount_and_name(invoices):
    a, b, c, _d = invoices
    data = camt053(
        [
            {
                "id": "T1",
                "amount": "1440.00",
                "date": "2026-11-02",
                "name": "X",
                "ref": f"Cotisation {a.payment_reference[:4]} {a.payment_reference[4:]}",
            },
            {
                "id": "T2",
                "amount": "1440.00",
                "date": "2026-11-03",
                "name": "FORGES FICTIVES",
                "ref": "cotisation",
            },
            {
                "id": "T3",
                "amount": "480.00",
                "date": "2026-11-03",
                "name": "Inconnu",
                "ref": "adhésion",
            },
            {"id": "T4", "amount": "12.34", "date": "2026-11-04", "name": "Personne", "ref": "don"},
            {
                "id": "T5",
                "amount": "99.00",
                "date": "2026-11-04",
                "name": "Banque",
                "ref": "frais",
                "indicator": "DBIT",
            },
        ]
    )
    name, lines = bank.parse(data, "releve.xml")
    assert name == "CAMT.053 STMT-2026-001"
    assert [line.transaction_id for line in lines] == ["T1", "T2", "T3", "T4"]
    bank.match(lines)
    assert [(line.status, line.invoice) for line in lines] == [
        ("matched", a),
        ("matched", b),
        ("ambiguous", None),
        ("unknown", None),
    ]
    assert set(lines[2].candidates) == {c, invoices[3]}


def test_import_saves_payments_once_and_pays_the_invoice(invoices):
    a = invoices[0]
    data = camt053(
        [
            {
                "id": "T1",
                "amount": "1440.00",
                "date": "2026-11-02",
                "name": "Voltaire",
                "ref": a.payment_reference,
            },
            {"id": "T9", "amount": "5.00", "date": "2026-11-02", "name": "?", "ref": "?"},
        ]
    )
    name, lines = bank.parse(data)
    counts = bank.statement_import(lines=bank.match(lines), statement=name)
    assert counts == {"matched": 1, "ambiguous": 0, "unknown": 1, "duplicate": 0}
    assert Invoice.objects.with_balance().get(pk=a.pk).balance == 0
    a.organisation.refresh_from_db()
    assert a.organisation.paid_until.month == 12
    # The same statement again adds nothing.
    name, lines = bank.parse(data)
    counts = bank.statement_import(lines=bank.match(lines), statement=name)
    assert counts["duplicate"] == 2
    assert Payment.objects.count() == 2


def test_overpayment_keeps_the_rest_unallocated(invoices):
    a = invoices[0]
    name, lines = bank.parse(
        camt053(
            [
                {
                    "id": "T1",
                    "amount": "1500.00",
                    "date": "2026-11-02",
                    "name": "V",
                    "ref": a.payment_reference,
                }
            ]
        )
    )
    bank.statement_import(lines=bank.match(lines), statement=name)
    payment = Payment.objects.with_allocated().get()
    assert payment.unallocated == Decimal("60.00")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"<Document><oops>", "malformed"),
        (b"<Document><Other/></Document>", "CAMT.053"),
        (b"date;amount\n2026-13-45;10\n", "not a date"),
        (b"date;amount\n2026-11-02;dix\n", "not an amount"),
        (b"foo;bar\n1;2\n", "date"),
    ],
)
def test_malformed_files_get_a_clear_error(data, message):
    with pytest.raises(bank.StatementError) as error:
        bank.parse(data)
    assert message in str(error.value)


def test_csv_statement(invoices):
    a = invoices[0]
    data = (
        "Date;Montant;Émetteur;Libellé;Id\n"
        f"02/11/2026;1 440,00;VOLTAIRE;VIR {a.payment_reference};B-1\n"
        "03/11/2026;-20,00;Banque;Frais;B-2\n"
    ).encode()
    _name, lines = bank.parse(data, "releve.csv")
    assert len(lines) == 1
    assert bank.match(lines)[0].invoice == a


def test_a_failing_line_saves_nothing(invoices, monkeypatch):
    a = invoices[0]
    name, lines = bank.parse(
        camt053(
            [
                {
                    "id": "T1",
                    "amount": "1440.00",
                    "date": "2026-11-02",
                    "name": "V",
                    "ref": a.payment_reference,
                },
                {"id": "T2", "amount": "3.00", "date": "2026-11-02", "name": "?", "ref": "?"},
            ]
        )
    )
    bank.match(lines)
    original = invoicing.payment_record
    calls = []

    def failing(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(**kwargs)

    monkeypatch.setattr(invoicing, "payment_record", failing)
    with pytest.raises(RuntimeError):
        bank.statement_import(lines=lines, statement=name)
    assert not Payment.objects.exists()
