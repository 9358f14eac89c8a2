"""Consortium partners are chosen by typing a name, not in a <select> of every member: the
forms stay light with thousands of organisations and work without JavaScript."""

import json

import pytest
from django.urls import reverse

from members.models import Organisation
from projects.models import Participation
from tests.factories import MarketFactory, StaffFactory, UserFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import FundingProgrammeFactory, ProjectFactory, admin_of, colleague_of
from tests.projects.test_project_submit import form_data

pytestmark = pytest.mark.django_db
URL = reverse("projects:project-create")
SEARCH = reverse("projects:organisation-search")


@pytest.fixture
def submitter(db):
    coordinator = OrganisationFactory(name="Coordinatrice")
    return {"user": admin_of(coordinator), "coordinator": coordinator}


def submit(client, submitter, partner_text, **changes):
    client.force_login(submitter["user"])
    data = form_data(
        submitter["coordinator"],
        FundingProgrammeFactory(slug="pspc"),
        MarketFactory(),
        **{"partners-0-organisation": partner_text, **changes},
    )
    return client.post(URL, data)


def partner_error(response):
    return response.context["partners"].forms[0].errors["organisation"][0]


@pytest.mark.parametrize(
    "typed",
    [
        "Forge Alsacienne",
        "  forge   ALSACIENNE ",
        "Forge Alsacienne (Colmar)",
        "forge alsacienne (colmar)",
    ],
)
def test_a_typed_name_or_suggestion_label_finds_the_organisation(client, submitter, typed):
    forge = OrganisationFactory(name="Forge Alsacienne", city="Colmar")

    response = submit(client, submitter, typed)

    assert response.status_code == 302, response.context and response.context["partners"].errors
    assert Participation.objects.filter(organisation=forge, role="partner").exists()


def test_namesakes_are_told_apart_by_their_town(client, submitter):
    OrganisationFactory(name="Mécanique Précise", city="Dole")
    belfort = OrganisationFactory(name="Mécanique Précise", city="Belfort")

    ambiguous = submit(client, submitter, "Mécanique Précise")

    assert ambiguous.status_code == 200
    assert "Plusieurs organisations adhérentes" in partner_error(ambiguous)
    html = ambiguous.content.decode()
    # Without JavaScript, the field's own suggestion list offers both.
    assert 'list="id_partners-0-organisation-choices"' in html
    assert '<option value="Mécanique Précise (Belfort)">' in html
    assert '<option value="Mécanique Précise (Dole)">' in html
    assert not Participation.objects.filter(role="partner").exists()

    chosen = submit(client, submitter, "Mécanique Précise (Belfort)")

    assert chosen.status_code == 302
    assert Participation.objects.get(role="partner").organisation == belfort


def test_a_near_miss_gets_close_matches_and_saves_nothing(client, submitter):
    OrganisationFactory(name="Institut Mobilité Avancée", city="Metz")

    response = submit(client, submitter, "mobilité")

    assert response.status_code == 200
    error = partner_error(response)
    assert "Institut Mobilité Avancée (Metz)" in error
    assert '<option value="Institut Mobilité Avancée (Metz)">' in response.content.decode()
    assert not Participation.objects.exists()


def test_an_unknown_name_says_where_outside_partners_go(client, submitter):
    response = submit(client, submitter, "Zorglub Industries")

    assert "partenaires hors du pôle" in partner_error(response)
    assert not Participation.objects.exists()


def test_a_lapsed_organisation_cannot_be_added(client, submitter):
    OrganisationFactory(name="Ancienne Adhérente", membership_status=Organisation.Status.LAPSED)

    response = submit(client, submitter, "Ancienne Adhérente")

    assert response.status_code == 200
    assert not Participation.objects.exists()


