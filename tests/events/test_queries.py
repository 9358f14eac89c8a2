"""Event list, month view, detail and feeds make as many queries at 30 as at 3,000 events."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import CalendarFeed, Event, Registration
from tests.events.factories import EventFactory
from tests.factories import MarketFactory, UserFactory

pytestmark = pytest.mark.django_db


def make_events(count: int, market, user, offset: int = 0):
    """``count`` events spread over the past and next months, with markets and a few
    registrations of ``user``."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    events = [
        Event(
            title=f"Événement {n}",
            slug=f"volume-{n + offset}",
            kind=Event.Kind.WORKSHOP,
            summary="Résumé.",
            start=now + timedelta(hours=6 * (n - count // 3)),
            end=now + timedelta(hours=6 * (n - count // 3) + 2),
            city="Metz",
            capacity=10,
            status=Event.Status.PUBLISHED,
        )
        for n in range(count)
    ]
    Event.objects.bulk_create(events)
    events = list(Event.objects.filter(slug__in=[e.slug for e in events]).order_by("pk"))
    Event.markets.through.objects.bulk_create(
        [Event.markets.through(event_id=e.pk, market_id=market.pk) for e in events]
    )
    Registration.objects.bulk_create(
        [
            Registration(event=e, user=user, status=Registration.Status.CONFIRMED)
            for e in events[:: max(count // 10, 1)]
        ]
    )
    return events


def pages(market, event, user):
    today = timezone.localdate()
    return [
        reverse("events:event-list"),
        reverse("events:event-list") + f"?market={market.slug}&kind=workshop",
        reverse("events:event-archive"),
        reverse("events:event-month", kwargs={"year": today.year, "month": today.month}),
        event.get_absolute_url(),
        reverse("events:event-ics", kwargs={"slug": event.slug}),
        reverse("events:event-feed"),
        reverse("events:market-feed", kwargs={"slug": market.slug}),
        CalendarFeed.for_user(user).get_absolute_url(),
        reverse("events:my-events"),
    ]


def measure(client, urls) -> dict:
    counts = {}
    for url in urls:
        cache.clear()  # count the queries of a feed built afresh, not of a cached one
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_query_count_is_the_same_at_30_and_3000_events(client):
    market = MarketFactory(theme="electric")
    user = UserFactory()
    events = make_events(30, market, user)
    upcoming = next(e for e in events if e.start > timezone.now())
    client.force_login(user)
    urls = pages(market, upcoming, user)
    measure(client, urls)  # warm-up: session and per-process caches
    small = measure(client, urls)
    make_events(2970, market, user, offset=30)
    large = measure(client, urls)
    assert large == small
    assert max(small.values()) <= 12, small


def test_staff_pages_query_count(client, staff, django_assert_max_num_queries):
    market = MarketFactory(theme="electric")
    event = EventFactory(capacity=300)
    Registration.objects.bulk_create(
        [Registration(event=event, user=UserFactory(), status="confirmed") for _ in range(40)]
    )
    client.force_login(staff)
    for url in (
        reverse("events:staff-board"),
        reverse("events:event-attendees", kwargs={"slug": event.slug}),
        reverse("events:event-checkin", kwargs={"slug": event.slug}),
        reverse("events:event-attendees-csv", kwargs={"slug": event.slug}),
    ):
        with django_assert_max_num_queries(14, info=url):
            assert client.get(url).status_code == 200
    assert market
