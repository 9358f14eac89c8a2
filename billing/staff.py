"""The billing app's pending work on the staff home of the back-office."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from billing.models import FeeScale, Invoice
from core.hooks import TodoItem
from core.todo import admin_list_url, tally


def pending_work(request) -> list[TodoItem]:
    """Overdue invoices, the unpaid invoices of this year's renewal campaign and a fee scale
    whose campaign is still to open (one query)."""
    today = timezone.localdate()
    year = today.year
    found = tally(
        {
            "overdue": (Invoice.objects.invoices().with_balance().overdue(today), "due_date"),
            "renewals": (
                Invoice.objects.filter(campaign__scale__year=year).with_balance().open(),
                "issue_date",
            ),
            "to_open": (
                FeeScale.objects.filter(year__in=(year, year + 1), campaign__isnull=True),
                "year",
            ),
        }
    )
    receivables = reverse("billing:receivables")
    to_open, first_year = found["to_open"]
    return [
        TodoItem(
            label=_("Overdue invoices"),
            count=found["overdue"][0],
            oldest=found["overdue"][1],
            url=reverse("billing:overdue"),
            group="members",
        ),
        TodoItem(
            label=_("Renewal campaign: membership invoices still unpaid"),
            count=found["renewals"][0],
            oldest=found["renewals"][1],
            url=admin_list_url(
                Invoice,
                payment="outstanding",
                campaign_year=year,
                oldest_first=("issue_date", "number"),
            ),
            group="members",
        ),
        TodoItem(
            label=_("Renewal campaigns to open"),
            count=to_open,
            url=f"{receivables}?year={first_year or year}",
            group="members",
        ),
    ]
