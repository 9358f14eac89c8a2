import pytest

from accounts.personal_data import deletion_summary, export_user_data, user_delete
from projects.models import PartnerInterest, PartnerSearch, Project, ProjectStatusChange
from tests.members.factories import OrganisationFactory
from tests.projects.factories import PartnerSearchFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_export_and_deletion_keep_the_community_records(organisation, owner):
    project = ProjectFactory(created_by=owner, coordinator=organisation, acronym="MINE")
    ProjectStatusChange.objects.create(project=project, to_status="running", author=owner)
    search = PartnerSearchFactory(
        organisation=organisation, author=owner, title="Ma recherche", title_en="My search"
    )
    PartnerInterest.objects.create(
        search=PartnerSearchFactory(), organisation=organisation, user=owner, message="Oui"
    )

    data = export_user_data(owner)["projects"]

    assert data["projects_created"][0]["acronym"] == "MINE"
    assert data["partner_searches"][0]["title"] == "Ma recherche"
    assert data["partner_searches"][0]["title_en"] == "My search"
    assert data["interests"][0]["message"] == "Oui"
    assert data["status_changes"][0]["to"] == "running"
    assert any("recherche de partenaires" in line for line in deletion_summary(owner))

    user_delete(user=owner)

    project.refresh_from_db()
    search.refresh_from_db()
    assert project.created_by is None
    assert search.author is None
    assert Project.objects.count() == 1
    assert PartnerSearch.objects.count() == 2
    assert PartnerInterest.objects.get().user is None


def test_a_person_without_project_data_exports_empty_lists(user):
    OrganisationFactory()

    data = export_user_data(user)["projects"]

    assert all(value == [] for value in data.values())
