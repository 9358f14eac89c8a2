"""The catalogue: filters, search, and a query count that does not grow with the data."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from content.models import Market
from tests.factories import MarketFactory
from tests.trainings.factories import (
    CertifyingTrainingFactory,
    PastSessionFactory,
    SessionFactory,
    TrainingFactory,
)
from trainings.demo import generate_trainings
from trainings.models import Session, Training

pytestmark = pytest.mark.django_db

URL = reverse("trainings:training-list")


def titles(response) -> list[str]:
    return [training.title for training in response.context["page_obj"].object_list]


@pytest.fixture
def markets():
    return {theme: MarketFactory(theme=theme) for theme in Market.Theme.values}


def test_catalogue_lists_published_trainings_next_session_first(client, markets):
    later = TrainingFactory(title="Plus tard", markets=[markets["electric"]])
    SessionFactory(training=later, start_date=timezone.localdate() + timedelta(days=60))
    sooner = TrainingFactory(title="Bientôt", markets=[markets["electric"]])
    SessionFactory(training=sooner, start_date=timezone.localdate() + timedelta(days=10))
    TrainingFactory(title="Sans date", markets=[markets["electric"]])
    TrainingFactory(title="Brouillon", status=Training.Status.DRAFT)
    assert titles(client.get(URL)) == ["Bientôt", "Plus tard", "Sans date"]


def test_filters_by_market_theme_format_upcoming_and_certifying(client, markets):
    hydrogen = TrainingFactory(
        title="Hydrogène sûr",
        markets=[markets["hydrogen"]],
        theme=Training.Theme.SAFETY,
        format=Training.Format.REMOTE,
    )
    SessionFactory(training=hydrogen)
    battery = CertifyingTrainingFactory(
        title="Batteries certifiante", markets=[markets["electric"]]
    )
    PastSessionFactory(training=battery)
    cancelled = TrainingFactory(title="Session annulée", markets=[markets["electric"]])
    SessionFactory(training=cancelled, status=Session.Status.CANCELLED)
    assert titles(client.get(URL, {"market": "hydrogen"})) == ["Hydrogène sûr"]
    assert titles(client.get(URL, {"theme": "safety"})) == ["Hydrogène sûr"]
    assert titles(client.get(URL, {"format": "remote"})) == ["Hydrogène sûr"]
    assert titles(client.get(URL, {"upcoming": "1"})) == ["Hydrogène sûr"]
    assert titles(client.get(URL, {"certifying": "1"})) == ["Batteries certifiante"]
    response = client.get(URL, {"market": "electric", "certifying": "1"})
    assert titles(response) == ["Batteries certifiante"]
    html = response.content.decode()
    assert 'href="?market=electric&amp;certifying=1&amp;theme=safety"' in html  # filters combine
    assert 'aria-current="true"' in html


def test_unknown_filter_values_are_ignored(client, markets):
    TrainingFactory(markets=[markets["industry"]])
    response = client.get(URL, {"market": "nope", "theme": "nope", "format": "nope"})
    assert response.status_code == 200
    assert len(titles(response)) == 1


def test_search_matches_every_word_in_both_languages(client, markets):
    TrainingFactory(title="Sécurité des batteries", title_en="Battery safety")
    TrainingFactory(
        title="Lean manufacturing", summary="Chasser les gaspillages.", objectives="Agir"
    )
    assert titles(client.get(URL, {"q": "batteries sécurité"})) == ["Sécurité des batteries"]
    assert titles(client.get(URL, {"q": "battery"})) == ["Sécurité des batteries"]
    assert titles(client.get(URL, {"q": "gaspillages"})) == ["Lean manufacturing"]
    assert "Aucune formation ne correspond" in client.get(URL, {"q": "zzz"}).content.decode()


@pytest.mark.postgres
def test_search_ignores_accents_on_postgresql(client, markets):
    TrainingFactory(title="Manipuler l'hydrogène")
    assert len(titles(client.get(URL, {"q": "hydrogene"}))) == 1


def test_english_catalogue(client, markets):
    TrainingFactory(title="Sécurité des batteries", title_en="Battery safety")
    html = client.get("/en" + URL).content.decode()
    assert "Training catalogue" in html
    assert "Battery safety" in html


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_query_count_is_the_same_for_12_and_1200_trainings(
    client, markets, django_assert_max_num_queries
):
    ordered = list(markets.values())
    generate_trainings(12, ordered, timezone.localdate())
    client.get(URL)  # warm caches that every page fills once (sessions, site settings)
    small = count_queries(client, URL)
    small_filtered = count_queries(client, URL + "?market=electric&upcoming=1&q=formation")
    generate_trainings(1200, ordered, timezone.localdate())
    assert Training.objects.count() == 1200
    with django_assert_max_num_queries(small):
        client.get(URL)
    assert count_queries(client, URL) == small
    assert count_queries(client, URL + "?market=electric&upcoming=1&q=formation") == small_filtered
    assert count_queries(client, URL + "?page=50") == small
    assert small <= 6, small


def test_sitemap_lists_published_trainings(client, markets):
    published = TrainingFactory()
    draft = TrainingFactory(status=Training.Status.DRAFT)
    xml = client.get(reverse("sitemap")).content.decode()
    assert published.get_absolute_url() in xml
    assert draft.get_absolute_url() not in xml


def test_site_search_finds_trainings_and_links_to_the_catalogue(client, markets):
    TrainingFactory(title="Sécurité des batteries")
    TrainingFactory(title="Batteries en brouillon", status=Training.Status.DRAFT)
    html = client.get(reverse("search"), {"q": "batteries", "type": "training"}).content.decode()
    assert "Sécurité des <mark>batteries</mark>" in html
    assert "brouillon" not in html
    assert f"{URL}?q=batteries" in html
