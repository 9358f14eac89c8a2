"""The billing pages: an organisation's membership and invoices, downloads, staff pages."""

from billing.views.member import billing_profile_edit, invoice_pdf, membership
from billing.views.staff import (
    campaign_open,
    export_csv,
    overdue_list,
    payment_create,
    payment_list,
    receivables,
)
from billing.views.statements import statement_confirm, statement_upload

__all__ = [
    "billing_profile_edit",
    "campaign_open",
    "export_csv",
    "invoice_pdf",
    "membership",
    "overdue_list",
    "payment_create",
    "payment_list",
    "receivables",
    "statement_confirm",
    "statement_upload",
]
