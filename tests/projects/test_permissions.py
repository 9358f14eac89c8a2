"""Permission matrix: only the coordinator's admins and staff edit a project; the other
partners see it; outsiders see only what is public; visitors are sent to the login page."""

import pytest
from django.urls import reverse

from projects.models import Participation, Project
from tests.factories import MarketFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory, admin_of, colleague_of

pytestmark = pytest.mark.django_db

EDIT_VIEWS = ["project-edit", "project-consortium", "project-status", "project-images"]


@pytest.fixture
def cast(db, staff):
    coordinator = OrganisationFactory()
    partner = OrganisationFactory()
    return {
        "coordinator_admin": admin_of(coordinator),
        "coordinator_colleague": colleague_of(coordinator),
        "partner_admin": admin_of(partner),
        "outsider": admin_of(OrganisationFactory()),
        "anonymous": None,
        "staff": staff,
        "_coordinator": coordinator,
        "_partner": partner,
    }


def project_for(cast, visibility=Project.Visibility.PUBLIC):
    return ProjectFactory(
        title="Titre d'origine",
        coordinator=cast["_coordinator"],
        partners=[cast["_partner"]],
        visibility=visibility,
    )


EDIT_EXPECTED = {
    "coordinator_admin": 200,
    "coordinator_colleague": 403,
    "partner_admin": 403,
    "outsider": 403,
    "anonymous": 302,
    "staff": 200,
}


def edit_data(project, **changes):
    data = {
        "acronym": project.acronym,
        "title": "Titre modifié",
        "summary": project.summary,
        "markets": [MarketFactory().pk],
        "programme": project.programme_id,
        "total_budget": 1000,
        "public_funding": 0,
        "visibility": project.visibility,
    }
    return {**data, **changes}


@pytest.mark.parametrize("who", list(EDIT_EXPECTED))
def test_edit_pages_of_a_public_project(client, cast, who):
    project = project_for(cast)
    if cast[who]:
        client.force_login(cast[who])

    for name in EDIT_VIEWS:
        response = client.get(reverse(f"projects:{name}", args=[project.slug]))
        assert response.status_code == EDIT_EXPECTED[who], name
        if who == "anonymous":
            assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("who", list(EDIT_EXPECTED))
def test_forged_edit_post(client, cast, who):
    project = project_for(cast)
    if cast[who]:
        client.force_login(cast[who])

    response = client.post(
        reverse("projects:project-edit", args=[project.slug]), edit_data(project)
    )

    project.refresh_from_db()
    if who in ("coordinator_admin", "staff"):
        assert response.status_code == 302
        assert project.title == "Titre modifié"
    else:
        assert response.status_code == EDIT_EXPECTED[who]
        assert project.title == "Titre d'origine"


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("coordinator_admin", 200),
        ("coordinator_colleague", 403),
        ("partner_admin", 403),
        ("outsider", 404),
        ("anonymous", 302),
        ("staff", 200),
    ],
)
def test_a_confidential_project_does_not_exist_for_outsiders(client, cast, who, expected):
    project = project_for(cast, Project.Visibility.CONFIDENTIAL)
    if cast[who]:
        client.force_login(cast[who])

    assert client.get(project.get_absolute_url()).status_code in (
        (404, 302) if who in ("outsider", "anonymous") else (200,)
    )
    assert client.get(reverse("projects:project-edit", args=[project.slug])).status_code == (
        expected
    )


