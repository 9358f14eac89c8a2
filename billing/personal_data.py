"""Billing's section of "download my data" and of account deletion."""

from django.utils.translation import ngettext

from billing.models import Invoice


def export_invoices(user) -> list:
    """The invoices and credit notes addressed to the person themselves."""
    return [
        {
            "number": d.number,
            "type": d.kind,
            "issue_date": d.issue_date.isoformat(),
            "buyer": d.buyer_name,
            "total_incl_vat": str(d.total_incl_vat),
            "payment_reference": d.payment_reference,
        }
        for d in Invoice.objects.filter(person=user).order_by("issue_date", "number")
    ]


def describe_invoices(user) -> list:
    count = Invoice.objects.filter(person=user).count()
    if not count:
        return []
    return [
        ngettext(
            "Your %(count)d invoice is kept for ten years, as accounting law requires; only "
            "its link to your account is removed.",
            "Your %(count)d invoices are kept for ten years, as accounting law requires; "
            "only their link to your account is removed.",
            count,
        )
        % {"count": count}
    ]
