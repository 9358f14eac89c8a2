"""Without JavaScript, a consortium can still grow past the empty rows offered: "More empty
rows" on the submission form (nothing saved, nothing lost) and "Save and add more rows" on
the consortium page. A forged post cannot create rows by the thousand."""

import pytest
from django.urls import reverse

from projects.forms import MAX_CONSORTIUM_ROWS
from projects.models import Participation, Project
from tests.factories import MarketFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import FundingProgrammeFactory, ProjectFactory, admin_of
from tests.projects.test_project_submit import form_data

pytestmark = pytest.mark.django_db
URL = reverse("projects:project-create")


@pytest.fixture
def coordinator(db):
    return OrganisationFactory(name="Coordinatrice")


def test_more_rows_keeps_what_was_typed_shows_no_error_and_saves_nothing(client, coordinator):
    partners = OrganisationFactory.create_batch(5)
    client.force_login(admin_of(coordinator))
    data = form_data(coordinator, FundingProgrammeFactory(slug="pspc"), MarketFactory())
    data.pop("submit")
    data.update(
        {
            "title": "",  # not filled in yet: no error shown for now
            "partners-0-organisation": partners[0].name,
            "partners-1-organisation": partners[1].name,
            "partners-2-organisation": partners[2].name,
            "more-rows": "partners",
        }
    )

    response = client.post(URL, data)

    assert response.status_code == 200
    assert not Project.objects.exists()
    formset = response.context["partners"]
    assert formset.total_form_count() == 6
    html = response.content.decode()
    assert 'value="NEWCAR"' in html and f'value="{partners[2].name}"' in html
    assert "is-invalid" not in html and "obligatoire" not in html

    # The person fills the new rows and submits: every partner is kept.
    data.pop("more-rows")
    data.update(
        {
            "title": "Un nouveau véhicule",
            "partners-TOTAL_FORMS": "6",
            "partners-3-organisation": partners[3].name,
            "partners-4-organisation": partners[4].name,
            "partners-3-role": "partner",
            "partners-4-role": "associated",
            "partners-5-role": "partner",
            "submit": "",
        }
    )
    response = client.post(URL, data)

    assert response.status_code == 302
    project = Project.objects.get()
    assert set(
        project.participations.exclude(role="coordinator").values_list("organisation", flat=True)
    ) == {p.pk for p in partners}


def test_more_rows_for_the_partners_outside_the_cluster(client, coordinator):
    client.force_login(admin_of(coordinator))
    data = form_data(coordinator, FundingProgrammeFactory(slug="pspc"), MarketFactory())
    data["more-rows"] = "externals"

    response = client.post(URL, data)

    assert response.context["externals"].total_form_count() == 5
    assert not Project.objects.exists()


def test_save_and_add_more_rows_on_the_consortium_page(client, coordinator):
    project = ProjectFactory(coordinator=coordinator)
    newcomer = OrganisationFactory()
    client.force_login(admin_of(coordinator))
    url = reverse("projects:project-consortium", args=[project.slug])

    response = client.post(
        url,
        {
            "partners-TOTAL_FORMS": "1",
            "partners-INITIAL_FORMS": "0",
            "partners-0-organisation": newcomer.name,
            "partners-0-role": "partner",
            "externals-TOTAL_FORMS": "0",
            "externals-INITIAL_FORMS": "0",
            "save-more": "",
        },
    )

    assert response.status_code == 302 and response.url == f"{url}?rows=5"
    assert project.participations.filter(organisation=newcomer).exists()
    page = client.get(response.url)
    partners = page.context["partners"]
    assert partners.initial_form_count() == 1
    assert partners.total_form_count() == 6
    assert page.context["externals"].total_form_count() == 5


def test_a_forged_post_with_too_many_rows_is_refused(client, coordinator):
    project = ProjectFactory(coordinator=coordinator)
    organisations = OrganisationFactory.create_batch(MAX_CONSORTIUM_ROWS + 1)
    client.force_login(admin_of(coordinator))
    data = {
        "partners-TOTAL_FORMS": str(MAX_CONSORTIUM_ROWS + 1),
        "partners-INITIAL_FORMS": "0",
        "externals-TOTAL_FORMS": "0",
        "externals-INITIAL_FORMS": "0",
    }
    for row, organisation in enumerate(organisations):
        data[f"partners-{row}-organisation"] = organisation.name
        data[f"partners-{row}-role"] = "partner"

    response = client.post(reverse("projects:project-consortium", args=[project.slug]), data)

    assert response.status_code == 200
    assert response.context["partners"].non_form_errors()
    assert Participation.objects.filter(project=project).count() == 1


def test_the_number_of_rows_asked_in_the_address_is_capped(client, coordinator):
    project = ProjectFactory(coordinator=coordinator)
    client.force_login(admin_of(coordinator))
    url = reverse("projects:project-consortium", args=[project.slug])

    assert client.get(url, {"rows": "100000"}).context["partners"].total_form_count() == (
        MAX_CONSORTIUM_ROWS
    )
    assert client.get(url, {"rows": "lots"}).status_code == 200