@pytest.mark.parametrize("who", ["coordinator_colleague", "partner_admin", "outsider"])
def test_forged_consortium_post_changes_nothing(client, cast, who):
    project = project_for(cast)
    intruder = OrganisationFactory()
    client.force_login(cast[who])

    response = client.post(
        reverse("projects:project-consortium", args=[project.slug]),
        {
            "partners-TOTAL_FORMS": "1",
            "partners-INITIAL_FORMS": "0",
            "partners-0-organisation": intruder.name,
            "partners-0-role": "partner",
            "externals-TOTAL_FORMS": "0",
            "externals-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 403
    assert not Participation.objects.filter(organisation=intruder).exists()


@pytest.mark.parametrize("who", ["coordinator_colleague", "partner_admin", "outsider"])
def test_forged_status_post_changes_nothing(client, cast, who):
    project = project_for(cast)
    client.force_login(cast[who])

    response = client.post(
        reverse("projects:project-status", args=[project.slug]),
        {"status": "finished", "changed_on": "2024-01-01", "note": ""},
    )

    assert response.status_code == 403
    project.refresh_from_db()
    assert project.status == Project.Status.RUNNING


def test_partners_see_the_project_but_no_edit_buttons(client, cast):
    project = project_for(cast, Project.Visibility.CONFIDENTIAL)
    client.force_login(cast["partner_admin"])

    html = client.get(project.get_absolute_url()).content.decode()

    assert "Titre d&#x27;origine" in html
    assert reverse("projects:project-edit", args=[project.slug]) not in html


def test_the_coordinator_admin_sees_the_edit_buttons(client, cast):
    project = project_for(cast)
    client.force_login(cast["coordinator_admin"])

    html = client.get(project.get_absolute_url()).content.decode()

    assert reverse("projects:project-edit", args=[project.slug]) in html
    assert reverse("projects:project-consortium", args=[project.slug]) in html


def test_coordinator_admin_edits_the_consortium(client, cast):
    project = project_for(cast)
    newcomer = OrganisationFactory()
    existing = project.participations.get(organisation=cast["_partner"])
    client.force_login(cast["coordinator_admin"])

    response = client.post(
        reverse("projects:project-consortium", args=[project.slug]),
        {
            "partners-TOTAL_FORMS": "2",
            "partners-INITIAL_FORMS": "1",
            "partners-0-id": existing.pk,
            "partners-0-organisation": cast["_partner"].name,
            "partners-0-role": "partner",
            "partners-0-DELETE": "on",
            "partners-1-organisation": newcomer.name,
            "partners-1-role": "subcontractor",
            "externals-TOTAL_FORMS": "1",
            "externals-INITIAL_FORMS": "0",
            "externals-0-name": "Institut étranger",
            "externals-0-country": "IT",
            "externals-0-kind": "research",
            "externals-0-role": "associated",
        },
    )

    assert response.status_code == 302
    roles = dict(project.participations.values_list("organisation_id", "role"))
    assert roles == {cast["_coordinator"].pk: "coordinator", newcomer.pk: "subcontractor"}
    assert project.external_partners.get().name == "Institut étranger"


def test_the_coordinator_cannot_be_added_twice_or_removed(client, cast):
    project = project_for(cast)
    client.force_login(cast["coordinator_admin"])

    response = client.post(
        reverse("projects:project-consortium", args=[project.slug]),
        {
            "partners-TOTAL_FORMS": "1",
            "partners-INITIAL_FORMS": "0",
            "partners-0-organisation": cast["_coordinator"].name,
            "partners-0-role": "partner",
            "externals-TOTAL_FORMS": "0",
            "externals-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "coordonne déjà" in response.content.decode()
    assert project.participations.get(organisation=cast["_coordinator"]).role == "coordinator"


def test_edit_bad_input_shows_field_errors_and_saves_nothing(client, cast):
    project = project_for(cast)
    client.force_login(cast["coordinator_admin"])

    response = client.post(
        reverse("projects:project-edit", args=[project.slug]),
        edit_data(
            project,
            total_budget=-5,
            start_date="2025-06-01",
            end_date="2025-01-01",
            trl_start="12",
        ),
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"total_budget", "end_date", "trl_start"} <= set(errors)
    project.refresh_from_db()
    assert project.title == "Titre d'origine"


def test_a_lapsed_partner_does_not_block_saving_the_consortium(client, cast):
    project = project_for(cast)
    partner = cast["_partner"]
    partner.membership_status = "lapsed"
    partner.save()
    existing = project.participations.get(organisation=partner)
    client.force_login(cast["coordinator_admin"])

    response = client.post(
        reverse("projects:project-consortium", args=[project.slug]),
        {
            "partners-TOTAL_FORMS": "1",
            "partners-INITIAL_FORMS": "1",
            "partners-0-id": existing.pk,
            "partners-0-organisation": partner.name,
            "partners-0-role": "subcontractor",
            "externals-TOTAL_FORMS": "0",
            "externals-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.role == "subcontractor"


def test_an_edit_is_kept_in_the_history_with_its_author(client, cast):
    project = project_for(cast)
    client.force_login(cast["coordinator_admin"])

    client.post(reverse("projects:project-edit", args=[project.slug]), edit_data(project))

    history = list(project.history.order_by("history_date"))
    assert history[0].title == "Titre d'origine"
    assert history[-1].title == "Titre modifié"
    assert history[-1].history_user == cast["coordinator_admin"]
