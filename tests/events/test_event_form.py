"""The back-office form of events: field errors, time zones, nothing saved on bad input."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from events.forms import EventAdminForm
from events.models import Event
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = {
        "title": "Atelier test",
        "title_fr": "Atelier test",
        "slug": "atelier-test",
        "kind": "workshop",
        "summary": "Un atelier.",
        "summary_fr": "Un atelier.",
        "start": "2031-05-12 09:00",
        "end": "2031-05-12 12:00",
        "timezone": "Europe/Paris",
        "city": "Dijon",
        "capacity": "20",
        "registration_enabled": "on",
        "audience": "public",
        "price_member": "0",
        "price_non_member": "0",
        "status": "published",
    }
    data.update(changes)
    return data


def test_end_before_start_is_a_field_error():
    form = EventAdminForm(data=form_data(end="2031-05-12 08:00"))
    assert not form.is_valid()
    assert "end" in form.errors


def test_negative_capacity_is_a_field_error():
    form = EventAdminForm(data=form_data(capacity="-3"))
    assert not form.is_valid()
    assert "capacity" in form.errors


def test_reserved_slug_and_unknown_time_zone_are_refused():
    form = EventAdminForm(data=form_data(slug="mine", timezone="Mars/Olympus"))
    assert not form.is_valid()
    assert {"slug", "timezone"} <= set(form.errors)


def test_dates_are_typed_in_the_events_time_zone():
    form = EventAdminForm(data=form_data(timezone="America/Montreal", start="2031-05-12 09:00"))
    assert form.is_valid(), form.errors
    event = form.save()
    montreal = ZoneInfo("America/Montreal")
    assert event.start == datetime(2031, 5, 12, 9, 0, tzinfo=montreal)
    again = EventAdminForm(instance=event)
    assert again.initial["start"] == datetime(2031, 5, 12, 9, 0)


def test_admin_add_with_bad_input_saves_nothing(staff_client):
    response = staff_client.post(
        reverse("admin:events_event_add"),
        {**form_data(end="2031-05-11 08:00", capacity="-1"), "start_0": "", "end_0": ""},
    )
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_admin_pages_open(staff_client):
    event = EventFactory()
    for url in (
        reverse("admin:events_event_changelist"),
        reverse("admin:events_event_change", args=[event.pk]),
        reverse("admin:events_registration_changelist"),
        reverse("admin:events_calendarfeed_changelist"),
    ):
        assert staff_client.get(url).status_code == 200, url


def test_cancelling_in_the_back_office_tells_registered_people(staff, mail_on_commit):
    from django.contrib.admin.sites import site
    from django.core import mail
    from django.test import RequestFactory

    from tests.events.factories import RegistrationFactory

    event = EventFactory()
    confirmed = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waiting", waiting_rank=1)
    RegistrationFactory(event=event, status="cancelled")
    model_admin = site._registry[Event]
    request = RequestFactory().post("/")
    request.user = staff
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    form = type("F", (), {"changed_data": ["status"]})()
    event.status = Event.Status.CANCELLED
    with mail_on_commit():
        model_admin.save_model(request, event, form, change=True)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [confirmed.user.email, waiting.user.email]
    )
    assert "annulé" in mail.outbox[0].subject
