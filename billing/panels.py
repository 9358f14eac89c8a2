"""The billing app's panels on other apps' pages (see core/hooks.py)."""

from decimal import Decimal

from django.db.models import OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import acts_as_staff
from billing.models import Fee, Invoice
from members.models import Membership, Organisation


def join_context(request, _object=None):
    """The fee scale of the coming year (or of this year until it is published), in one
    query."""
    year = timezone.localdate().year
    fees = list(
        Fee.objects.filter(scale__is_published=True, scale__year__in=[year, year + 1])
        .select_related("scale")
        .order_by("-scale__year")
    )
    if not fees:
        return None
    scale = fees[0].scale
    kinds = list(Organisation.Kind.values)
    sizes = [*Organisation.SizeBand.values, ""]
    fees = sorted(
        (fee for fee in fees if fee.scale_id == scale.pk),
        key=lambda f: (kinds.index(f.kind), sizes.index(f.size_band)),
    )
    rows = []
    # Outside the f-string below: xgettext does not read calls inside f-strings.
    other_sizes = _("other sizes")
    for fee in fees:
        label = fee.get_kind_display()
        if fee.size_band:
            label = f"{label} · {fee.get_size_band_display()}"
        elif any(other.kind == fee.kind and other.size_band for other in fees):
            label = f"{label} · {other_sizes}"
        rows.append({"label": label, "amount": fee.amount})
    return {"scale": scale, "fees": rows}


def dashboard_context(request, _object=None):
    """ "Membership and invoices" of the organisations the person administers."""
    user = request.user
    is_staff = acts_as_staff(user)
    # Loaded with the user (members/backends.py): no query for people who administer nothing.
    if not getattr(user, "administers_an_organisation", True) and not is_staff:
        return None
    # One query: the organisations with what they still owe (a sum over their open invoices).
    owed = (
        Invoice.objects.filter(organisation=OuterRef("pk"))
        .with_balance()
        .open()
        .order_by()
        .values("organisation")
        .annotate(total=Sum("balance"))
        .values("total")
    )
    organisations = list(
        Organisation.objects.filter(memberships__user=user, memberships__role=Membership.Role.ADMIN)
        .annotate(due=Coalesce(Subquery(owed[:1]), Value(Decimal(0))))
        .order_by("sort_name")
    )
    if not organisations and not is_staff:
        return None
    return {
        "billing_organisations": [{"organisation": o, "due": o.due} for o in organisations],
        "billing_staff": is_staff,
    }


COMPANY_INVOICES = 6


def company_context(request, organisation):
    """The organisation's latest invoices and credit notes with what is still due, for its
    company dashboard (one query)."""
    invoices = list(
        Invoice.objects.filter(organisation=organisation)
        .with_balance()
        .order_by("-issue_date", "-pk")[:COMPANY_INVOICES]
    )
    today = timezone.localdate()
    for invoice in invoices:
        invoice.is_late = invoice.balance > 0 and invoice.due_date < today
    return {"invoices": invoices}
