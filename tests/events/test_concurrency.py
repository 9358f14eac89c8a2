"""Capacity holds under concurrent bookings: the event row is locked during the booking."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from accounts.models import User
from events import services
from events.models import Registration
from tests.events.factories import EventFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_200_concurrent_registrations_for_20_seats(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=20)
    User.objects.bulk_create(
        [
            User(email=f"concurrent{n}@example.org", first_name="P", last_name=str(n))
            for n in range(200)
        ]
    )
    users = list(User.objects.filter(email__startswith="concurrent"))

    def book(user):
        try:
            return services.registration_create(event=event, user=user).status
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(book, users))

    assert statuses.count(Registration.Status.CONFIRMED) == 20
    assert statuses.count(Registration.Status.WAITING) == 180
    assert event.registrations.filter(status="confirmed").count() == 20
    ranks = sorted(event.registrations.waiting().values_list("waiting_rank", flat=True))
    assert ranks == list(range(1, 181)), "the waiting list has one rank per person"
