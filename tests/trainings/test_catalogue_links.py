"""Addresses of the catalogue shared before its filters moved to a FilterSet (the chips'
links) keep giving the same lists; bad values are ignored, ``1`` alone switches a flag."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from content.models import Market
from tests.factories import MarketFactory
from tests.trainings.factories import CertifyingTrainingFactory, SessionFactory, TrainingFactory
from trainings.models import Training

pytestmark = pytest.mark.django_db
URL = reverse("trainings:training-list")


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [training.title for training in response.context["page_obj"].object_list]


@pytest.fixture
def catalogue():
    """14 hydrogen safety trainings (12 on a page), sessions for the first ones; two
    electric ones, one of them certifying and remote."""
    markets = {theme: MarketFactory(theme=theme) for theme in Market.Theme.values}
    today = timezone.localdate()
    for number in range(1, 15):
        training = TrainingFactory(
            title=f"Hydrogene {number:02d}",
            objectives="Stocker l'hydrogène en sécurité",
            markets=[markets["hydrogen"]],
            theme=Training.Theme.SAFETY,
            format=Training.Format.IN_PERSON,
        )
        if number <= 3:
            SessionFactory(training=training, start_date=today + timedelta(days=number))
    CertifyingTrainingFactory(
        title="Batteries certifiante",
        markets=[markets["electric"]],
        format=Training.Format.REMOTE,
    )
    TrainingFactory(title="Batteries simple", markets=[markets["electric"]])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("market=electric", ["Batteries certifiante", "Batteries simple"]),
        ("market=hydrogen&q=hydrogene&page=2", ["Hydrogene 13", "Hydrogene 14"]),
        ("market=hydrogen&upcoming=1", ["Hydrogene 01", "Hydrogene 02", "Hydrogene 03"]),
        ("theme=technology", ["Batteries certifiante", "Batteries simple"]),
        ("format=remote", ["Batteries certifiante"]),
        ("certifying=1", ["Batteries certifiante"]),
        ("market=electric&certifying=1&q=batteries", ["Batteries certifiante"]),
        # Only "1" switches the flags on; unknown values are ignored.
        (
            "market=electric&upcoming=true&certifying=yes",
            ["Batteries certifiante", "Batteries simple"],
        ),
        ("market=electric&upcoming=0&certifying=0", ["Batteries certifiante", "Batteries simple"]),
        (
            "market=nope&theme=nope&format=electric&q=batteries",
            ["Batteries certifiante", "Batteries simple"],
        ),
        ("market=electric&page=abc", ["Batteries certifiante", "Batteries simple"]),
        ("market=electric&page=5", ["Batteries certifiante", "Batteries simple"]),
        # A too long search is cut to its first 100 characters.
        ("q=certifiante" + "+" * 89 + "z" * 50, ["Batteries certifiante"]),
    ],
)
def test_old_addresses_give_the_same_lists(client, catalogue, query, expected):
    assert titles(client.get(f"{URL}?{query}")) == expected


def test_old_addresses_keep_counts_chips_and_the_search_box(client, catalogue):
    response = client.get(f"{URL}?market=hydrogen&theme=safety&upcoming=1&q=hydrogene")
    assert response.context["page_obj"].paginator.count == 3
    html = response.content.decode()
    assert 'id="training-q" name="q" value="hydrogene"' in html
    for hidden in ('market" value="hydrogen', 'theme" value="safety', 'upcoming" value="1'):
        assert f'<input type="hidden" name="{hidden}">' in html
    assert (
        'href="?market=hydrogen&amp;theme=safety&amp;upcoming=1&amp;q=hydrogene&amp;format=remote"'
        in html
    )
    # The chip of a flag in use removes it.
    assert 'href="?market=hydrogen&amp;theme=safety&amp;q=hydrogene" aria-current="true"' in html
    assert "Formations : Hydrogène" in html  # the title names the market
    assert "Effacer les filtres" in html


def test_a_page_of_an_old_address_keeps_its_filters_in_the_links(client, catalogue):
    html = client.get(f"{URL}?market=hydrogen").content.decode()
    assert "market=hydrogen&amp;page=2" in html
    assert titles(client.get(f"{URL}?market=hydrogen&page=2")) == ["Hydrogene 13", "Hydrogene 14"]
