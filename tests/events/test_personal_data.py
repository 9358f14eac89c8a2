"""Registrations and the calendar token in "download my data" and account deletion."""

import pytest
from django.utils import translation

from accounts.personal_data import deletion_summary, export_user_data, user_delete
from events.models import CalendarFeed, Registration
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_export_holds_registrations_and_feed_token(user):
    registration = RegistrationFactory(user=user)
    feed = CalendarFeed.for_user(user)
    data = export_user_data(user)["events"]
    assert data["registrations"][0]["event"] == registration.event.title
    assert data["registrations"][0]["status"] == "confirmed"
    assert data["calendar_feed"]["token"] == feed.token
    import json

    json.dumps(data)


def test_deletion_gives_the_seat_to_the_waiting_list(user, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, user=user)
    waiting = RegistrationFactory(event=event, status="waiting", waiting_rank=1)
    CalendarFeed.for_user(user)
    with translation.override("en"):
        assert any("registration" in line for line in deletion_summary(user))
    user_pk = user.pk
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=user)
    assert not Registration.objects.filter(user_id=user_pk).exists()
    assert not CalendarFeed.objects.filter(user_id=user_pk).exists()
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.OFFERED
