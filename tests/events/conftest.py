import pytest

from members.models import Membership, Organisation
from tests.members.factories import MembershipFactory, OrganisationFactory


@pytest.fixture
def member(db):
    """A person of an active member organisation."""
    return MembershipFactory(role=Membership.Role.COLLEAGUE).user


@pytest.fixture
def lapsed_member(db):
    """A person whose organisation is no longer an active member."""
    organisation = OrganisationFactory(membership_status=Organisation.Status.LAPSED)
    return MembershipFactory(organisation=organisation).user
