"""Events answer the portal-wide search; drafts stay out of it."""

import pytest
from django.urls import reverse

from events.models import Event
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def unmarked(response) -> str:
    """The page without the <mark> tags of the highlighted words."""
    return response.content.decode().replace("<mark>", "").replace("</mark>", "")


def test_search_lists_matching_events_but_not_drafts(client):
    EventFactory(title="Journée hydrogène à Belfort")
    EventFactory(title="Atelier hydrogène en préparation", status=Event.Status.DRAFT)
    html = unmarked(client.get(reverse("search"), {"q": "hydrogène"}))
    assert "Journée hydrogène à Belfort" in html
    assert "Atelier hydrogène en préparation" not in html
