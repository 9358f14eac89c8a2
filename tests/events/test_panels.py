"""The events panels on the home, market, organisation and dashboard pages."""

import pytest
from django.template import RequestContext, Template
from django.test import RequestFactory
from django.urls import reverse

from core import hooks
from events.models import Event
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import MarketFactory

pytestmark = pytest.mark.django_db


def render_slot(slot, obj=None, user=None):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return hooks.render_panels(slot, request, obj)


def test_home_shows_the_next_published_events(client):
    soon = EventFactory(title="Bientôt")
    EventFactory(title="Brouillon caché", status=Event.Status.DRAFT)
    html = client.get(reverse("home")).content.decode()
    assert soon.title in html
    assert "Brouillon caché" not in html
    assert "Prochains événements" in html


def test_market_page_shows_that_markets_events(client):
    electric = MarketFactory(theme="electric")
    hydrogen = MarketFactory(theme="hydrogen")
    EventFactory(title="Sur l'électrique", markets=[electric])
    EventFactory(title="Sur l'hydrogène", markets=[hydrogen])
    html = client.get(electric.get_absolute_url()).content.decode()
    assert "Sur l&#x27;électrique" in html
    assert "hydrogène" not in html.split("Prochains événements sur ce marché")[1][:3000]


def test_organisation_panel_lists_events_as_organiser_or_partner(organisation):
    organised = EventFactory(title="Organisé", organiser=organisation)
    partnered = EventFactory(title="En partenariat")
    partnered.partners.add(organisation)
    EventFactory(title="Sans lien")
    EventFactory(title="Réservé", organiser=organisation, audience=Event.Audience.MEMBERS)
    html = render_slot("organisation", organisation)
    assert organised.title in html and partnered.title in html
    assert "Sans lien" not in html and "Réservé" not in html
    assert "Organisateur" in html and "Partenaire" in html


def test_dashboard_panel_summarises_my_events(client, user):
    RegistrationFactory(user=user, event=EventFactory(title="Mon atelier"))
    client.force_login(user)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Mon atelier" in html
    assert reverse("events:my-events") in html


def test_panels_hide_when_there_is_nothing(organisation, user):
    assert render_slot("home") == "" or "Prochains événements" not in render_slot("home")
    assert "Événements à venir" not in render_slot("organisation", organisation)


def test_template_tag_renders_the_slot():
    EventFactory(title="Par la balise")
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    html = Template('{% load portal %}{% panels "home" %}').render(RequestContext(request, {}))
    assert "Par la balise" in html
