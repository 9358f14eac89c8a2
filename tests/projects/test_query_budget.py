"""Project list and detail keep a constant number of queries at 40 and at 4,000 projects."""

import pytest
from django.urls import reverse

from projects.models import ExternalPartner, Participation, Project
from tests.factories import MarketFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import FundingProgrammeFactory, ProjectFactory, colleague_of

pytestmark = pytest.mark.django_db

# The first request also computes the cached key figures (four aggregates).
LIST_BUDGET = 20
DETAIL_BUDGET = 16


def make_projects(count: int) -> Project:
    """``count`` public projects with markets, a consortium of three and an external partner,
    inserted in bulk; returns one of them, fully built."""
    markets = [MarketFactory(theme=theme) for theme in ("electric", "hydrogen", "industry")]
    organisations = [OrganisationFactory() for _ in range(8)]
    programme = FundingProgrammeFactory(slug="i-demo")
    projects = Project.objects.bulk_create(
        [
            Project(
                acronym=f"BULK{n}",
                title=f"Projet {n}",
                slug=f"bulk-{n}",
                summary="Résumé",
                status=Project.Status.RUNNING,
                programme=programme,
                total_budget=1_000_000 + n,
                public_funding=0,
                labelled_on="2024-01-01",
                start_date="2024-01-01",
                end_date="2026-01-01",
            )
            for n in range(count)
        ],
        batch_size=1000,
    )
    through = Project.markets.through
    through.objects.bulk_create(
        [through(project=p, market=markets[i % 3]) for i, p in enumerate(projects)]
        + [through(project=p, market=markets[(i + 1) % 3]) for i, p in enumerate(projects)],
        batch_size=2000,
    )
    Participation.objects.bulk_create(
        [
            Participation(project=p, organisation=organisations[(i + k) % 8], role=role)
            for i, p in enumerate(projects)
            for k, role in enumerate(("coordinator", "partner", "subcontractor"))
        ],
        batch_size=3000,
    )
    ExternalPartner.objects.bulk_create(
        [
            ExternalPartner(project=p, name="Externe", country="DE", kind="research")
            for p in projects
        ],
        batch_size=2000,
    )
    return projects[0], organisations[0]


@pytest.mark.parametrize("count", [40, 4000])
def test_list_queries_do_not_grow(client, django_assert_max_num_queries, count):
    make_projects(count)

    with django_assert_max_num_queries(LIST_BUDGET):
        response = client.get(reverse("projects:project-list"), {"market": "electric", "page": 2})

    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 12


@pytest.mark.parametrize("count", [40, 4000])
def test_detail_queries_do_not_grow(client, django_assert_max_num_queries, count):
    project, organisation = make_projects(count)
    client.force_login(colleague_of(organisation))

    with django_assert_max_num_queries(DETAIL_BUDGET):
        response = client.get(project.get_absolute_url())

    assert response.status_code == 200
    assert response.context["in_consortium"]


@pytest.mark.parametrize("count", [40, 4000])
def test_organisation_profile_and_market_panels_stay_bounded(
    client, django_assert_max_num_queries, count
):
    _, organisation = make_projects(count)

    with django_assert_max_num_queries(25):
        profile = client.get(reverse("members:organisation-detail", args=[organisation.slug]))
    assert profile.status_code == 200
    with django_assert_max_num_queries(25):
        market = client.get(reverse("content:market-detail", args=["electric"]))
    assert market.status_code == 200


def test_a_project_card_shows_everything_the_issue_lists(client):
    project = ProjectFactory(
        acronym="CARD",
        total_budget=2_400_000,
        start_date="2024-01-01",
        end_date="2026-07-01",
        trl_start=4,
        trl_target=7,
        markets=[MarketFactory(theme="hydrogen")],
    )

    html = client.get(reverse("projects:project-list")).content.decode()

    coordinator = project.coordinator
    for text in (
        "CARD",
        project.title,
        "En cours",
        project.programme.name,
        "2,4\u00a0M€",
        "30 mois",
    ):
        assert text in html, text
    assert "4 → 7" in html
    assert coordinator.get_absolute_url() in html
