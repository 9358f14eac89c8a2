"""The rules other apps ask the members app: who is a member, who may edit an organisation
(members.permissions, on top of Organisation.objects.editable_by)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import User
from members.models import Organisation
from members.permissions import can_edit_organisation, is_member
from tests.factories import StaffFactory, UserFactory
from tests.members.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as a new request loads it (nothing remembered from earlier questions)."""
    return User.objects.get(pk=user.pk)


def test_people_of_an_active_organisation_and_staff_are_members(colleague, staff):
    assert is_member(colleague)
    assert is_member(staff)
    assert not is_member(UserFactory())
    assert not is_member(AnonymousUser())


def test_staff_without_two_factor_count_only_through_their_organisation():
    assert not is_member(StaffFactory(totp=False))
    staff = StaffFactory(totp=False)
    MembershipFactory(user=staff)
    assert is_member(fresh(staff))


def test_people_of_a_lapsed_organisation_are_not_members():
    membership = MembershipFactory(
        organisation=OrganisationFactory(membership_status=Organisation.Status.LAPSED)
    )
    assert not is_member(membership.user)


def test_admins_and_staff_may_edit_an_organisation_nobody_else(
    organisation, owner, colleague, outsider, staff
):
    assert can_edit_organisation(owner, organisation)
    assert can_edit_organisation(staff, organisation)
    assert not can_edit_organisation(colleague, organisation)
    assert not can_edit_organisation(outsider, organisation)
    assert not can_edit_organisation(StaffFactory(totp=False), organisation)
    assert not can_edit_organisation(AnonymousUser(), organisation)
