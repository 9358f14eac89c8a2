import datetime

import pytest
from django.urls import reverse

from projects.models import Project
from projects.templatetags.projects_tags import euros
from tests.factories import MarketFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_figures_are_computed_from_the_labelled_public_projects():
    electric = MarketFactory(theme="electric")
    hydrogen = MarketFactory(theme="hydrogen")
    ProjectFactory(
        total_budget=1_000_000,
        public_funding=400_000,
        labelled_on=datetime.date(2023, 5, 1),
        markets=[electric],
    )
    ProjectFactory(
        total_budget=3_000_000,
        public_funding=1_000_000,
        labelled_on=datetime.date(2023, 9, 1),
        markets=[electric, hydrogen],
    )
    ProjectFactory(
        total_budget=500_000,
        public_funding=0,
        labelled_on=datetime.date(2025, 2, 1),
        markets=[hydrogen],
    )
    # Not counted: never labelled, rejected, members-only, confidential.
    ProjectFactory(total_budget=7, public_funding=0, labelled_on=None, markets=[electric])
    ProjectFactory(
        total_budget=7,
        public_funding=0,
        status=Project.Status.NOT_LABELLED,
        labelled_on=None,
        markets=[electric],
    )
    ProjectFactory(
        total_budget=7, public_funding=0, visibility=Project.Visibility.MEMBERS, markets=[electric]
    )
    ProjectFactory(
        total_budget=7,
        public_funding=0,
        visibility=Project.Visibility.CONFIDENTIAL,
        markets=[hydrogen],
    )

    figures = Project.objects.filter(visibility="public", status__in=Project.SHOWCASE)
    figures = figures.key_figures()

    assert figures["count"] == 3
    assert figures["budget"] == 4_500_000
    assert figures["funding"] == 1_400_000
    by_market = {row["market"].theme: (row["count"], row["budget"]) for row in figures["markets"]}
    assert by_market == {"electric": (2, 4_000_000), "hydrogen": (2, 3_500_000)}
    by_year = [(row["year"], row["count"], row["budget"]) for row in figures["years"]]
    assert by_year == [(2023, 2, 4_000_000), (2025, 1, 500_000)]
    assert [row["bar"] for row in figures["years"]] == [100, 50]


def test_figures_of_nothing_are_zero():
    figures = Project.objects.none().key_figures()

    assert figures == {"count": 0, "budget": 0, "funding": 0, "markets": [], "years": []}


def test_the_projects_page_shows_the_figures_and_says_what_they_count(client):
    ProjectFactory(total_budget=2_500_000, markets=[MarketFactory()])

    html = client.get(reverse("projects:project-list")).content.decode()

    assert "2,5\u00a0M€" in html
    assert "ne sont pas comptés" in html


def test_the_home_page_shows_the_figures(client):
    ProjectFactory(total_budget=2_500_000, markets=[MarketFactory()])

    html = client.get(reverse("home")).content.decode()

    assert "Projets collaboratifs labellisés par le pôle" in html
    assert "2,5\u00a0M€" in html


def test_the_home_page_has_no_project_band_without_labelled_projects(client):
    html = client.get(reverse("home")).content.decode()

    assert "home-projects-title" not in html


@pytest.mark.parametrize(
    ("amount", "french", "english"),
    [
        (0, "0 €", "€0"),
        (8_500, "8 500 €", "€8,500"),
        (850_000, "850 k€", "€850k"),
        (1_000_000, "1 M€", "€1M"),
        (2_450_000, "2,5 M€", "€2.5M"),
        (None, "", ""),
    ],
)
def test_amounts_are_written_compactly(amount, french, english):
    from django.utils import translation

    with translation.override("fr"):
        assert euros(amount).replace("\xa0", " ").replace("\u202f", " ") == french
    with translation.override("en"):
        assert euros(amount) == english


def test_public_figures_are_cached_until_the_data_changes(django_assert_num_queries):
    from projects.views.showcase import public_figures

    market = MarketFactory(theme="electric")
    project = ProjectFactory(total_budget=1_000_000, markets=[market])
    assert public_figures()["budget"] == 1_000_000

    with django_assert_num_queries(1):
        assert public_figures()["count"] == 1

    project.total_budget = 3_000_000
    project.save()
    assert public_figures()["budget"] == 3_000_000
    ProjectFactory(total_budget=1, public_funding=0, visibility="confidential")
    assert public_figures()["count"] == 1
    other = MarketFactory(theme="hydrogen")
    project.markets.add(other)
    assert {row["market"].theme for row in public_figures()["markets"]} == {"electric", "hydrogen"}
    project.delete()
    assert public_figures()["count"] == 0
