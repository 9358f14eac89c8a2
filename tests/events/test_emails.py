"""Emails go out in the recipient's own language (``user.language``), links included."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events import services
from events.models import Registration
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(
        title="Atelier batteries",
        title_en="Battery workshop",
        capacity=1,
        online_url="https://visio.example/room",
    )


def test_confirmation_in_english_for_an_english_speaker(event, mail_on_commit):
    person = UserFactory(language="en")
    with mail_on_commit():
        services.registration_create(event=event, user=person)
    (message,) = mail.outbox
    assert "Battery workshop" in message.subject
    assert "Your seat is confirmed" in message.subject
    assert "Your registration is confirmed" in message.body
    assert "/en/events/" in message.body and "Atelier" not in message.body
    assert "https://visio.example/room" in message.body
    filename, content, _mimetype = message.attachments[0]
    assert "SUMMARY:Battery workshop" in content
    assert "Online link: https://visio.example/room" in content


def test_each_person_gets_their_own_language(event, mail_on_commit):
    french = UserFactory(language="fr")
    english = UserFactory(language="en")
    with mail_on_commit():
        first = services.registration_create(event=event, user=french)
        services.registration_create(event=event, user=english)  # full: waiting list
    with mail_on_commit():
        services.registration_cancel(registration=first, by=french)
    by_person = {}
    for message in mail.outbox:
        by_person.setdefault(message.to[0], []).append(message.subject)
    assert any("Votre place est confirmée" in s for s in by_person[french.email])
    assert any("Inscription annulée" in s for s in by_person[french.email])
    english_subjects = by_person[english.email]
    assert any("You are on the waiting list" in s for s in english_subjects)
    assert any("A seat is free for you" in s for s in english_subjects)
    offer = next(m for m in mail.outbox if m.to == [english.email] and "/offers/" in m.body)
    assert re.search(r"/en/events/offers/\S+/", offer.body)
    assert "Claim your seat before" in offer.body


def test_reminder_in_english(mail_on_commit):
    event = EventFactory(title_en="Hydrogen day", start=timezone.now() + timedelta(hours=20))
    registration = RegistrationFactory(
        event=event, user=UserFactory(language="en"), status=Registration.Status.CONFIRMED
    )
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - timedelta(days=20)
    )
    with mail_on_commit():
        services.reminders_send()
    (message,) = mail.outbox
    assert message.subject.endswith("Tomorrow: Hydrogen day")
    assert "takes place tomorrow" in message.body
