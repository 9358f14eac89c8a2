import pytest
from django.urls import reverse

from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory, admin_of, colleague_of

pytestmark = pytest.mark.django_db


def test_the_consortium_reads_who_changed_what(client):
    project = ProjectFactory(coordinator=OrganisationFactory(), partners=[OrganisationFactory()])
    editor = admin_of(project.coordinator)
    editor.first_name, editor.last_name = "Alix", "Rédactrice"
    editor.save()
    project.title = "Nouveau titre"
    project.total_budget = 2_000_000
    project._history_user = editor
    project.save()
    partner = project.participations.exclude(role="coordinator").get().organisation
    client.force_login(colleague_of(partner))

    response = client.get(reverse("projects:project-history", args=[project.slug]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Alix Rédactrice" in html
    assert "titre" in html and "budget total (€)" in html
    assert "Projet créé." in html


def test_outsiders_and_visitors_cannot_read_the_history(client):
    project = ProjectFactory()
    url = reverse("projects:project-history", args=[project.slug])

    assert client.get(url).status_code == 302
    client.force_login(admin_of(OrganisationFactory()))
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("edits", [2, 80])
def test_the_history_page_makes_a_constant_number_of_queries(
    client, django_assert_max_num_queries, edits
):
    project = ProjectFactory(coordinator=OrganisationFactory())
    for number in range(edits):
        project.total_budget = 2_000_000 + number
        project.save()
    client.force_login(colleague_of(project.coordinator))

    with django_assert_max_num_queries(10):
        response = client.get(reverse("projects:project-history", args=[project.slug]))

    assert len(response.context["entries"]) == min(edits + 1, 50)
