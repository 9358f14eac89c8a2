"""Training sessions in the personal calendar feed, parsed back with icalendar."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.trainings.factories import EnrolmentFactory, SessionFactory
from trainings.calendar import personal_entries
from trainings.models import Enrolment, Session

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def person(db):
    return UserFactory()


def parsed(events) -> list[icalendar.Event]:
    calendar = icalendar.Calendar()
    for event in events:
        calendar.add_component(event)
    return list(icalendar.Calendar.from_ical(calendar.to_ical()).walk("VEVENT"))


def test_one_event_per_session_with_paris_times(person):
    session = SessionFactory(start_date=timezone.localdate() + timedelta(days=20))
    EnrolmentFactory(session=session, participant_user=person, status=Enrolment.Status.CONFIRMED)
    [event] = parsed(personal_entries(person))
    assert str(event["UID"]) == f"training-session-{session.pk}@vehicle-of-the-future.example"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime.combine(session.start_date, time(9, 0), tzinfo=PARIS)
    assert end == datetime.combine(session.end_date, time(17, 0), tzinfo=PARIS)
    assert start.tzinfo.key == "Europe/Paris"
    assert str(event["SUMMARY"]) == f"Formation : {session.training.title}"
    assert str(event["LOCATION"]) == "Salle Peugeot, 1 rue de la Démonstration, 25460 Étupes"
    assert str(event["URL"]).endswith(session.training.get_absolute_url())
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event.decoded("LAST-MODIFIED").tzinfo is not None
    assert int(event["SEQUENCE"]) > 0


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Enrolment.Status.REQUESTED, "TENTATIVE"),
        (Enrolment.Status.WAITING_LIST, "TENTATIVE"),
        (Enrolment.Status.CONFIRMED, "CONFIRMED"),
        (Enrolment.Status.ATTENDED, "CONFIRMED"),
        (Enrolment.Status.CANCELLED, "CANCELLED"),
    ],
)
def test_status_follows_the_request(person, status, expected):
    EnrolmentFactory(participant_user=person, status=status)
    [event] = parsed(personal_entries(person))
    assert str(event["STATUS"]) == expected


def test_a_cancelled_session_is_cancelled_in_the_calendar(person):
    session = SessionFactory(status=Session.Status.CANCELLED)
    EnrolmentFactory(session=session, participant_user=person, status="confirmed")
    [event] = parsed(personal_entries(person))
    assert str(event["STATUS"]) == "CANCELLED"


def test_sequence_grows_when_the_request_changes(person):
    enrolment = EnrolmentFactory(participant_user=person)
    [before] = parsed(personal_entries(person))
    Enrolment.objects.filter(pk=enrolment.pk).update(
        status="confirmed", updated_at=timezone.now() + timedelta(hours=1)
    )
    [after] = parsed(personal_entries(person))
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")
    assert str(after["UID"]) == str(before["UID"])


def test_only_the_participant_sees_the_session(person):
    requester = UserFactory()
    EnrolmentFactory(requester=requester, participant_user=person)
    EnrolmentFactory()
    assert len(personal_entries(person)) == 1
    assert personal_entries(requester) == []


def test_a_request_made_by_email_counts_for_the_account_with_that_email(person):
    EnrolmentFactory(participant_email=person.email.upper())
    assert len(personal_entries(person)) == 1


def test_a_new_request_after_a_cancelled_one_keeps_one_event(person):
    session = SessionFactory()
    EnrolmentFactory(session=session, participant_user=person, status="cancelled")
    EnrolmentFactory(session=session, participant_user=person, status="requested")
    [event] = parsed(personal_entries(person))
    assert str(event["STATUS"]) == "TENTATIVE"


def test_remote_session_location(person):
    session = SessionFactory(venue="", address="", postcode="", city="")
    EnrolmentFactory(session=session, participant_user=person)
    [event] = parsed(personal_entries(person))
    assert "À distance" in str(event["LOCATION"])
