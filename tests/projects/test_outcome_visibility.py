"""A project's funding application and its refusal are for its consortium and staff:
everyone else sees the project as labelled."""

import datetime

import pytest
from django.urls import reverse

from projects.models import Project, ProjectStatusChange
from tests.factories import UserFactory
from tests.members.factories import MembershipFactory, OrganisationFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db
S = Project.Status


@pytest.fixture
def refused(db):
    project = ProjectFactory(status=S.NOT_FUNDED, acronym="REFUS")
    for day, status in ((1, S.LABELLED), (2, S.FILED), (3, S.NOT_FUNDED)):
        ProjectStatusChange.objects.create(
            project=project, to_status=status, changed_on=datetime.date(2025, 3, day)
        )
    return project


def outsider_client(client):
    client.force_login(MembershipFactory(organisation=OrganisationFactory()).user)
    return client


@pytest.mark.parametrize("who", ["visitor", "member of another organisation"])
def test_outsiders_see_a_refused_project_as_labelled(client, refused, who, in_english):
    if who != "visitor":
        outsider_client(client)
    for url in (reverse("projects:project-list"), refused.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "REFUS" in html
        assert "Not funded" not in html and "Filed with a funder" not in html, url
        assert "status-labelled" in html


def test_the_consortium_and_staff_see_the_outcome(client, refused, staff, in_english):
    member = MembershipFactory(organisation=refused.coordinator).user
    for person in (member, staff):
        client.force_login(person)
        for url in (reverse("projects:project-list"), refused.get_absolute_url()):
            assert "Not funded" in client.get(url).content.decode(), (person, url)
        assert "Filed with a funder" in client.get(refused.get_absolute_url()).content.decode()


def test_outsiders_cannot_filter_on_outcomes_and_find_it_under_labelled(client, refused):
    ProjectFactory(status=S.RUNNING, acronym="ENCOURS")
    response = client.get(reverse("projects:project-list"), {"status": S.NOT_FUNDED})
    # Not a choice for them: the filter is refused and nothing tells the outcome.
    assert "status-not-funded" not in response.content.decode()
    choices = [value for value, _label in response.context["form"].fields["status"].choices]
    assert S.NOT_FUNDED not in choices and S.FILED not in choices
    html = client.get(reverse("projects:project-list"), {"status": S.LABELLED}).content.decode()
    assert "REFUS" in html and "ENCOURS" not in html


def test_a_funded_project_stays_funded_for_everyone(client, in_english):
    ProjectFactory(status=S.FUNDED, acronym="GRANTED")
    client.force_login(UserFactory())
    assert "Funded" in client.get(reverse("projects:project-list")).content.decode()
