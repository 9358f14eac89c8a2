"""Addresses of the showcase shared before its filters moved to a FilterSet (and the links
from organisation profiles) keep giving the same lists; bad values are ignored."""

import datetime

import pytest
from django.urls import reverse

from members.models import Organisation
from projects.models import ExternalPartner, Participation, Project
from tests.factories import MarketFactory, StaffFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import FundingProgrammeFactory, ProjectFactory

pytestmark = pytest.mark.django_db
LIST = reverse("projects:project-list")


def acronyms(response) -> list[str]:
    assert response.status_code == 200
    return sorted(project.acronym for project in response.context["page_obj"].object_list)


@pytest.fixture
def showcase():
    """14 hydrogen projects of a Doubs coordinator (12 on a page), two electric ones of an
    Alsatian one, an idea only staff see."""
    electric, hydrogen = MarketFactory(theme="electric"), MarketFactory(theme="hydrogen")
    anr = FundingProgrammeFactory(slug="anr", name="ANR")
    doubs = OrganisationFactory(name="Usine du Doubs", slug="usine-du-doubs")
    alsace = OrganisationFactory(
        name="Atelier alsacien", slug="atelier-alsacien", postcode="67000", city="Strasbourg"
    )
    for number in range(1, 15):
        ProjectFactory(
            acronym=f"H{number:02d}",
            title=f"Reservoir hydrogene {number}",
            markets=[hydrogen],
            coordinator=doubs,
            start_date=datetime.date(2022, 3, 1),
        )
    ProjectFactory(
        acronym="ELEC1",
        markets=[electric],
        coordinator=alsace,
        programme=anr,
        status=Project.Status.FINISHED,
        start_date=datetime.date(2023, 3, 1),
    )
    with_external = ProjectFactory(acronym="ELEC2", markets=[electric], coordinator=alsace)
    ExternalPartner.objects.create(
        project=with_external, name="Institut Fraunhofer fictif", country="DE", kind="research"
    )
    ProjectFactory(acronym="IDEA", status=Project.Status.IDEA, markets=[electric])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("market=electric", ["ELEC1", "ELEC2"]),
        ("market=hydrogen&q=reservoir&page=2", ["H13", "H14"]),
        ("status=finished", ["ELEC1"]),
        ("programme=anr", ["ELEC1"]),
        ("year=2023", ["ELEC1"]),
        ("region=grand-est", ["ELEC1", "ELEC2"]),
        ("organisation=atelier-alsacien", ["ELEC1", "ELEC2"]),
        ("q=fraunhofer", ["ELEC2"]),
        ("market=electric&year=2024", ["ELEC2"]),
        # Unknown values are ignored, the other filters still apply.
        ("market=gone&status=idea&year=1999&region=mars&programme=nope", None),
        ("organisation=nope&market=electric", ["ELEC1", "ELEC2"]),
        ("year=abc&market=electric", ["ELEC1", "ELEC2"]),
        ("market=electric&page=abc", ["ELEC1", "ELEC2"]),
        ("market=electric&page=7", ["ELEC1", "ELEC2"]),
        # Few partners: the typed partner is not offered, so it filters nothing.
        ("partner=fraunhofer&market=electric", ["ELEC1", "ELEC2"]),
    ],
)
def test_old_addresses_give_the_same_lists(client, showcase, query, expected):
    response = client.get(f"{LIST}?{query}")
    if expected is None:  # everything on show, first page
        assert response.context["page_obj"].paginator.count == 16
    else:
        assert acronyms(response) == expected


def test_old_addresses_keep_counts_page_links_and_the_form(client, showcase):
    response = client.get(f"{LIST}?market=hydrogen&q=reservoir")
    assert response.context["page_obj"].paginator.count == 14
    assert response.context["filtered"]
    html = response.content.decode()
    assert "market=hydrogen&amp;q=reservoir&amp;page=2" in html
    assert '<option value="hydrogen" selected>' in html
    for name in ("q", "market", "status", "programme", "year", "region", "organisation"):
        assert f'id="id_{name}"' in html
    assert not client.get(f"{LIST}?page=2&market=").context["filtered"]


def test_staff_links_to_any_status_still_work(client, showcase):
    client.force_login(StaffFactory())
    assert acronyms(client.get(f"{LIST}?status=idea")) == ["IDEA"]


def test_with_many_partners_the_typed_partner_and_profile_links_work(client, showcase):
    limit = 60
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Partenaire {n}",
                slug=f"partenaire-{n}",
                city="Dijon",
                region="bfc",
                kind="company",
                pitch="-",
                membership_status="active",
            )
            for n in range(limit)
        ]
    )
    elec1 = Project.objects.get(acronym="ELEC1")
    Participation.objects.bulk_create(
        [Participation(project=elec1, organisation=organisation) for organisation in organisations]
    )
    assert acronyms(client.get(f"{LIST}?partner=fraunhofer")) == ["ELEC2"]
    assert acronyms(client.get(f"{LIST}?partner=partenaire 7")) == ["ELEC1"]
    response = client.get(f"{LIST}?organisation=partenaire-7&market=electric")
    assert acronyms(response) == ["ELEC1"]
    assert response.context["hidden_organisation"].slug == "partenaire-7"
