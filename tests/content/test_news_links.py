"""Addresses of the news list shared before its filters moved to a FilterSet (the chips'
links, ``?market=...&kind=...&page=...``) keep giving the same lists; bad values are
ignored and the other filters still apply."""

import pytest
from django.urls import reverse

from content.models import Article, Market
from tests.factories import ArticleFactory, MarketFactory

pytestmark = pytest.mark.django_db
URL = reverse("content:article-list")


def titles(response) -> list[str]:
    assert response.status_code == 200
    return sorted(article.title for article in response.context["page_obj"].object_list)


@pytest.fixture
def news():
    """14 hydrogen news items (12 on a page), electric news and foresight, foresight on no
    market, and an article of a market not published yet."""
    electric, hydrogen = MarketFactory(theme="electric"), MarketFactory(theme="hydrogen")
    draft = MarketFactory(theme="industry", status=Market.Status.DRAFT)
    for number in range(1, 15):
        ArticleFactory(title=f"Hydrogène {number:02d}", markets=[hydrogen])
    ArticleFactory(title="Batteries recyclées", markets=[electric])
    ArticleFactory(title="Veille batteries", kind=Article.Kind.FORESIGHT, markets=[electric])
    ArticleFactory(title="Prospective générale", kind=Article.Kind.FORESIGHT)
    ArticleFactory(title="Usine en brouillon", markets=[draft])


ELECTRIC = ["Batteries recyclées", "Veille batteries"]
FORESIGHT = ["Prospective générale", "Veille batteries"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("market=electric", ELECTRIC),
        ("market=electric&kind=foresight", ["Veille batteries"]),
        ("kind=foresight", FORESIGHT),
        ("kind=news&market=hydrogen&page=2", ["Hydrogène 01", "Hydrogène 02"]),
        ("market=hydrogen&page=2", ["Hydrogène 01", "Hydrogène 02"]),
        # The last of repeated values counts.
        ("market=hydrogen&market=electric", ELECTRIC),
        # Unknown values are ignored, the other filters still apply.
        ("market=nowhere&kind=foresight", FORESIGHT),
        ("market=electric&kind=rumour", ELECTRIC),
        ("market=Electric&kind=FORESIGHT", None),
        ("market=industry&kind=foresight", FORESIGHT),  # a market not published yet
        ("market=electric&page=abc", ELECTRIC),
        ("market=electric&page=9", ELECTRIC),
        ("market=&kind=", None),
    ],
)
def test_old_addresses_give_the_same_lists(client, news, query, expected):
    response = client.get(f"{URL}?{query}")
    if expected is None:  # nothing narrows the list: its first page
        assert response.status_code == 200
        assert response.context["page_obj"].paginator.count == 18
        assert response.context["page_obj"].number == 1
    else:
        assert titles(response) == expected


def test_old_addresses_keep_the_count_the_chips_and_the_title(client, news):
    html = client.get(f"{URL}?market=electric&kind=foresight").content.decode()
    assert "1 article" in html
    assert "<title>Actualités : Électrique" in html
    # The chips of the chosen market and kind are current, the others link to their choice.
    current = 'href="?market=electric&amp;kind=foresight" aria-current="true"'
    assert html.count(current) == 2
    assert 'href="?kind=foresight">' in html  # all markets
    assert 'href="?market=electric">' in html  # all kinds
    assert 'href="?market=hydrogen&amp;kind=foresight">' in html
    assert 'href="?market=electric&amp;kind=news">' in html
    assert "?market=industry" not in html


def test_without_filters_the_all_chips_are_current(client, news):
    html = client.get(f"{URL}?market=nowhere&kind=rumour").content.decode()
    assert html.count('aria-current="true">') == 2
    assert 'href="?kind=rumour" aria-current="true"' in html
    assert 'href="?market=nowhere" aria-current="true"' in html
    assert "<title>Actualités et prospective" in html


def test_a_page_of_an_old_address_keeps_its_filters_in_the_links(client, news):
    html = client.get(f"{URL}?market=hydrogen").content.decode()
    assert "14 articles" in html
    assert "market=hydrogen&amp;page=2" in html
