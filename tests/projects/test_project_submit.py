"""A member organisation's admin submits a project for labelling through the form."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from projects.models import FundingProgramme, Participation, Project
from tests.factories import MarketFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import FundingProgrammeFactory, admin_of, colleague_of

pytestmark = pytest.mark.django_db
URL = reverse("projects:project-create")


@pytest.fixture
def programme(db):
    return FundingProgrammeFactory(slug="pspc", name="PSPC-Régions")


def form_data(coordinator, programme, market, **changes):
    data = {
        "coordinator": coordinator.pk,
        "acronym": "NEWCAR",
        "title": "Un nouveau véhicule",
        "summary": "Un résumé public.",
        "description": "Une **description**.",
        "markets": [market.pk],
        "programme": programme.pk,
        "total_budget": "2500000",
        "public_funding": "1000000",
        "start_date": "2027-01-01",
        "end_date": "2029-01-01",
        "trl_start": "4",
        "trl_target": "7",
        "visibility": "public",
        "partners-TOTAL_FORMS": "3",
        "partners-INITIAL_FORMS": "0",
        "externals-TOTAL_FORMS": "2",
        "externals-INITIAL_FORMS": "0",
        "submit": "",
    }
    # What a browser sends for the empty rows: the selects' default choices.
    for row in range(3):
        data[f"partners-{row}-role"] = "partner"
    for row in range(2):
        data[f"externals-{row}-country"] = "FR"
        data[f"externals-{row}-role"] = "partner"
    return {**data, **changes}


def test_the_form_shows_to_an_organisation_admin(client, organisation, owner):
    client.force_login(owner)

    response = client.get(URL)

    assert response.status_code == 200
    assert "partners-TOTAL_FORMS" in response.content.decode()


def test_submitting_creates_the_project_its_consortium_and_timeline(
    client, organisation, owner, programme, django_capture_on_commit_callbacks
):
    market = MarketFactory()
    partner = OrganisationFactory(name="Laboratoire partenaire")
    client.force_login(owner)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL,
            form_data(
                organisation,
                programme,
                market,
                **{
                    "partners-0-organisation": partner.name,
                    "partners-0-role": "partner",
                    "externals-0-name": "Université de Bâle",
                    "externals-0-country": "CH",
                    "externals-0-kind": "university",
                    "externals-0-role": "associated",
                },
            ),
        )

    project = Project.objects.get(acronym="NEWCAR")
    assert response.status_code == 302 and response.url == project.get_absolute_url()
    assert project.status == Project.Status.SUBMITTED
    assert project.slug == "newcar"
    assert project.created_by == owner
    assert project.coordinator == organisation
    assert project.participations.get(organisation=partner).role == "partner"
    assert project.external_partners.get().country == "CH"
    assert list(project.status_changes.values_list("to_status", flat=True)) == [
        "consortium",
        "submitted",
    ]
    assert project.status_changes.last().author == owner
    # Staff are told, once the transaction has committed.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [settings.STAFF_NOTIFICATION_EMAILS[0]]
    assert "NEWCAR" in mail.outbox[0].subject
    assert f"/admin/projects/project/{project.pk}/change/" in mail.outbox[0].body


def test_saving_without_submitting_keeps_the_project_with_its_consortium(
    client, organisation, owner, programme
):
    client.force_login(owner)
    data = form_data(organisation, programme, MarketFactory())
    del data["submit"]
    data["draft"] = ""

    client.post(URL, data)

    project = Project.objects.get(acronym="NEWCAR")
    assert project.status == Project.Status.CONSORTIUM
    assert not mail.outbox


def test_the_submitted_project_is_not_on_the_showcase_yet(client, organisation, owner, programme):
    client.force_login(owner)
    client.post(URL, form_data(organisation, programme, MarketFactory()))
    project = Project.objects.get(acronym="NEWCAR")
    client.logout()

    assert client.get(project.get_absolute_url()).status_code == 404
    assert "NEWCAR" not in client.get(reverse("projects:project-list")).content.decode()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end_date": "2026-06-01"}, "end_date"),
        ({"total_budget": "-1"}, "total_budget"),
        ({"public_funding": "-10"}, "public_funding"),
        ({"public_funding": "9000000"}, "public_funding"),
        ({"trl_start": "0"}, "trl_start"),
        ({"trl_target": "10"}, "trl_target"),
        ({"trl_start": "7", "trl_target": "3"}, "trl_target"),
        ({"acronym": ""}, "acronym"),
        ({"markets": []}, "markets"),
    ],
)
def test_bad_input_gets_a_field_error_and_nothing_is_saved(
    client, organisation, owner, programme, changes, field
):
    client.force_login(owner)

    response = client.post(URL, form_data(organisation, programme, MarketFactory(), **changes))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Project.objects.exists()
    assert not Participation.objects.exists()


def test_a_duplicate_partner_row_is_refused(client, organisation, owner, programme):
    partner = OrganisationFactory()
    client.force_login(owner)

    response = client.post(
        URL,
        form_data(
            organisation,
            programme,
            MarketFactory(),
            **{
                "partners-0-organisation": partner.name,
                "partners-0-role": "partner",
                "partners-1-organisation": partner.name,
                "partners-1-role": "subcontractor",
            },
        ),
    )

    assert response.status_code == 200
    assert not Project.objects.exists()


def test_a_forged_coordinator_the_person_does_not_administer_is_refused(client, owner, programme):
    stranger = OrganisationFactory()
    client.force_login(owner)

    response = client.post(URL, form_data(stranger, programme, MarketFactory()))

    assert response.status_code == 200
    assert "coordinator" in response.context["form"].errors
    assert not Project.objects.exists()


def test_a_plain_colleague_cannot_submit(client, organisation, colleague):
    client.force_login(colleague)

    response = client.get(URL)

    assert response.status_code == 403
    assert "administrateur" in response.content.decode()


def test_a_visitor_learns_what_it_takes_with_sign_in_and_join_links(client):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Soumettre un projet à labellisation" in html
    assert f"{reverse('account_login')}?next={URL}" in html
    assert reverse("members:application-create") in html
    assert "Set-Cookie" not in str(response.headers)  # the same page for every visitor

    response = client.post(URL, {"title": "x"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_an_inactive_organisation_cannot_coordinate(client, programme):
    lapsed = OrganisationFactory(membership_status="lapsed")
    client.force_login(admin_of(lapsed))

    assert client.get(URL).status_code == 403


def test_retired_programmes_are_not_offered(client, organisation, owner):
    FundingProgrammeFactory(slug="old", name="Ancien programme", is_active=False)
    FundingProgrammeFactory(slug="current", name="Programme actuel")
    client.force_login(owner)

    form = client.get(URL).context["form"]

    assert list(form.fields["programme"].queryset) == [FundingProgramme.objects.get(slug="current")]


def test_a_colleague_sees_the_submitted_project_of_their_organisation(
    client, organisation, owner, programme
):
    client.force_login(owner)
    client.post(URL, form_data(organisation, programme, MarketFactory()))
    project = Project.objects.get(acronym="NEWCAR")
    client.force_login(colleague_of(organisation))

    assert client.get(project.get_absolute_url()).status_code == 200
    assert "NEWCAR" in client.get(reverse("projects:project-mine")).content.decode()


def test_a_started_row_must_be_complete(client, organisation, owner, programme):
    client.force_login(owner)

    response = client.post(
        URL,
        form_data(
            organisation,
            programme,
            MarketFactory(),
            **{"partners-0-role": "subcontractor", "externals-0-name": "Sans type"},
        ),
    )

    assert response.status_code == 200
    assert "organisation" in response.context["partners"].forms[0].errors
    assert "kind" in response.context["externals"].forms[0].errors
    assert not Project.objects.exists()


def test_empty_extra_rows_are_not_marked_required(client, organisation, owner):
    client.force_login(owner)

    response = client.get(URL)

    row = response.context["partners"].forms[0]
    assert not row.fields["organisation"].required
