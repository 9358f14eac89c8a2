"""iCalendar files parsed back with the icalendar library, field by field."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.models import CalendarFeed, Event, Registration
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import MarketFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def entries(calendar: Calendar) -> dict:
    return {str(entry["UID"]): entry for entry in calendar.walk("VEVENT")}


@pytest.fixture
def event():
    start = datetime(2031, 3, 27, 9, 30, tzinfo=PARIS)
    return EventFactory(
        slug="journee-batterie",
        start=start,
        end=start + timedelta(hours=7, minutes=30),
        online_url="https://visio.example/secret-room",
    )


def test_event_ics_has_start_end_time_zone_uid_and_status(client, event):
    calendar = parse(client.get(reverse("events:event-ics", kwargs={"slug": event.slug})))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    timezones = [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]
    assert timezones == ["Europe/Paris"]
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["UID"]) == f"event-{event.pk}@vehicle-of-the-future.example"
    start, end = entry.decoded("DTSTART"), entry.decoded("DTEND")
    assert start == datetime(2031, 3, 27, 9, 30, tzinfo=PARIS)
    assert end == datetime(2031, 3, 27, 17, 0, tzinfo=PARIS)
    assert entry["DTSTART"].params["TZID"] == "Europe/Paris"
    assert str(entry["STATUS"]) == "CONFIRMED"
    assert entry["SEQUENCE"] == 0
    assert str(entry["SUMMARY"]) == event.title
    assert str(entry["URL"]).endswith(event.get_absolute_url())
    # A visitor's file does not give the venue or the online link away.
    assert "Salle des machines" not in response_text(entry)
    assert "secret-room" not in response_text(entry)
    assert str(entry["LOCATION"]) == "Besançon"


def response_text(entry) -> str:
    return entry.to_ical().decode()


def test_a_change_bumps_the_sequence_and_a_cancellation_says_cancelled(client, event):
    url = reverse("events:event-ics", kwargs={"slug": event.slug})
    event.start += timedelta(hours=1)
    event.end += timedelta(hours=1)
    event.save()
    (entry,) = parse(client.get(url)).walk("VEVENT")
    assert entry["SEQUENCE"] == 1
    assert entry.decoded("DTSTART") == datetime(2031, 3, 27, 10, 30, tzinfo=PARIS)
    event.status = Event.Status.CANCELLED
    event.save()
    (entry,) = parse(client.get(url)).walk("VEVENT")
    assert str(entry["STATUS"]) == "CANCELLED"
    assert entry["SEQUENCE"] == 2
    # A change that calendars do not show (the capacity) keeps the version.
    event.capacity = 50
    event.save()
    (entry,) = parse(client.get(url)).walk("VEVENT")
    assert entry["SEQUENCE"] == 2


def test_another_time_zone_is_kept(client):
    montreal = ZoneInfo("America/Montreal")
    start = datetime(2031, 6, 10, 9, 0, tzinfo=montreal)
    event = EventFactory(start=start, end=start + timedelta(hours=2), timezone="America/Montreal")
    calendar = parse(client.get(reverse("events:event-ics", kwargs={"slug": event.slug})))
    (entry,) = calendar.walk("VEVENT")
    assert entry["DTSTART"].params["TZID"] == "America/Montreal"
    assert entry.decoded("DTSTART") == start
    assert "America/Montreal" in [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]


def test_a_registered_person_gets_the_venue_and_online_link(client, event, user):
    RegistrationFactory(event=event, user=user)
    client.force_login(user)
    calendar = parse(client.get(reverse("events:event-ics", kwargs={"slug": event.slug})))
    (entry,) = calendar.walk("VEVENT")
    assert "Salle des machines" in str(entry["LOCATION"])
    assert "secret-room" in str(entry["DESCRIPTION"])


def test_public_feed_lists_public_information_only(client, event):
    cancelled = EventFactory(status=Event.Status.CANCELLED)
    draft = EventFactory(status=Event.Status.DRAFT)
    calendar = parse(client.get(reverse("events:event-feed")))
    found = entries(calendar)
    assert event.calendar_uid() in found
    assert str(found[cancelled.calendar_uid()]["STATUS"]) == "CANCELLED"
    assert draft.calendar_uid() not in found
    assert b"secret-room" not in client.get(reverse("events:event-feed")).content
    assert b"Salle des machines" not in client.get(reverse("events:event-feed")).content
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_market_feed_holds_that_market_only(client):
    electric = MarketFactory(theme="electric")
    hydrogen = MarketFactory(theme="hydrogen")
    in_market = EventFactory(markets=[electric])
    elsewhere = EventFactory(markets=[hydrogen])
    found = entries(
        parse(client.get(reverse("events:market-feed", kwargs={"slug": electric.slug})))
    )
    assert in_market.calendar_uid() in found
    assert elsewhere.calendar_uid() not in found


def personal_feed(client, user):
    return client.get(CalendarFeed.for_user(user).get_absolute_url())


def test_personal_feed_marks_waiting_tentative_and_cancelled_cancelled(client, user):
    confirmed = RegistrationFactory(user=user, event=EventFactory(online_url="https://v.example/x"))
    waiting = RegistrationFactory(user=user, status=Registration.Status.WAITING, waiting_rank=1)
    offered = RegistrationFactory(
        user=user,
        status=Registration.Status.OFFERED,
        offered_at=timezone.now(),
        offer_expires_at=timezone.now() + timedelta(hours=2),
    )
    dropped = RegistrationFactory(user=user, status=Registration.Status.CANCELLED)
    event_cancelled = RegistrationFactory(user=user, event=EventFactory(status="cancelled"))
    someone_else = RegistrationFactory()
    found = entries(parse(personal_feed(client, user)))
    status = {uid: str(entry["STATUS"]) for uid, entry in found.items()}
    assert status == {
        confirmed.event.calendar_uid(): "CONFIRMED",
        waiting.event.calendar_uid(): "TENTATIVE",
        offered.event.calendar_uid(): "TENTATIVE",
        dropped.event.calendar_uid(): "CANCELLED",
        event_cancelled.event.calendar_uid(): "CANCELLED",
    }
    assert someone_else.event.calendar_uid() not in found
    # The venue and online link only for the confirmed seat.
    assert "https://v.example/x" in str(found[confirmed.event.calendar_uid()]["DESCRIPTION"])
    assert "Salle des machines" in str(found[confirmed.event.calendar_uid()]["LOCATION"])
    assert "Salle des machines" not in str(found[waiting.event.calendar_uid()]["LOCATION"])
    entry = found[confirmed.event.calendar_uid()]
    assert entry["DTSTART"].params["TZID"] == "Europe/Paris"
    assert entry.decoded("DTSTART") == confirmed.event.start


def test_personal_feed_needs_no_login_but_the_right_token(client, user):
    RegistrationFactory(user=user)
    assert personal_feed(client, user).status_code == 200
    assert client.get(reverse("personal-calendar", kwargs={"token": "nope"})).status_code == 404


def test_resetting_the_token_kills_the_old_address(client, user):
    feed = CalendarFeed.for_user(user)
    old_url = feed.get_absolute_url()
    client.force_login(user)
    client.post(reverse("events:calendar-feed-reset"))
    assert client.get(old_url).status_code == 404
    feed.refresh_from_db()
    assert client.get(feed.get_absolute_url()).status_code == 200


def test_reset_needs_a_post_and_a_login(client, user):
    feed = CalendarFeed.for_user(user)
    token = feed.token
    client.post(reverse("events:calendar-feed-reset"))
    client.force_login(user)
    client.get(reverse("events:calendar-feed-reset"))
    feed.refresh_from_db()
    assert feed.token == token


def test_feed_is_cached_until_an_event_changes(client, event, django_assert_num_queries):
    url = reverse("events:event-feed")
    client.get(url)
    with django_assert_num_queries(1):
        client.get(url)
    event.title = "Nouveau titre"
    event.save()
    calendar = parse(client.get(url))
    assert str(entries(calendar)[event.calendar_uid()]["SUMMARY"]) == "Nouveau titre"
