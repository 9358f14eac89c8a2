"""Draft and scheduled items stay hidden from visitors; staff preview them with a banner."""

import pytest
from django.test import Client
from django.utils import timezone

from content.models import Article, Market, Page, RoadmapObjective
from tests.factories import (
    ArticleFactory,
    MarketFactory,
    PageFactory,
    RoadmapObjectiveFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
LATER = timezone.timedelta(days=3)


@pytest.fixture
def draft_article():
    return ArticleFactory(slug="brouillon", status=Article.Status.DRAFT)


@pytest.fixture
def scheduled_article():
    return ArticleFactory(slug="programme", published_at=timezone.now() + LATER)


def test_published_queryset_excludes_drafts_and_future_dates(draft_article, scheduled_article):
    live = ArticleFactory(slug="en-ligne")
    assert list(Article.objects.published()) == [live]
    assert scheduled_article.is_scheduled and not scheduled_article.is_live
    assert not draft_article.is_live


@pytest.mark.parametrize("fixture", ["draft_article", "scheduled_article"])
def test_visitors_and_members_get_404_on_unpublished_articles(client, request, fixture):
    article = request.getfixturevalue(fixture)
    assert client.get(article.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(article.get_absolute_url()).status_code == 404


def test_staff_preview_a_draft_with_a_banner(staff_client, draft_article):
    response = staff_client.get(draft_article.get_absolute_url())
    assert response.status_code == 200
    assert "Non publié." in response.content.decode()
    assert "brouillon" in response.content.decode()


def test_staff_preview_a_scheduled_item_with_its_date(staff_client, scheduled_article):
    response = staff_client.get(scheduled_article.get_absolute_url())
    assert response.status_code == 200
    assert "Programmé pour le" in response.content.decode()


def test_scheduled_article_appears_once_its_date_has_come(client, scheduled_article):
    Article.objects.filter(pk=scheduled_article.pk).update(
        published_at=timezone.now() - timezone.timedelta(minutes=1)
    )
    assert client.get(scheduled_article.get_absolute_url()).status_code == 200


def test_lists_and_home_show_published_articles_only(client, draft_article, scheduled_article):
    live = ArticleFactory(title="Titre en ligne")
    for url in ("/news/", "/"):
        html = client.get(url).content.decode()
        assert live.title in html
        assert draft_article.title not in html
        assert scheduled_article.title not in html


def test_unpublished_market_page_and_roadmap_objective_are_hidden(client, staff):
    staff_client = Client()
    staff_client.force_login(staff)
    market = MarketFactory(status=Market.Status.DRAFT)
    objective = RoadmapObjectiveFactory(
        title="Objectif caché", status=RoadmapObjective.Status.DRAFT
    )
    assert client.get(market.get_absolute_url()).status_code == 404
    assert market.name not in client.get("/markets/").content.decode()
    assert objective.title not in client.get("/roadmap/").content.decode()
    assert staff_client.get(market.get_absolute_url()).status_code == 200
    assert objective.title in staff_client.get("/roadmap/").content.decode()


def test_fixed_pages_answer_at_their_addresses_once_published(client):
    PageFactory(role=Page.Role.LEGAL, title="Mentions légales de test")
    PageFactory(role=Page.Role.PRIVACY, status=Page.Status.DRAFT)
    assert "Mentions légales de test" in client.get("/legal-notice/").content.decode()
    assert client.get("/privacy/").status_code == 404
    assert client.get("/about/").status_code == 404


def test_only_one_page_per_fixed_role(db):
    from django.core.exceptions import ValidationError

    PageFactory(role=Page.Role.ABOUT)
    with pytest.raises(ValidationError):
        PageFactory.build(role=Page.Role.ABOUT, slug="autre").full_clean()
