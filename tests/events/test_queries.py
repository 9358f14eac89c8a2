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


def add_registrations(event, count: int, organisation, *, status="confirmed", rank_from=0):
    """``count`` people of ``organisation`` registered for ``event`` (in bulk)."""
    from members.models import Membership

    users = UserFactory.create_batch(count)
    Membership.objects.bulk_create(
        [Membership(user=u, organisation=organisation, role="colleague") for u in users]
    )
    Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                user=u,
                organisation=organisation,
                status=status,
                waiting_rank=rank_from + n + 1 if status == "waiting" else None,
            )
            for n, u in enumerate(users)
        ]
    )


def test_secondary_pages_keep_their_query_count_as_registrations_grow(
    client, staff, owner, organisation
):
    """Staff board, attendee list, waiting list, check-in, CSV, a registration, a seat
    offer, My events with colleagues' registrations, and the pages that show the events
    panels: the same number of queries with 3 or 150 registrations per event."""
    from datetime import timedelta as td

    from events import services

    market = MarketFactory(theme="hydrogen")
    offered_user = UserFactory()

    def scenario(size: int, offset: int):
        event = EventFactory(capacity=size * 2, markets=[market], organiser=organisation)
        add_registrations(event, size, organisation)
        add_registrations(event, size, organisation, status="waiting")
        other = EventFactory(markets=[market])
        own = Registration.objects.create(
            event=other, user=owner, organisation=organisation, status="confirmed"
        )
        offer = Registration.objects.create(
            event=other,
            user=offered_user,
            status="offered",
            offered_at=timezone.now(),
            offer_expires_at=timezone.now() + td(hours=20),
        )
        claim = reverse("events:offer-claim", kwargs={"token": services.offer_token(offer)})
        colleague_registration = event.registrations.exclude(user=owner).first()
        staff_urls = [
            reverse("events:staff-board"),
            reverse("events:event-attendees", kwargs={"slug": event.slug}),
            reverse("events:event-attendees", kwargs={"slug": event.slug}) + "?status=confirmed",
            reverse("events:event-checkin", kwargs={"slug": event.slug}),
            reverse("events:event-checkin", kwargs={"slug": event.slug}) + "?q=a",
            reverse("events:event-attendees-csv", kwargs={"slug": event.slug}),
            reverse("events:registration-detail", kwargs={"pk": colleague_registration.pk}),
            event.get_absolute_url(),
        ]
        owner_urls = [
            reverse("events:my-events"),
            reverse("events:registration-detail", kwargs={"pk": colleague_registration.pk}),
            reverse("events:registration-detail", kwargs={"pk": own.pk}),
            reverse("dashboard"),
            reverse("home"),
            market.get_absolute_url(),
            organisation.get_absolute_url(),
        ]
        return staff_urls, owner_urls, [claim]

    def count_all(urls_by_user):
        counts = {}
        for person, urls in urls_by_user:
            client.force_login(person)
            counts.update({f"{person.pk}:{k}": v for k, v in measure(client, urls).items()})
        return counts

    staff_urls, owner_urls, claim_urls = scenario(3, 0)
    by_user = [(staff, staff_urls), (owner, owner_urls), (offered_user, claim_urls)]
    count_all(by_user)  # warm-up
    small = count_all(by_user)
    staff_urls, owner_urls, claim_urls = scenario(150, 1000)
    by_user_large = [(staff, staff_urls), (owner, owner_urls), (offered_user, claim_urls)]
    large = count_all(by_user_large)
    assert list(large.values()) == list(small.values()), (small, large)
    assert max(small.values()) <= 25, small
