"""Market, roadmap and news pages: content, filters, languages and query budgets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content.models import Market
from tests.factories import ArticleFactory, MarketFactory, RoadmapObjectiveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def markets():
    return [MarketFactory(theme=theme) for theme, _label in Market.Theme.choices]


def test_market_page_shows_its_text_objectives_and_news(client, markets):
    electric = markets[0]
    electric.challenges = "- Recycler les **cellules**"
    electric.save()
    objective = RoadmapObjectiveFactory(title="Innover ensemble")
    objective.markets.set([electric])
    article = ArticleFactory(title="Batteries solides", markets=[electric])
    other = ArticleFactory(title="Piles à combustible", markets=[markets[1]])
    html = client.get(electric.get_absolute_url()).content.decode()
    assert "<strong>cellules</strong>" in html
    assert objective.title in html
    assert article.title in html
    assert other.title not in html


def test_article_list_filters_by_market_and_kind(client, markets):
    in_market = ArticleFactory(title="Dans le marché", markets=[markets[0]])
    foresight = ArticleFactory(title="Prospective pure", kind="foresight", markets=[markets[1]])
    html = client.get("/news/", {"market": markets[0].slug}).content.decode()
    assert in_market.title in html and foresight.title not in html
    html = client.get("/news/", {"kind": "foresight"}).content.decode()
    assert foresight.title in html and in_market.title not in html
    # An unknown filter value is ignored rather than failing.
    assert client.get("/news/", {"market": "nope", "kind": "nope"}).status_code == 200


def test_article_list_paginates_by_twelve(client):
    for number in range(14):
        ArticleFactory(title=f"Article numéro {number:02d}")
    first = client.get("/news/")
    assert len(first.context["page_obj"].object_list) == 12
    second = client.get("/news/", {"page": 2})
    assert len(second.context["page_obj"].object_list) == 2
    assert client.get("/news/", {"page": 99}).status_code == 200


def test_english_pages_use_the_english_fields_and_fall_back_to_french(client, markets):
    ArticleFactory(title="Titre français", title_en="English title")
    ArticleFactory(title="Seulement en français", title_en="")
    html = client.get("/en/news/").content.decode()
    assert "English title" in html
    assert "Seulement en français" in html
    assert '<html lang="en"' in html


def test_roadmap_lists_objectives_in_order(client):
    RoadmapObjectiveFactory(number=2, title="Deuxième")
    RoadmapObjectiveFactory(number=1, title="Premier")
    html = client.get(reverse("content:roadmap")).content.decode()
    assert html.index("Premier") < html.index("Deuxième")


def make_data(size: int, markets):
    for number in range(size):
        objective = RoadmapObjectiveFactory()
        objective.markets.set(markets[:2])
        ArticleFactory(markets=markets[:2], title=f"Actualité {number}")


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_editorial_pages_make_the_same_few_queries_whatever_the_data_size(client, markets):
    urls = ["/", markets[0].get_absolute_url(), "/news/", "/roadmap/", "/markets/"]
    make_data(2, markets)
    for url in urls:  # warm up: first-use rows (settings singletons) are created once
        client.get(url)
    small = {url: count_queries(client, url) for url in urls}
    make_data(40, markets)
    large = {url: count_queries(client, url) for url in urls}
    assert small == large
    assert max(large.values()) <= 12, large
