"""The billing app's panels on other apps' pages (see core/hooks.py)."""

from django.utils import timezone

from billing.models import FeeScale, Invoice
from members.models import Membership, Organisation


def join_context(request, _object=None):
    """The fee scale of the coming year (or of this year until it is published)."""
    year = timezone.localdate().year
    scale = (
        FeeScale.objects.filter(is_published=True, year__in=[year, year + 1])
        .prefetch_related("fees")
        .order_by("-year")
        .first()
    )
    if scale is None or not scale.fees.all():
        return None
    return {"scale": scale, "fees": list(scale.fees.all())}


def dashboard_context(request, _object=None):
    """ "Membership and invoices" of the organisations the person administers."""
    user = request.user
    organisations = list(
        Organisation.objects.filter(
            memberships__user=user, memberships__role=Membership.Role.ADMIN
        ).order_by("sort_name")
    )
    if not organisations:
        return None
    open_invoices = (
        Invoice.objects.filter(organisation__in=organisations).with_balance().open().order_by()
    )
    due = {}
    for invoice in open_invoices.only("pk", "organisation", "total_incl_vat"):
        due[invoice.organisation_id] = due.get(invoice.organisation_id, 0) + invoice.balance
    return {
        "billing_organisations": [
            {"organisation": o, "due": due.get(o.pk, 0)} for o in organisations
        ]
    }
