"""The billing pages make no more queries with many invoices than with a few (≤ 12)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from billing import invoicing
from billing.models import Reminder
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
BUDGET = 12


def _volume(scale, organisation, count):
    """``count`` invoices: some of ``organisation``, paid, partly paid, reminded."""
    today = timezone.localdate()
    for n in range(count):
        owner = organisation if n % 2 == 0 else OrganisationFactory()
        invoice = invoicing.membership_invoice_issue(
            organisation=owner,
            scale=scale,
            deliver=False,
            issue_date=today.replace(day=1) if n % 3 else today,
        )
        if n % 3 == 0:
            invoicing.payment_record(
                received_on=today, amount=Decimal("100"), allocations=[(invoice, Decimal("100"))]
            )
        if n % 4 == 0:
            invoicing.credit_note_issue(invoice=invoice, reason="x", deliver=False)
        Reminder.objects.create(invoice=invoice, level=15)


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


PAGES = [
    ("billing:membership", True),
    ("billing:receivables", False),
    ("billing:overdue", False),
    ("billing:payment-list", False),
]


@pytest.mark.parametrize("name, with_slug", PAGES)
def test_pages_stay_within_budget_at_two_sizes(client, staff, scale, organisation, name, with_slug):
    from billing.models import FeeScale

    FeeScale.objects.filter(pk=scale.pk).update(due_days=0)
    scale.refresh_from_db()
    client.force_login(staff)
    url = reverse(name, args=[organisation.slug] if with_slug else [])
    _volume(scale, organisation, 3)
    client.get(url)  # fills the process-wide caches (the market catalogue) once
    small = _count(client, url)
    _volume(scale, organisation, 24)
    large = _count(client, url)
    assert small <= BUDGET and large <= BUDGET, (small, large)
    assert large == small
