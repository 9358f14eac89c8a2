"""Every business-meeting page makes at most 12 queries, at 6 as at 60 participants."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.matchmaking import services
from events.models import Meeting
from tests.events.meeting_factories import meeting_day, participant, request
from tests.factories import MarketFactory

pytestmark = pytest.mark.django_db

BUDGET = 12


def build(size: int):
    day = meeting_day(tables=max(size // 2, 2), last=__import__("datetime").time(17, 0))
    market = MarketFactory()
    people = [participant(day) for _index in range(size)]
    for profile in people:
        profile.markets.add(market)
    for index, profile in enumerate(people):
        for step in (1, 2):
            other = people[(index + step) % size]
            request(profile, other, status=Meeting.Status.ACCEPTED)
        profile.unavailable_slots.add(day.slots.first())
    services.placement_run(matchmaking=day)
    services.schedule_publish(matchmaking=day)
    return day, people


def pages(day, profile):
    slug = day.event.slug
    return {
        "participant": [
            reverse("events:meetings-home", args=[slug]),
            reverse("events:meetings-profile", args=[slug]),
            reverse("events:meetings-directory", args=[slug]),
            reverse("events:meetings-directory", args=[slug]) + "?language=fr&kind=company&q=e",
            reverse("events:meetings-participant", args=[slug, profile.pk + 1]),
            reverse("events:meetings-agenda", args=[slug]),
            reverse("events:meetings-agenda-ics", args=[slug]),
        ],
        "staff": [
            reverse("events:meetings-grid", args=[slug]),
            reverse("events:meetings-print", args=[slug]),
            reverse("events:meetings-day", args=[slug]),
        ],
    }


@pytest.mark.parametrize("size", [6, 60])
def test_pages_stay_within_the_budget(client, staff, size):
    day, people = build(size)
    urls = pages(day, people[0])
    counts = {}
    client.force_login(people[0].registration.user)
    for address in urls["participant"]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address)
        assert response.status_code == 200, address
        counts[address] = len(queries)
    client.force_login(staff)
    for address in urls["staff"]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address)
        assert response.status_code == 200, address
        counts[address] = len(queries)
    over = {address: n for address, n in counts.items() if n > BUDGET}
    assert not over, over
