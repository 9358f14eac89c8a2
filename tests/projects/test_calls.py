import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from projects.models import Call
from tests.factories import MarketFactory
from tests.projects.factories import CallFactory, PartnerSearchFactory, colleague_of

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_open_calls_are_listed_for_everyone_and_past_ones_apart(client):
    CallFactory(title="Appel ouvert")
    CallFactory(title="Appel clos", deadline=TODAY - datetime.timedelta(days=1))
    CallFactory(title="Appel brouillon", status=Call.Status.DRAFT)

    html = client.get(reverse("projects:call-list")).content.decode()
    past = client.get(reverse("projects:call-list"), {"past": "1"}).content.decode()

    assert "Appel ouvert" in html
    assert "Appel clos" not in html and "Appel brouillon" not in html
    assert "Appel clos" in past and "Appel ouvert" not in past


def test_calls_are_filtered_by_market(client):
    electric = MarketFactory(theme="electric")
    CallFactory(title="Appel batteries", markets=[electric])
    CallFactory(title="Appel autre", markets=[MarketFactory(theme="hydrogen")])

    html = client.get(reverse("projects:call-list"), {"market": electric.slug}).content.decode()

    assert "Appel batteries" in html and "Appel autre" not in html


def test_call_page_shows_partner_searches_to_members_only(client, organisation):
    call = CallFactory(title="Un appel", link="https://financeur.example/appel")
    PartnerSearchFactory(title="Cherche labo pour l'appel", call=call)

    visitor = client.get(call.get_absolute_url()).content.decode()
    assert "https://financeur.example/appel" in visitor
    assert "Cherche labo" not in visitor

    client.force_login(colleague_of(organisation))
    assert "Cherche labo" in client.get(call.get_absolute_url()).content.decode()


def test_a_draft_call_is_404_for_visitors(client):
    call = CallFactory(status=Call.Status.DRAFT)

    assert client.get(call.get_absolute_url()).status_code == 404


def test_a_call_summary_with_an_ampersand_is_escaped_once(client):
    CallFactory(summary="Projets de R&D sur les batteries.")

    html = client.get(reverse("projects:call-list")).content.decode()

    assert "R&amp;D" in html
    assert "&amp;amp;" not in html
