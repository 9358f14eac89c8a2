"""The member's dashboard: open calls and partner searches that fit, best matches first."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import MarketFactory, UserFactory
from tests.members.factories import CompetencyFactory, OrganisationFactory
from tests.projects.factories import CallFactory, PartnerSearchFactory, ProjectFactory, colleague_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(db):
    electric, hydrogen = MarketFactory(theme="electric"), MarketFactory(theme="hydrogen")
    batteries = CompetencyFactory(slug="batteries")
    software = CompetencyFactory(slug="logiciel")
    organisation = OrganisationFactory(markets=[electric], competencies=[batteries, software])
    return {
        "user": colleague_of(organisation),
        "organisation": organisation,
        "electric": electric,
        "hydrogen": hydrogen,
        "batteries": batteries,
        "software": software,
    }


def test_best_matches_come_first_and_non_matches_are_left_out(client, reader):
    r = reader
    PartnerSearchFactory(title="Marché seul", markets=[r["electric"]])
    PartnerSearchFactory(
        title="Deux compétences et le marché",
        markets=[r["electric"]],
        competencies=[r["batteries"], r["software"]],
    )
    PartnerSearchFactory(
        title="Une compétence", competencies=[r["software"]], markets=[r["hydrogen"]]
    )
    PartnerSearchFactory(title="Rien en commun", markets=[r["hydrogen"]])
    PartnerSearchFactory(
        title="Expirée",
        competencies=[r["batteries"]],
        deadline=timezone.localdate() - datetime.timedelta(days=1),
    )
    PartnerSearchFactory(
        title="La mienne", organisation=r["organisation"], competencies=[r["batteries"]]
    )
    CallFactory(title="Appel électrique", markets=[r["electric"]])
    CallFactory(title="Appel hydrogène", markets=[r["hydrogen"]])
    CallFactory(
        title="Appel clos",
        markets=[r["electric"]],
        deadline=timezone.localdate() - datetime.timedelta(days=1),
    )
    client.force_login(r["user"])

    response = client.get(reverse("dashboard"))

    html = response.content.decode()
    assert html.index("Deux compétences et le marché") < html.index("Une compétence")
    assert html.index("Une compétence") < html.index("Marché seul")
    # A call matching one market scores like a post matching one market.
    assert html.index("Une compétence") < html.index("Appel électrique")
    for absent in ("Rien en commun", "Expirée", "La mienne", "Appel hydrogène", "Appel clos"):
        assert absent not in html


def test_an_organisation_without_markets_or_competencies_is_invited_to_add_them(client):
    client.force_login(colleague_of(OrganisationFactory()))

    html = client.get(reverse("dashboard")).content.decode()

    assert "Ajoutez des marchés et des compétences" in html


def test_people_without_an_organisation_get_no_project_cards(client):
    client.force_login(UserFactory())

    html = client.get(reverse("dashboard")).content.decode()

    assert "Appels et recherches de partenaires pour vous" not in html


def test_the_dashboard_lists_my_projects_including_unpublished_ones(client, reader):
    ProjectFactory(acronym="MINESUB", status="submitted", coordinator=reader["organisation"])
    ProjectFactory(acronym="NOTMINE")
    client.force_login(reader["user"])

    html = client.get(reverse("dashboard")).content.decode()

    assert "MINESUB" in html
    assert "NOTMINE" not in html


def test_staff_see_how_many_projects_await_a_decision(client, staff):
    ProjectFactory(status="submitted", labelled_on=None)
    client.force_login(staff)

    html = client.get(reverse("dashboard")).content.decode()

    assert "1 projet attend une décision de labellisation." in html
