"""The site-wide personal feed gathers every app's ``personal_entries(user)``."""

import pytest
from django.urls import reverse
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from core import hooks
from events.models import CalendarFeed
from tests.events.factories import EventFactory, RegistrationFactory
from tests.trainings.factories import SessionFactory
from trainings import services as training_services
from trainings.models import Enrolment

pytestmark = pytest.mark.django_db


def test_feed_gathers_entries_of_every_app(client, user, monkeypatch):
    registration = RegistrationFactory(user=user)
    session = CalendarEvent()
    session.add("uid", "session-1@vehicle-of-the-future.example")
    session.add("summary", "Session de formation")
    session.add("dtstart", registration.event.local_start)
    session.add("dtend", registration.event.local_end)
    session.add("dtstamp", registration.event.start)
    monkeypatch.setitem(hooks._calendars, "tests.trainings", lambda user: [session])
    response = client.get(CalendarFeed.for_user(user).get_absolute_url())
    calendar = Calendar.from_ical(response.content)
    uids = {str(entry["UID"]) for entry in calendar.walk("VEVENT")}
    assert uids == {registration.event.calendar_uid(), "session-1@vehicle-of-the-future.example"}
    assert response["Cache-Control"].startswith("private")


def test_real_training_enrolment_and_event_registration_in_one_feed(client, user):
    """End to end: the person registers for an event and requests a training seat through
    the pages of both apps; the private feed shows both, the training tentative until the
    cluster confirms it, each in Paris time with one VTIMEZONE."""
    event = EventFactory(title="Atelier batteries")
    session = SessionFactory()
    client.force_login(user)
    client.post(reverse("events:registration-create", kwargs={"slug": event.slug}))
    response = client.post(
        reverse("trainings:enrolment-create", args=[session.pk]),
        {
            "requester_first_name": user.first_name,
            "requester_last_name": user.last_name,
            "requester_phone": "03 81 00 00 00",
            "company_name": "Entreprise fictive",
            "company_address": "2 rue du Port",
            "company_postcode": "68100",
            "company_city": "Mulhouse",
            "who": "self",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    enrolment = Enrolment.objects.get(session=session)
    client.logout()

    feed_url = CalendarFeed.for_user(user).get_absolute_url()

    def entries():
        calendar = Calendar.from_ical(client.get(feed_url).content)
        assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
        return {str(entry["UID"]): entry for entry in calendar.walk("VEVENT")}

    training_uid = f"training-session-{session.pk}@vehicle-of-the-future.example"
    found = entries()
    assert set(found) == {event.calendar_uid(), training_uid}
    assert str(found[event.calendar_uid()]["STATUS"]) == "CONFIRMED"
    assert str(found[training_uid]["STATUS"]) == "TENTATIVE"
    assert found[training_uid]["DTSTART"].params["TZID"] == "Europe/Paris"
    assert found[training_uid].decoded("DTSTART").hour == session.start_time.hour

    training_services.enrolment_change_status(enrolment=enrolment, status="confirmed")
    assert str(entries()[training_uid]["STATUS"]) == "CONFIRMED"
