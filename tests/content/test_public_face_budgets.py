"""The pages of the public face make a fixed, small number of queries whatever the data
size (django_assert_max_num_queries: the page and fragment caches are off here)."""

import pytest
from django.urls import reverse

from content.models import ContactSettings, KeyFigure, Page, SocialLink, TeamMember
from tests.factories import PageFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import PartnerSearchFactory, ProjectFactory

pytestmark = pytest.mark.django_db
BUDGET = 12
PAGES = (
    "content:contact",
    "content:team",
    "content:about",
    "members:application-create",
    "projects:partnersearch-list",
)


def grow(size: int) -> None:
    for number in range(size):
        TeamMember.objects.create(first_name=f"P{number}", last_name="Demo", role_fr="Rôle")
        KeyFigure.objects.create(value=str(number), label_fr="jalon", year=2005 + number)
        OrganisationFactory()
        ProjectFactory()
        PartnerSearchFactory()


@pytest.fixture
def site(db):
    ContactSettings.objects.create(
        street="1 rue",
        postcode="25460",
        city="Étupes",
        phone="+33 3 00 00 00 00",
        opening_hours_fr="En semaine",
        membership_email="a@team.example",
        projects_email="b@team.example",
        training_email="c@team.example",
        events_email="d@team.example",
        press_email="e@team.example",
    )
    SocialLink.objects.create(network="linkedin", url="https://linkedin.example/x")
    PageFactory(role=Page.Role.ABOUT, slug="about")


@pytest.mark.parametrize("size", [1, 15])
def test_public_face_pages_stay_within_the_budget(
    client, site, size, django_assert_max_num_queries
):
    grow(size)
    for name in PAGES:
        with django_assert_max_num_queries(BUDGET):
            assert client.get(reverse(name)).status_code == 200, name


@pytest.mark.parametrize("size", [1, 15])
def test_the_home_figures_are_one_query_whatever_the_data_size(
    site, size, django_assert_num_queries
):
    from cluster_site.views import home_figures

    grow(size)
    with django_assert_num_queries(2):  # the grace period of memberships, then the counts
        figures = home_figures()
    assert figures[0]["value"] == 3 * size  # an organisation, a coordinator, a poster
