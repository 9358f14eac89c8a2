"""A roadmap objective's page: the figures and latest items of every kind that serves it,
gathered from each app's ``objective`` panel, within the query budget; and links to it."""

import pytest
from django.urls import reverse

from content.models import RoadmapObjective
from events.models import Event
from projects.models import Project
from tests.events.factories import EventFactory
from tests.factories import ArticleFactory, RoadmapObjectiveFactory
from tests.members.factories import PlatformFactory
from tests.projects.factories import ProjectFactory
from tests.trainings.factories import TrainingFactory

pytestmark = pytest.mark.django_db


def figure(html: str, kind: str) -> int:
    """The figure of the panel ``kind`` on the page."""
    start = html.index(f'id="objective-{kind}-title"')
    value = html[start:].split('class="objective-figure-value">', 1)[1]
    return int(value.split("<", 1)[0])


def tagged(rows, objective):
    for row in rows:
        row.roadmap_objectives.add(objective)
    return rows


def fill(objective, size: int) -> dict:
    """``size`` public items of each kind serving ``objective``, and some that must not
    show (drafts, confidential projects, other objectives)."""
    return {
        "articles": tagged([ArticleFactory() for _ in range(size)], objective),
        "projects": tagged([ProjectFactory() for _ in range(size)], objective),
        "trainings": tagged([TrainingFactory() for _ in range(size)], objective),
        "events": tagged([EventFactory() for _ in range(size)], objective),
        "platforms": tagged([PlatformFactory() for _ in range(size)], objective),
    }


def test_the_page_shows_the_figures_and_latest_items_of_each_kind(client, in_english):
    objective = RoadmapObjectiveFactory(title="Encourager les projets")
    other = RoadmapObjectiveFactory()
    items = fill(objective, 2)
    # What must not count: a draft article, a confidential project, a draft event, an item
    # of another objective, an item of no objective.
    tagged([ArticleFactory(status="draft", title="Brouillon caché")], objective)
    tagged(
        [ProjectFactory(visibility=Project.Visibility.CONFIDENTIAL, acronym="SECRET")], objective
    )
    tagged([EventFactory(status=Event.Status.DRAFT, title="Événement brouillon")], objective)
    tagged([ArticleFactory(title="Article d'un autre objectif")], other)
    ArticleFactory(title="Article sans objectif")

    response = client.get(reverse("content:objective-detail", args=[objective.number]))
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Encourager les projets</h1>" in html
    expected = {kind: len(rows) for kind, rows in items.items()}
    assert {kind: figure(html, kind) for kind in expected} == expected
    for article in items["articles"]:
        assert article.get_absolute_url() in html
    for project in items["projects"]:
        assert project.get_absolute_url() in html
    for hidden in ("Brouillon caché", "SECRET", "Événement brouillon", "autre objectif"):
        assert hidden not in html
    assert "sans objectif" not in html


def test_the_latest_three_of_each_kind_are_listed(client):
    objective = RoadmapObjectiveFactory()
    articles = tagged([ArticleFactory() for _ in range(5)], objective)
    html = client.get(objective.get_absolute_url()).content.decode()
    assert figure(html, "articles") == 5
    latest = sorted(articles, key=lambda a: a.published_at, reverse=True)
    for article in latest[:3]:
        assert article.get_absolute_url() in html
    for article in latest[3:]:
        assert article.get_absolute_url() not in html


def test_an_objective_nothing_serves_says_so(client, in_english):
    objective = RoadmapObjectiveFactory()
    html = client.get(objective.get_absolute_url()).content.decode()
    assert "Nothing is linked to this objective yet" in html


def test_an_unpublished_objective_is_not_found_by_visitors(client):
    objective = RoadmapObjectiveFactory(status=RoadmapObjective.Status.DRAFT)
    assert client.get(objective.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("size", [1, 6])
def test_query_budget(client, django_assert_max_num_queries, size):
    objective = RoadmapObjectiveFactory()
    RoadmapObjectiveFactory.create_batch(3)
    fill(objective, size)
    with django_assert_max_num_queries(12):
        response = client.get(objective.get_absolute_url())
    assert response.status_code == 200
    assert figure(response.content.decode(), "events") == size


def test_the_roadmap_and_the_home_page_link_to_each_objective(client):
    objectives = RoadmapObjectiveFactory.create_batch(2)
    roadmap = client.get(reverse("content:roadmap")).content.decode()
    home = client.get(reverse("home")).content.decode()
    for objective in objectives:
        url = reverse("content:objective-detail", args=[objective.number])
        assert f'href="{url}"' in roadmap
        assert f'href="{url}"' in home


def test_the_sitemap_lists_every_objective_page_and_the_roadmap(client):
    objectives = RoadmapObjectiveFactory.create_batch(2)
    xml = client.get("/sitemap.xml").content.decode()
    for objective in objectives:
        assert f"/roadmap/{objective.number}/</loc>" in xml
    assert "/roadmap/</loc>" in xml


@pytest.mark.page_cache
def test_tagging_an_item_refreshes_the_visitors_cached_page(client, django_assert_num_queries):
    objective = RoadmapObjectiveFactory()
    url = objective.get_absolute_url()
    assert "Projet étiqueté" not in client.get(url).content.decode()
    with django_assert_num_queries(0):  # served again, from the cache
        client.get(url)

    project = ProjectFactory(title="Projet étiqueté")
    assert "Projet étiqueté" not in client.get(url).content.decode()
    project.roadmap_objectives.add(objective)

    assert "Projet étiqueté" in client.get(url).content.decode()
