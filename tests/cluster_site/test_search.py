"""The portal-wide search page."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, MarketFactory

pytestmark = pytest.mark.django_db


def unmarked(response) -> str:
    """The page without the <mark> tags of the highlighted words."""
    return response.content.decode().replace("<mark>", "").replace("</mark>", "")


def test_search_finds_published_news_and_markets(client):
    MarketFactory(name="Hydrogène", tagline="Piles à combustible et stockage")
    ArticleFactory(title="Journée de la mobilité hydrogène", excerpt="Rencontre")
    ArticleFactory(title="Hydrogène secret", status="draft")
    html = unmarked(client.get(reverse("search"), {"q": "hydrogène"}))
    assert "Journée de la mobilité hydrogène" in html
    assert "Piles à combustible" in html
    assert "Hydrogène secret" not in html


def test_search_ignores_accents_on_every_database(client):
    ArticleFactory(title="Véhicule électrique partagé")
    html = unmarked(client.get(reverse("search"), {"q": "vehicule electrique"}))
    assert "Véhicule électrique partagé" in html


def test_search_needs_two_characters_and_says_when_nothing_matches(client):
    assert "au moins deux caractères" in unmarked(client.get(reverse("search"), {"q": "a"}))
    html = unmarked(client.get(reverse("search"), {"q": "zzzzzz"}))
    assert "Rien ne correspond" in html
