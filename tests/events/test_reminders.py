from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events.models import Event, Registration
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def run(mail_on_commit):
    with mail_on_commit():
        call_command("send_event_reminders", stdout=StringIO())


def registered_long_ago(event, **kwargs):
    registration = RegistrationFactory(event=event, **kwargs)
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - timedelta(days=30)
    )
    return registration


def test_reminders_go_at_d7_and_d1_and_never_twice(mail_on_commit):
    event = EventFactory(start=timezone.now() + timedelta(days=6, hours=23))
    event.end = event.start + timedelta(hours=2)
    event.save()
    registration = registered_long_ago(event)
    run(mail_on_commit)
    assert len(mail.outbox) == 1
    assert "Dans une semaine" in mail.outbox[0].subject
    assert mail.outbox[0].attachments
    run(mail_on_commit)
    assert len(mail.outbox) == 1, "running again every hour sends nothing more"
    # Six days later: the D-1 reminder, once.
    Event.objects.filter(pk=event.pk).update(
        start=timezone.now() + timedelta(hours=20), end=timezone.now() + timedelta(hours=22)
    )
    run(mail_on_commit)
    run(mail_on_commit)
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject.startswith("[Véhicule du Futur] Demain")
    registration.refresh_from_db()
    assert registration.reminder_week_sent_at and registration.reminder_day_sent_at


def test_no_reminder_for_the_waiting_list_cancelled_or_cancelled_events(mail_on_commit):
    event = EventFactory(start=timezone.now() + timedelta(hours=12))
    registered_long_ago(event, status=Registration.Status.WAITING, waiting_rank=1)
    registered_long_ago(event, status=Registration.Status.CANCELLED)
    cancelled_event = EventFactory(
        start=timezone.now() + timedelta(hours=12), status=Event.Status.CANCELLED
    )
    registered_long_ago(cancelled_event)
    run(mail_on_commit)
    assert mail.outbox == []


def test_no_one_week_reminder_for_who_registered_during_the_last_week(mail_on_commit):
    event = EventFactory(start=timezone.now() + timedelta(days=3))
    RegistrationFactory(event=event)
    run(mail_on_commit)
    assert mail.outbox == []


def test_events_far_away_or_over_get_no_reminder(mail_on_commit):
    registered_long_ago(EventFactory(start=timezone.now() + timedelta(days=20)))
    past = EventFactory(
        start=timezone.now() - timedelta(hours=3), end=timezone.now() - timedelta(hours=1)
    )
    registered_long_ago(past)
    run(mail_on_commit)
    assert mail.outbox == []
