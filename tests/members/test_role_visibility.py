"""Roles in an organisation ("admin") are shown to its people and to staff only."""

import pytest

from members.models import Membership
from tests.members.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
BADGE = '<span class="badge text-bg-light">admin</span>'


@pytest.fixture
def shown_admin(organisation):
    return MembershipFactory(
        organisation=organisation,
        role=Membership.Role.ADMIN,
        visibility=Membership.Visibility.PUBLIC,
    )


def page(client, organisation) -> str:
    return client.get(organisation.get_absolute_url()).content.decode()


def test_visitors_and_other_organisations_see_the_person_but_not_the_role(
    client, organisation, shown_admin, outsider, in_english
):
    html = page(client, organisation)
    assert shown_admin.display_name in html and BADGE not in html
    client.force_login(outsider)
    html = page(client, organisation)
    assert shown_admin.display_name in html and BADGE not in html


def test_the_organisations_people_and_staff_see_the_role(
    client, organisation, shown_admin, colleague, staff, in_english
):
    for person in (colleague, staff):
        client.force_login(person)
        assert BADGE in page(client, organisation), person


def test_a_plain_member_elsewhere_sees_no_roles_either(client, shown_admin, in_english):
    client.force_login(MembershipFactory(organisation=OrganisationFactory()).user)
    assert BADGE not in page(client, shown_admin.organisation)
