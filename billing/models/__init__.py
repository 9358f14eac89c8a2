"""Billing: fee scales, invoices and credit notes, payments and bank statements."""

from billing.models.fees import BillingProfile, Campaign, Fee, FeeScale, Seller
from billing.models.invoices import (
    Counter,
    Invoice,
    InvoiceImmutable,
    InvoiceLine,
    Reminder,
)
from billing.models.payments import Allocation, Payment

__all__ = [
    "Allocation",
    "BillingProfile",
    "Campaign",
    "Counter",
    "Fee",
    "FeeScale",
    "Invoice",
    "InvoiceImmutable",
    "InvoiceLine",
    "Payment",
    "Reminder",
    "Seller",
]
