"""The members' picture by region and department, and the panels on other apps' pages."""

import pytest
from django.urls import reverse

from members.map import directory_map
from members.models import Membership, Organisation
from tests.members.factories import (
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def test_the_map_counts_members_per_department_and_links_to_the_directory(client):
    OrganisationFactory.create_batch(3, postcode="25000")
    OrganisationFactory(postcode="67000")
    OrganisationFactory(postcode="67000", membership_status=Organisation.Status.LAPSED)
    data = directory_map()
    tiles = {tile["code"]: tile for tile in data["tiles"]}
    assert (tiles["25"]["count"], tiles["67"]["count"], tiles["21"]["count"]) == (3, 1, 0)
    assert tiles["25"]["level"] > tiles["67"]["level"] > tiles["21"]["level"] == 0
    assert tiles["25"]["url"] == reverse("members:organisation-list") + "?department=25"
    regions = {region["key"]: region["count"] for region in data["regions"]}
    assert regions == {"bfc": 3, "grand-est": 1, "france": 0, "abroad": 0}
    response = client.get(reverse("members:organisation-map"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "<svg" in content and "?department=25" in content and "?region=bfc" in content


def test_the_home_page_shows_the_members_panel(client):
    OrganisationFactory(postcode="25000")
    content = client.get(reverse("home")).content.decode()
    assert 'id="home-members-title"' in content
    assert reverse("members:organisation-map") in content


def test_a_market_page_shows_its_members(client, markets):
    electric = OrganisationFactory(name="Volta Marché", markets=[markets["electric"]])
    OrganisationFactory(name="Hors Marché", markets=[markets["hydrogen"]])
    content = client.get(markets["electric"].get_absolute_url()).content.decode()
    assert electric.name in content and "Hors Marché" not in content
    assert reverse("members:organisation-list") + "?market=electric" in content


def test_a_market_without_members_shows_no_members_panel(client, markets):
    content = client.get(markets["services"].get_absolute_url()).content.decode()
    assert 'id="market-members-title"' not in content


def test_the_dashboard_shows_completeness_and_waiting_requests_to_admins(
    client, organisation, owner
):
    JoinRequestFactory(organisation=organisation)
    client.force_login(owner)
    content = client.get(reverse("dashboard")).content.decode()
    assert organisation.name in content
    assert "<progress" in content
    assert reverse("members:organisation-edit", args=[organisation.slug]) in content
    assert reverse("members:organisation-people", args=[organisation.slug]) in content


def test_the_dashboard_of_a_colleague_shows_the_organisation_without_admin_tools(
    client, organisation, colleague
):
    client.force_login(colleague)
    content = client.get(reverse("dashboard")).content.decode()
    assert organisation.name in content
    assert reverse("members:organisation-edit", args=[organisation.slug]) not in content
    assert reverse("members:membership-self", args=[organisation.slug]) in content


def test_the_dashboard_panel_makes_a_bounded_number_of_queries(
    client, django_assert_max_num_queries
):
    person = MembershipFactory(role=Membership.Role.ADMIN).user
    for _ in range(5):
        organisation = OrganisationFactory()
        MembershipFactory(organisation=organisation, user=person, role=Membership.Role.ADMIN)
        JoinRequestFactory(organisation=organisation)
    client.force_login(person)
    with django_assert_max_num_queries(40):
        assert client.get(reverse("dashboard")).status_code == 200


def test_the_sitemap_lists_profiles_and_platforms(client, organisation):
    from tests.members.factories import PlatformFactory

    platform = PlatformFactory(organisation=organisation)
    hidden = OrganisationFactory(is_public=False)
    content = client.get("/sitemap.xml").content.decode()
    assert organisation.get_absolute_url() in content
    assert platform.get_absolute_url() in content
    assert hidden.get_absolute_url() not in content


def test_members_outside_the_two_regions_are_counted_in_each_language(client):
    OrganisationFactory(postcode="75001", city="Paris")
    OrganisationFactory(country="DE", postcode="", city="Kiel")
    french = client.get(reverse("members:organisation-map")).content.decode()
    english = client.get("/en" + reverse("members:organisation-map")).content.decode()
    assert "Ailleurs en France : 1 adhérent" in french
    assert "Elsewhere in France: 1 member" in english and "France : 1" not in english
    assert "Abroad: 1 member" in english
