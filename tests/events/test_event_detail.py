"""Who sees what on an event page: drafts, members-only events, venue and online links."""

import json
import re

import pytest
from django.urls import reverse

from events.models import Event, Registration
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://visio.example/room-42"


@pytest.fixture
def event():
    return EventFactory(online_url=SECRET_LINK, audience=Event.Audience.PUBLIC)


def detail(client, event):
    return client.get(reverse("events:event-detail", kwargs={"slug": event.slug}))


def test_visitor_sees_the_city_but_not_the_venue_or_online_link(client, event):
    html = detail(client, event).content.decode()
    assert "Besançon" in html
    assert "Salle des machines" not in html and "12 rue Secrète" not in html
    assert SECRET_LINK not in html
    assert "Se connecter pour s’inscrire" in html


def test_a_registered_person_sees_the_venue_and_online_link(client, event, user):
    RegistrationFactory(event=event, user=user)
    client.force_login(user)
    html = detail(client, event).content.decode()
    assert "Salle des machines" in html and SECRET_LINK in html
    assert "Vous êtes inscrit" in html


def test_waiting_list_sees_position_but_not_the_venue(client, event, user):
    RegistrationFactory(event=event, status=Registration.Status.WAITING, waiting_rank=1)
    RegistrationFactory(event=event, user=user, status=Registration.Status.WAITING, waiting_rank=2)
    client.force_login(user)
    html = detail(client, event).content.decode()
    assert "numéro 2 sur la liste d’attente" in html
    assert SECRET_LINK not in html and "Salle des machines" not in html


def test_members_only_event_is_listed_but_reserved(client, user, member):
    event = EventFactory(audience=Event.Audience.MEMBERS, online_url=SECRET_LINK)
    html = detail(client, event).content.decode()
    assert "Réservé aux adhérents" in html
    client.force_login(user)
    html = detail(client, event).content.decode()
    assert "réservé aux personnes d’une organisation adhérente" in html
    assert 'action="/events/' + event.slug + '/register/"' not in html
    client.force_login(member)
    html = detail(client, event).content.decode()
    assert f'action="/events/{event.slug}/register/"' in html
    assert SECRET_LINK not in html, "still hidden until registered"


def test_drafts_are_for_staff_only(client, user, staff):
    event = EventFactory(status=Event.Status.DRAFT)
    assert detail(client, event).status_code == 404
    client.force_login(user)
    assert detail(client, event).status_code == 404
    client.force_login(staff)
    assert detail(client, event).status_code == 200


def test_cancelled_and_postponed_events_show_a_banner(client):
    cancelled = EventFactory(status=Event.Status.CANCELLED)
    postponed = EventFactory(status=Event.Status.POSTPONED)
    assert "Cet événement est annulé" in detail(client, cancelled).content.decode()
    assert "Cet événement est reporté" in detail(client, postponed).content.decode()


def test_page_carries_schema_org_event_data(client, event):
    html = detail(client, event).content.decode()
    payload = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(payload.group(1))
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["startDate"] == event.local_start.isoformat()
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert SECRET_LINK not in payload.group(1)
    assert reverse("events:event-ics", kwargs={"slug": event.slug}) in html


def test_schema_org_data_cannot_break_out_of_the_script(client):
    event = EventFactory(title="</script><script>alert(1)</script>")
    html = detail(client, event).content.decode()
    assert "<script>alert(1)" not in html


def test_full_event_offers_the_waiting_list(client, user):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    client.force_login(user)
    html = detail(client, event).content.decode()
    assert "Rejoindre la liste d’attente" in html


def test_the_price_line_follows_french_typography(client):
    from decimal import Decimal

    event = EventFactory(
        audience=Event.Audience.PUBLIC,
        price_member=Decimal("0"),
        price_non_member=Decimal("90"),
    )
    html = detail(client, event).content.decode()
    assert "Gratuit pour les adhérents\u202f; 90\u00a0€ pour les non-adhérents" in html
    english = client.get("/en" + event.get_absolute_url()).content.decode()
    assert "Free for members; €90 for non-members" in english
