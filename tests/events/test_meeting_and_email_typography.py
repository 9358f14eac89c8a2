"""French typography (core.typography) on the meeting-day pages and in the emails: dates
"1er décembre 2031 à 9 h", times "9 h 25", amounts "90 €", a no-break space before ":"."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.typography import NBSP, NNBSP
from events import services
from tests.events.factories import EventFactory
from tests.events.meeting_factories import meeting_day, participant
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_meeting_home_prints_dates_and_times_in_french(client):
    day = meeting_day()
    profile = participant(day)
    client.force_login(profile.registration.user)
    html = client.get(reverse("events:meetings-home", args=[day.event.slug])).content.decode()
    planned = timezone.localtime(day.schedule_planned_at)
    assert re.search(rf"{planned.day}(er)? \w+ {planned.year} à \d+{NBSP}h", html), "datetime"
    assert not re.search(r"\b\d{1,2} \w+, \d\d:\d\d\b", html)  # the old "3 December, 14:05"


def test_the_agenda_table_prints_times_the_french_way(client):
    day = meeting_day()
    profile = participant(day)
    client.force_login(profile.registration.user)
    rows = [
        {"start": dt.time(9, 0), "end": dt.time(9, 25), "slot": None, "meeting": None},
    ]
    html = render_to_string(
        "events/meetings/_agenda_table.html",
        {"rows": rows, "event": day.event, "profile": profile},
    )
    assert f"9{NBSP}h–9{NBSP}h{NBSP}25" in html
    assert "09:00" not in html


def test_a_french_confirmation_email_follows_french_typography(mail_on_commit):
    start = timezone.make_aware(dt.datetime(2031, 12, 1, 9, 30))
    event = EventFactory(
        title="Atelier batteries", start=start, end=start + dt.timedelta(hours=3), capacity=5
    )
    person = UserFactory(language="fr")
    with mail_on_commit():
        services.registration_create(event=event, user=person)
    (message,) = mail.outbox
    assert f"1er décembre 2031 à 9{NBSP}h{NBSP}30" in message.body
    assert f"Quand{NBSP}:" in message.body or f"Quand{NNBSP}:" in message.body
    assert not re.search(r"\w :", message.body.replace("https://", ""))


def test_an_english_email_is_left_as_it_is(mail_on_commit):
    start = timezone.make_aware(dt.datetime(2031, 12, 1, 9, 30))
    event = EventFactory(
        title_en="Battery workshop", start=start, end=start + dt.timedelta(hours=3)
    )
    with mail_on_commit():
        services.registration_create(event=event, user=UserFactory(language="en"))
    (message,) = mail.outbox
    assert "When: 1 December 2031 at 9.30" in message.body
    assert NNBSP + ":" not in message.body and NBSP + ":" not in message.body
