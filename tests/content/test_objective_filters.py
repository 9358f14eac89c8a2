"""Every list of items that serve roadmap objectives filters on one (``?objective=<number>``,
``content.filters.ObjectiveFilter``), and an objective's page links to those filtered lists."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from content.models import RoadmapObjective
from tests.events.factories import EventFactory
from tests.factories import ArticleFactory, RoadmapObjectiveFactory
from tests.members.factories import PlatformFactory
from tests.projects.factories import ProjectFactory
from tests.trainings.factories import TrainingFactory

pytestmark = pytest.mark.django_db

# (list address name, factory, the text of an item on its card)
LISTS = {
    "articles": ("content:article-list", ArticleFactory, lambda item: item.title),
    "events": ("events:event-list", EventFactory, lambda item: item.title),
    "trainings": ("trainings:training-list", TrainingFactory, lambda item: item.title),
    "projects": ("projects:project-list", ProjectFactory, lambda item: item.acronym),
    "platforms": ("members:platform-list", PlatformFactory, lambda item: escape(item.name)),
}


@pytest.mark.parametrize("kind", LISTS)
def test_a_list_filtered_on_an_objective_shows_only_its_items(client, in_english, kind):
    url_name, factory, text = LISTS[kind]
    objective = RoadmapObjectiveFactory(title="Former aux métiers")
    other = RoadmapObjectiveFactory()
    serving, elsewhere, untagged = factory(), factory(), factory()
    serving.roadmap_objectives.add(objective)
    elsewhere.roadmap_objectives.add(other)

    url = reverse(url_name)
    html = client.get(url, {"objective": objective.number}).content.decode()

    assert text(serving) in html
    assert text(elsewhere) not in html
    assert text(untagged) not in html
    # The filter shows as a chip, with the link that removes it.
    assert f"Roadmap objective {objective.number}: Former aux métiers" in html
    assert ">Remove this filter</a>" in html
    # Unfiltered, the list shows them all.
    everything = client.get(url).content.decode()
    assert all(text(item) in everything for item in (serving, elsewhere, untagged))


@pytest.mark.parametrize("kind", LISTS)
def test_an_unknown_or_unpublished_objective_is_ignored(client, kind):
    url_name, factory, text = LISTS[kind]
    draft = RoadmapObjectiveFactory(status=RoadmapObjective.Status.DRAFT)
    item = factory()
    for value in (draft.number, 999, "x"):
        response = client.get(reverse(url_name), {"objective": value})
        assert response.status_code == 200
        assert text(item) in response.content.decode()


def test_the_objective_page_links_to_the_filtered_lists(client):
    objective = RoadmapObjectiveFactory()
    for _url_name, factory, _text in LISTS.values():
        factory().roadmap_objectives.add(objective)
    html = client.get(objective.get_absolute_url()).content.decode()
    for url_name, _factory, _text in LISTS.values():
        assert f'href="{reverse(url_name)}?objective={objective.number}"' in html


def test_the_filter_is_kept_by_the_forms_of_the_lists(client):
    """The search and filter forms (projects, platforms, trainings, the events' month)
    carry the objective, so that filtering further keeps it."""
    objective = RoadmapObjectiveFactory()
    hidden = f'type="hidden" name="objective" value="{objective.number}"'
    for url_name in (
        "projects:project-list",
        "members:platform-list",
        "trainings:training-list",
        "events:event-list",
    ):
        html = client.get(reverse(url_name), {"objective": objective.number}).content.decode()
        assert hidden in html or (
            f'name="objective" value="{objective.number}"' in html and 'type="hidden"' in html
        ), url_name
