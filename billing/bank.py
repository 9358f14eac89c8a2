"""Bank statements: read an ISO 20022 CAMT.053 file or a CSV export, match each credit to an
invoice (payment reference first, then amount and payer name), save the payments.

Reading and matching save nothing (the preview); :func:`statement_import` saves every new
line in one transaction, and a line already imported (same bank transaction id) is skipped,
so importing a statement twice adds nothing."""

import csv
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

from billing import invoicing, reference
from billing.models import Invoice, Payment
from core.errors import PortalError

MAX_BYTES = 5 * 1024 * 1024
INVOICE_NUMBER = re.compile(r"\b(20[0-9]{2}-[0-9]{5})\b")


class StatementError(PortalError):
    """The file cannot be read as a bank statement; nothing was saved."""


@dataclass
class StatementLine:
    transaction_id: str
    booked_on: date
    amount: Decimal
    payer_name: str = ""
    text: str = ""
    status: str = "unknown"  # matched, ambiguous, unknown, duplicate
    invoice: Invoice | None = None
    candidates: list = field(default_factory=list)
    note: str = ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


STATUS_LABELS = {
    "matched": gettext_lazy("Matched"),
    "ambiguous": gettext_lazy("Ambiguous"),
    "unknown": gettext_lazy("Unknown"),
    "duplicate": gettext_lazy("Already imported"),
}


# --- Reading ------------------------------------------------------------------------------


def parse(data: bytes, filename: str = "") -> tuple[str, list[StatementLine]]:
    """(statement name, credit lines) of a CAMT.053 or CSV file."""
    if not data.strip():
        raise StatementError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise StatementError(_("The file is larger than 5 MB."))
    if data.lstrip()[:1] == b"<" or filename.lower().endswith(".xml"):
        return parse_camt053(data)
    return filename or "CSV", parse_csv(data)


def _local(element) -> str:
    return etree.QName(element).localname


def _child(element, *path):
    for name in path:
        if element is None:
            return None
        element = next((c for c in element if isinstance(c.tag, str) and _local(c) == name), None)
    return element


def _text(element, *path) -> str:
    found = _child(element, *path)
    return (found.text or "").strip() if found is not None else ""


def _all(element, name):
    return [e for e in element.iter() if isinstance(e.tag, str) and _local(e) == name]


def parse_camt053(data: bytes) -> tuple[str, list[StatementLine]]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise StatementError(_("The XML file is malformed: %(error)s") % {"error": error}) from None
    statement = _child(root, "BkToCstmrStmt")
    if _local(root) != "Document" or statement is None:
        raise StatementError(
            _("This XML file is not a CAMT.053 bank statement (no BkToCstmrStmt element).")
        )
    lines = []
    names = []
    for stmt in (c for c in statement if isinstance(c.tag, str) and _local(c) == "Stmt"):
        statement_id = _text(stmt, "Id")
        names.append(statement_id)
        for position, entry in enumerate(_all(stmt, "Ntry"), start=1):
            if _text(entry, "CdtDbtInd") != "CRDT":
                continue
            if _text(entry, "Sts") in ("PDNG", "INFO") or _text(entry, "Sts", "Cd") == "PDNG":
                continue
            amount_element = _child(entry, "Amt")
            if amount_element is None or amount_element.get("Ccy", "EUR") != "EUR":
                raise StatementError(
                    _("Entry %(position)s of statement %(id)s has no amount in euros.")
                    % {"position": position, "id": statement_id}
                )
            amount = _decimal(amount_element.text or "", position)
            booked = _text(entry, "BookgDt", "Dt") or _text(entry, "BookgDt", "DtTm")[:10]
            booked = booked or _text(entry, "ValDt", "Dt")
            details = _child(entry, "NtryDtls", "TxDtls")
            transaction_id = (
                _text(details, "Refs", "AcctSvcrRef")
                or _text(entry, "AcctSvcrRef")
                or _text(entry, "NtryRef")
            )
            if not transaction_id:
                transaction_id = f"{statement_id}/{position}"
            payer = ""
            if details is not None:
                debtor = _child(details, "RltdPties", "Dbtr")
                payer = _text(debtor, "Nm") or _text(debtor, "Pty", "Nm")
            texts = [e.text or "" for e in _all(entry, "Ref") + _all(entry, "Ustrd")]
            texts.append(_text(entry, "AddtlNtryInf"))
            lines.append(
                StatementLine(
                    transaction_id=transaction_id[:120],
                    booked_on=_date(booked, position),
                    amount=amount,
                    payer_name=payer,
                    text=" ".join(t.strip() for t in texts if t and t.strip()),
                )
            )
    if not names:
        raise StatementError(_("The CAMT.053 file holds no statement (Stmt)."))
    return "CAMT.053 " + ", ".join(names), lines


CSV_COLUMNS = {
    "date": ("date", "booking date", "date opération", "date operation", "date comptable"),
    "amount": ("amount", "montant", "credit", "crédit"),
    "payer": ("payer", "payer name", "name", "émetteur", "emetteur", "nom", "donneur d'ordre"),
    "text": ("reference", "référence", "libellé", "libelle", "label", "description"),
    "id": ("id", "transaction id", "transaction", "référence banque", "reference banque"),
}