def test_the_form_no_longer_lists_every_member(client, submitter):
    Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Adhérente en masse {n}",
                slug=f"adherente-en-masse-{n}",
                city="Nancy",
                region="grand-est",
                kind="company",
                pitch="-",
                membership_status="active",
            )
            for n in range(2000)
        ]
    )
    client.force_login(submitter["user"])

    html = client.get(URL).content.decode()

    assert "Adhérente en masse" not in html
    assert len(html) < 120_000
    assert 'list="organisation-choices"' in html
    assert f'data-organisation-search="{SEARCH}"' in html


def test_staff_type_the_coordinator_when_they_could_pick_any_member(client):
    OrganisationFactory.create_batch(31)
    coordinator = OrganisationFactory(name="Choisie par l'équipe", city="Troyes")
    client.force_login(StaffFactory())

    form = client.get(URL).context["form"]
    assert form.fields["coordinator"].widget.input_type == "text"

    data = form_data(coordinator, FundingProgrammeFactory(slug="pspc"), MarketFactory())
    data["coordinator"] = "Choisie par l'équipe (Troyes)"
    response = client.post(URL, data)
    assert response.status_code == 302
    assert Participation.objects.get(role="coordinator").organisation == coordinator


def test_an_existing_partner_shows_as_its_name_without_extra_queries(
    client, django_assert_max_num_queries
):
    coordinator = OrganisationFactory()
    partners = OrganisationFactory.create_batch(12)
    project = ProjectFactory(coordinator=coordinator, partners=partners)
    client.force_login(admin_of(coordinator))

    with django_assert_max_num_queries(20):
        response = client.get(reverse("projects:project-consortium", args=[project.slug]))

    html = response.content.decode()
    for partner in partners:
        assert f'value="{partner.name} (Besançon)"' in html


# The suggestions behind the field (JavaScript asks them as one types).


def test_suggestions_lead_with_names_that_start_with_the_text(client, submitter):
    OrganisationFactory(name="Laboratoire Batteries Est", city="Metz")
    OrganisationFactory(name="Batteries du Doubs", city="Besançon")
    OrganisationFactory(name="Sans rapport", city="Dijon")
    OrganisationFactory(name="Batteries anciennes", membership_status="former")
    client.force_login(submitter["user"])

    response = client.get(SEARCH, {"q": "batteries"})

    assert response.status_code == 200
    assert json.loads(response.content)["results"] == [
        "Batteries du Doubs (Besançon)",
        "Laboratoire Batteries Est (Metz)",
    ]
    assert response["Cache-Control"].startswith("private")


def test_a_picked_label_finds_itself(client, submitter):
    OrganisationFactory(name="Voltaria (démo)", city="Besançon")
    client.force_login(submitter["user"])

    results = client.get(SEARCH, {"q": "Voltaria (démo) (Besançon)"}).json()["results"]

    assert results == ["Voltaria (démo) (Besançon)"]


def test_suggestions_are_for_the_people_who_fill_consortia(client, submitter):
    assert client.get(SEARCH, {"q": "co"}).status_code == 302
    client.force_login(UserFactory())
    assert client.get(SEARCH, {"q": "co"}).status_code == 403
    client.force_login(colleague_of(submitter["coordinator"]))
    assert client.get(SEARCH, {"q": "co"}).status_code == 403
    client.force_login(StaffFactory())
    assert client.get(SEARCH, {"q": "co"}).json()["results"] == ["Coordinatrice (Besançon)"]


@pytest.mark.parametrize("count", [10, 3000])
def test_suggestions_are_few_and_cost_the_same_whatever_the_directory(
    client, submitter, django_assert_max_num_queries, count
):
    Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Atelier {n}",
                slug=f"atelier-{n}",
                city="Dijon",
                region="bfc",
                kind="company",
                pitch="-",
                membership_status="active",
            )
            for n in range(count)
        ]
    )
    client.force_login(submitter["user"])

    # The person, their right to ask, the membership settings (cached afterwards), the search.
    with django_assert_max_num_queries(8):
        results = client.get(SEARCH, {"q": "atelier"}).json()["results"]

    assert len(results) == min(count, 8)
