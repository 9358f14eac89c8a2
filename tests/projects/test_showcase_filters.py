"""The showcase filters: each one narrows the list, and the partner filter stays light when
hundreds of organisations take part in projects (typed rather than listed)."""

import pytest
from django.urls import reverse

from members.models import Organisation
from projects.forms import ProjectFilterForm
from projects.models import ExternalPartner, Participation, Project
from tests.factories import MarketFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import FundingProgrammeFactory, ProjectFactory

pytestmark = pytest.mark.django_db
LIST = reverse("projects:project-list")


def acronyms(response):
    return {project.acronym for project in response.context["page_obj"].object_list}


def test_each_filter_narrows_the_list(client):
    electric, hydrogen = MarketFactory(theme="electric"), MarketFactory(theme="hydrogen")
    anr = FundingProgrammeFactory(slug="anr", name="ANR")
    alsace = OrganisationFactory(
        name="Atelier alsacien",
        slug="atelier-alsacien",
        region="grand-est",
        postcode="67000",
        city="Strasbourg",
    )
    doubs = OrganisationFactory(name="Usine du Doubs", region="bfc")
    ProjectFactory(
        acronym="ALPHA",
        markets=[electric],
        coordinator=alsace,
        start_date="2023-02-01",
        end_date="2025-02-01",
    )
    ProjectFactory(
        acronym="BETA",
        markets=[hydrogen],
        programme=anr,
        status=Project.Status.FINISHED,
        coordinator=doubs,
        start_date="2025-02-01",
        end_date="2027-02-01",
    )

    assert acronyms(client.get(LIST, {"market": "electric"})) == {"ALPHA"}
    assert acronyms(client.get(LIST, {"status": "finished"})) == {"BETA"}
    assert acronyms(client.get(LIST, {"programme": "anr"})) == {"BETA"}
    assert acronyms(client.get(LIST, {"year": "2023"})) == {"ALPHA"}
    assert acronyms(client.get(LIST, {"region": "bfc"})) == {"BETA"}
    assert acronyms(client.get(LIST, {"organisation": "atelier-alsacien"})) == {"ALPHA"}
    assert acronyms(client.get(LIST, {"q": "doubs"})) == {"BETA"}
    # A stale link with an unknown value still shows results.
    assert acronyms(client.get(LIST, {"market": "gone", "status": "idea"})) == {"ALPHA", "BETA"}


def many_partners(count: int) -> Project:
    """``count`` public projects, each with its own coordinator: as many partner organisations."""
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Partenaire numéro {n}",
                slug=f"partenaire-numero-{n}",
                city="Dijon",
                region="bfc",
                kind="company",
                pitch="-",
                membership_status="active",
            )
            for n in range(count)
        ]
    )
    projects = Project.objects.bulk_create(
        [
            Project(
                acronym=f"MANY{n}",
                title=f"Projet {n}",
                slug=f"many-{n}",
                summary="-",
                status=Project.Status.RUNNING,
                labelled_on="2024-01-01",
            )
            for n in range(count)
        ]
    )
    Participation.objects.bulk_create(
        [
            Participation(project=project, organisation=organisation, role="coordinator")
            for project, organisation in zip(projects, organisations, strict=True)
        ]
    )
    return projects


def test_few_partners_are_a_list_many_are_typed(client):
    many_partners(ProjectFilterForm.MAX_LISTED_PARTNERS)
    form = client.get(LIST).context["form"]
    assert "partner" not in form.fields
    assert form.fields["organisation"].widget.input_type == "select"

    many_partners_more = OrganisationFactory(name="Une de trop")
    ProjectFactory(acronym="ONEMORE", coordinator=many_partners_more)
    response = client.get(LIST)

    assert response.context["form"].fields["organisation"].widget.input_type == "hidden"
    assert 'name="partner"' in response.content.decode()
    assert "Partenaire numéro 7" not in response.content.decode()


def test_the_typed_partner_finds_member_and_outside_partners(client):
    many_partners(ProjectFilterForm.MAX_LISTED_PARTNERS + 5)
    with_external = ProjectFactory(acronym="WITHEXT")
    ExternalPartner.objects.create(
        project=with_external, name="Institut Fraunhofer fictif", country="DE", kind="research"
    )
    secret = ProjectFactory(acronym="SECRET", visibility=Project.Visibility.CONFIDENTIAL)
    ExternalPartner.objects.create(
        project=secret, name="Institut Fraunhofer fictif", country="DE", kind="research"
    )

    assert acronyms(client.get(LIST, {"partner": "numéro 12"})) == {"MANY12"}
    assert acronyms(client.get(LIST, {"partner": "fraunhofer"})) == {"WITHEXT"}


def test_a_profile_link_still_filters_and_can_be_removed(client):
    many_partners(ProjectFilterForm.MAX_LISTED_PARTNERS + 5)

    response = client.get(LIST, {"organisation": "partenaire-numero-3", "market": ""})

    assert acronyms(response) == {"MANY3"}
    html = response.content.decode()
    assert "Partenaire : Partenaire numéro 3" in html
    assert 'href="?market="' in html  # the link that removes the partner filter


@pytest.mark.parametrize("count", [70, 700])
def test_the_list_weighs_and_costs_the_same_with_many_partners(
    client, django_assert_max_num_queries, count
):
    many_partners(count)

    with django_assert_max_num_queries(20):
        response = client.get(LIST, {"page": 2})

    assert response.status_code == 200
    assert len(response.content) < 90_000
