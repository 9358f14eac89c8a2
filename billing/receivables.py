"""What the cluster expects, invoiced, collected and is owed in a year, month by month,
and the accessible SVG chart of it (drawn on the server, its data table beside it)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractMonth
from django.utils import formats, timezone
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext_lazy as _

from billing.models import Allocation, Campaign, Invoice

ZERO = Decimal("0.00")
SERIES = [
    ("expected", _("Expected (due that month)"), "#0b3d91"),
    ("invoiced", _("Invoiced"), "#5b7fc7"),
    ("collected", _("Collected"), "#0f7b5f"),
    ("overdue", _("Overdue"), "#b42318"),
]


@dataclass
class Month:
    number: int
    label: str
    expected: Decimal = ZERO
    invoiced: Decimal = ZERO
    collected: Decimal = ZERO
    overdue: Decimal = ZERO


def _by_month(queryset, month_field: str, amount) -> dict[int, Decimal]:
    rows = (
        queryset.annotate(month=ExtractMonth(month_field))
        .order_by()
        .values("month")
        .annotate(total=Sum(amount))
    )
    return {row["month"]: row["total"] or ZERO for row in rows}


def months_of(year: int, today: date | None = None) -> list[Month]:
    """Twelve months (four queries). Credit notes count negatively."""
    today = today or timezone.localdate()
    months = [Month(n, str(MONTHS_3[n]).capitalize()) for n in range(1, 13)]
    documents = Invoice.objects.filter(issue_date__year=year)
    invoiced = _by_month(documents.invoices(), "issue_date", "total_incl_vat")
    credited = _by_month(
        documents.filter(kind=Invoice.Kind.CREDIT_NOTE), "issue_date", "total_incl_vat"
    )
    due = Invoice.objects.invoices().filter(due_date__year=year)
    expected = _by_month(due, "due_date", "total_incl_vat")
    due = due.with_balance()
    overdue_rows = (
        due.filter(balance__gt=0, due_date__lt=today)
        .annotate(month=ExtractMonth("due_date"))
        .values_list("month", "balance")
    )
    overdue: dict[int, Decimal] = {}
    for month, balance in overdue_rows:
        overdue[month] = overdue.get(month, ZERO) + balance
    collected = _by_month(
        Allocation.objects.filter(payment__received_on__year=year), "payment__received_on", "amount"
    )
    for month in months:
        n = month.number
        month.invoiced = invoiced.get(n, ZERO) - credited.get(n, ZERO)
        month.expected = expected.get(n, ZERO)
        month.collected = collected.get(n, ZERO)
        month.overdue = overdue.get(n, ZERO)
    return months


def totals(months: list[Month]) -> dict[str, Decimal]:
    return {key: sum((getattr(m, key) for m in months), ZERO) for key, _l, _c in SERIES}


def chart(months: list[Month], *, width: int = 760, height: int = 280) -> dict:
    """Bars of the four series per month, as coordinates for the template's SVG."""
    left, bottom, top = 64, 28, 12
    plot_height = height - bottom - top
    biggest = max([getattr(m, key) for m in months for key, _l, _c in SERIES] + [Decimal(1)])
    step = _nice(biggest)
    scale_top = step * ((biggest // step) + (1 if biggest % step else 0))
    slot = (width - left - 8) / 12
    bar = slot / (len(SERIES) + 1)
    bars, ticks = [], []
    for index, month in enumerate(months):
        for position, (key, label, colour) in enumerate(SERIES):
            value = getattr(month, key)
            h = float(value / scale_top) * plot_height if scale_top else 0
            bars.append(
                {
                    "x": round(left + index * slot + (position + 0.5) * bar, 1),
                    "y": round(top + plot_height - h, 1),
                    "width": round(bar * 0.9, 1),
                    "height": round(h, 1),
                    "colour": colour,
                    "title": f"{month.label} · {label}: {formats.number_format(value, 2)} €",
                }
            )
    for i in range(0, 5):
        value = scale_top * i / 4
        ticks.append(
            {
                "y": round(top + plot_height - plot_height * i / 4, 1),
                "label": formats.number_format(value, 0, use_l10n=True, force_grouping=True),
            }
        )
    labels = [
        {"x": round(left + (i + 0.5) * slot, 1), "text": m.label} for i, m in enumerate(months)
    ]
    return {
        "width": width,
        "height": height,
        "left": left,
        "baseline": top + plot_height,
        "bars": bars,
        "ticks": ticks,
        "labels": labels,
        "legend": [{"label": label, "colour": colour} for _k, label, colour in SERIES],
    }


def _nice(value: Decimal) -> Decimal:
    """A round step for four grid lines."""
    raw = value / 4
    magnitude = Decimal(10) ** (len(str(int(raw))) - 1) if raw >= 1 else Decimal(1)
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def campaign_progress(year: int) -> dict | None:
    """How far the year's renewal campaign has come (two queries)."""
    campaign = Campaign.objects.select_related("scale").filter(scale__year=year).first()
    if campaign is None:
        return None
    rows = list(
        Invoice.objects.filter(campaign=campaign)
        .with_balance()
        .values_list("total_incl_vat", "paid", "balance")
    )
    issued = len(rows)
    counts = {
        "paid": sum(1 for _t, _p, balance in rows if balance <= 0),
        "partly": sum(1 for _t, paid, balance in rows if balance > 0 and paid > 0),
        "amount": sum((total for total, _p, _b in rows), ZERO),
        "paid_amount": sum((paid for _t, paid, _b in rows), ZERO),
    }
    return {
        "campaign": campaign,
        "issued": issued,
        "paid": counts["paid"],
        "partly": counts["partly"],
        "unpaid": issued - counts["paid"] - counts["partly"],
        "amount": counts["amount"] or ZERO,
        "paid_amount": counts["paid_amount"] or ZERO,
        "percent": round(100 * counts["paid"] / issued) if issued else 0,
    }