def parse_csv(data: bytes) -> list[StatementLine]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        message = _("This file is neither a CAMT.053 XML file nor a CSV file.")
        raise StatementError(message) from None
    rows = list(csv.reader(io.StringIO(text), dialect))
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    columns = {}
    for key, aliases in CSV_COLUMNS.items():
        columns[key] = next((i for i, name in enumerate(header) if name in aliases), None)
    missing = [key for key in ("date", "amount") if columns[key] is None]
    if missing:
        raise StatementError(
            _("The CSV file needs a header line with at least the columns “date” and “amount”.")
        )
    lines, seen = [], {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(key, row=row):
            index = columns[key]
            return row[index].strip() if index is not None and index < len(row) else ""

        amount = _decimal(cell("amount"), number)
        if amount <= 0:
            continue  # debits are not payments received
        transaction_id = cell("id")
        if not transaction_id:
            # No bank id: the line's own content (and its rank among identical lines).
            digest = hashlib.sha256(
                "|".join([cell("date"), str(amount), cell("payer"), cell("text")]).encode()
            ).hexdigest()[:24]
            seen[digest] = seen.get(digest, 0) + 1
            transaction_id = f"csv-{digest}-{seen[digest]}"
        lines.append(
            StatementLine(
                transaction_id=transaction_id[:120],
                booked_on=_date(cell("date"), number),
                amount=amount,
                payer_name=cell("payer"),
                text=cell("text"),
            )
        )
    return lines


def _decimal(value: str, position) -> Decimal:
    cleaned = value.replace("\u00a0", "").replace(" ", "").replace("€", "")
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "")
    try:
        return Decimal(cleaned.replace(",", ".")).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise StatementError(
            _("Line %(line)s: “%(value)s” is not an amount.") % {"line": position, "value": value}
        ) from None


def _date(value: str, position) -> date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(value[:10], pattern).date()
        except ValueError:
            continue
    raise StatementError(
        _("Line %(line)s: “%(value)s” is not a date.") % {"line": position, "value": value}
    )


# --- Matching -----------------------------------------------------------------------------

LEGAL_FORMS = {"sa", "sas", "sasu", "sarl", "eurl", "sci", "gmbh", "ltd", "inc", "ste", "societe"}


def _words(name: str) -> set[str]:
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return {w for w in re.split(r"[^0-9a-z]+", folded) if len(w) > 1 and w not in LEGAL_FORMS}


def names_match(payer: str, buyer: str) -> bool:
    payer_words, buyer_words = _words(payer), _words(buyer)
    if not payer_words or not buyer_words:
        return False
    common = payer_words & buyer_words
    return len(common) / min(len(payer_words), len(buyer_words)) >= 0.6


def match(lines: list[StatementLine]) -> list[StatementLine]:
    """Set each line's status and invoice (two queries whatever the number of lines)."""
    known = set(
        Payment.objects.filter(
            bank_transaction_id__in=[line.transaction_id for line in lines]
        ).values_list("bank_transaction_id", flat=True)
    )
    open_invoices = list(Invoice.objects.invoices().with_balance().open())
    by_reference = {invoice.payment_reference: invoice for invoice in open_invoices}
    by_number = {invoice.number: invoice for invoice in open_invoices}
    for line in lines:
        if line.transaction_id in known:
            line.status = "duplicate"
            continue
        found = [by_reference[r] for r in reference.find(line.text) if r in by_reference]
        found += [by_number[n] for n in INVOICE_NUMBER.findall(line.text) if n in by_number]
        found = list(dict.fromkeys(found))
        if len(found) == 1:
            line.status, line.invoice = "matched", found[0]
            line.note = _("by payment reference")
            continue
        same_amount = [i for i in open_invoices if i.balance == line.amount]
        named = [i for i in same_amount if names_match(line.payer_name, i.buyer_name)]
        if len(named) == 1:
            line.status, line.invoice = "matched", named[0]
            line.note = _("by amount and payer name")
        elif named or same_amount or found:
            line.status = "ambiguous"
            line.candidates = (found or named or same_amount)[:5]
        else:
            line.status = "unknown"
    return lines


def statement_import(*, lines: list[StatementLine], statement: str, by=None) -> dict:
    """Save the new lines as payments (matched ones allocated to their invoice, up to what
    is due; the rest stays to allocate), all or nothing. Returns counts by status."""
    counts = {"matched": 0, "ambiguous": 0, "unknown": 0, "duplicate": 0}
    remaining = {}
    try:
        with transaction.atomic():
            for line in lines:
                counts[line.status] += 1
                if line.status == "duplicate":
                    continue
                allocations = []
                if line.status == "matched":
                    due = remaining.setdefault(line.invoice.pk, line.invoice.balance)
                    if due > 0:
                        allocations = [(line.invoice, min(line.amount, due))]
                        remaining[line.invoice.pk] = due - allocations[0][1]
                invoicing.payment_record(
                    received_on=line.booked_on,
                    amount=line.amount,
                    allocations=allocations,
                    method=Payment.Method.TRANSFER,
                    payer_name=line.payer_name,
                    reference=line.text,
                    bank_transaction_id=line.transaction_id,
                    statement=statement,
                    by=by,
                )
    except IntegrityError:
        raise StatementError(
            _("This statement was being imported at the same time: nothing was saved, try again.")
        ) from None
    return counts
