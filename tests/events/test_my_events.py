from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Registration
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_my_events_lists_upcoming_and_past_with_waiting_position(client, user):
    upcoming = RegistrationFactory(user=user, event=EventFactory(title="Atelier à venir"))
    full = EventFactory(title="Conférence complète", capacity=0)
    RegistrationFactory(event=full, status=Registration.Status.WAITING, waiting_rank=1)
    RegistrationFactory(event=full, user=user, status=Registration.Status.WAITING, waiting_rank=2)
    past_event = EventFactory(
        title="Visite passée",
        start=timezone.now() - timedelta(days=5),
        end=timezone.now() - timedelta(days=5) + timedelta(hours=2),
    )
    RegistrationFactory(user=user, event=past_event, status=Registration.Status.ATTENDED)
    RegistrationFactory(event=(title_event := EventFactory(title="Pas à moi")))
    client.force_login(user)
    response = client.get(reverse("events:my-events"))
    html = response.content.decode()
    assert "Atelier à venir" in html and "Conférence complète" in html
    assert "Position 2" in html
    assert "Visite passée" in html
    assert title_event.title not in html
    assert reverse("events:registration-cancel", kwargs={"pk": upcoming.pk}) in html
    feed = user.calendar_feed
    assert feed.get_absolute_url() in html


def test_my_events_needs_login(client):
    response = client.get(reverse("events:my-events"))
    assert response.status_code == 302 and reverse("account_login") in response.url
