"""The billing app's emails (thin wrappers around core.mail)."""

from django.utils import timezone

from billing.models import Invoice, Reminder
from core import mail


def send_invoice(invoice: Invoice) -> int:
    """The invoice or credit note, its Factur-X PDF attached, to the buyer's recipients
    (the organisation's admins and billing contact, or the person)."""
    invoice.pdf.open("rb")
    try:
        content = invoice.pdf.read()
    finally:
        invoice.pdf.close()
    return mail.send(
        "billing/emails/invoice",
        to=invoice.buyer_emails,
        language=invoice.language,
        context={"invoice": invoice},
        attachments=[mail.Attachment(invoice.filename, content, "application/pdf")],
    )


def send_reminder(invoice: Invoice, *, level: int) -> int:
    """``invoice`` needs ``with_balance``."""
    return mail.send(
        "billing/emails/reminder",
        to=invoice.buyer_emails,
        language=invoice.language,
        context={
            "invoice": invoice,
            "days_late": (timezone.localdate() - invoice.due_date).days,
            "second": level == Reminder.Level.SECOND,
        },
    )
