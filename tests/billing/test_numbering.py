"""Numbers follow one gapless sequence, even when documents are issued at the same time."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.utils import timezone

from billing import invoicing
from billing.invoicing import Buyer, Line
from billing.models import Counter, Invoice


def _issue(errors):
    try:
        invoicing.document_issue(
            buyer=Buyer(name="Acheteur fictif"),
            lines=[Line("Prestation", Decimal("10"))],
            purpose=Invoice.Purpose.OTHER,
            vat_rate=Decimal("20"),
            service_start=timezone.localdate(),
            service_end=timezone.localdate(),
            deliver=False,
        )
    except Exception as error:  # noqa: BLE001 - reported by the test
        errors.append(error)
    finally:
        connection.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_invoices_issued_at_once_get_twenty_consecutive_numbers():
    errors: list = []
    barrier = threading.Barrier(20)

    def run():
        barrier.wait()
        _issue(errors)

    threads = [threading.Thread(target=run) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    year = timezone.localdate().year
    numbers = sorted(Invoice.objects.values_list("number", flat=True))
    assert numbers == [f"{year}-{n:05d}" for n in range(1, 21)]
    assert Counter.objects.get(year=year).last == 20


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_document_leaves_no_gap():
    errors: list = []
    with pytest.raises(RuntimeError), transaction.atomic():
        _issue_inline()
        raise RuntimeError("rolled back")
    _issue(errors)
    assert errors == []
    assert Invoice.objects.get().number.endswith("-00001")


def _issue_inline():
    invoicing.document_issue(
        buyer=Buyer(name="Acheteur fictif"),
        lines=[Line("Prestation", Decimal("10"))],
        purpose=Invoice.Purpose.OTHER,
        vat_rate=Decimal("20"),
        service_start=timezone.localdate(),
        service_end=timezone.localdate(),
        deliver=False,
    )
