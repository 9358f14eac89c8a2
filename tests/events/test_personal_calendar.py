"""The site-wide personal feed gathers every app's ``personal_entries(user)``."""

from types import SimpleNamespace

import pytest
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from cluster_site import calendar as site_calendar
from events.models import CalendarFeed
from tests.events.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_feed_gathers_entries_of_every_app(client, user, monkeypatch):
    registration = RegistrationFactory(user=user)
    session = CalendarEvent()
    session.add("uid", "session-1@vehicle-of-the-future.example")
    session.add("summary", "Session de formation")
    session.add("dtstart", registration.event.local_start)
    session.add("dtend", registration.event.local_end)
    session.add("dtstamp", registration.event.start)
    trainings = SimpleNamespace(__name__="trainings.calendar", personal_entries=lambda u: [session])
    real = site_calendar.app_modules("calendar")
    monkeypatch.setattr(site_calendar, "app_modules", lambda name: [*real, trainings])
    response = client.get(CalendarFeed.for_user(user).get_absolute_url())
    calendar = Calendar.from_ical(response.content)
    uids = {str(entry["UID"]) for entry in calendar.walk("VEVENT")}
    assert uids == {registration.event.calendar_uid(), "session-1@vehicle-of-the-future.example"}
    assert response["Cache-Control"].startswith("private")
