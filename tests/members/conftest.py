import pytest

from members.models import Membership
from tests.members.factories import MembershipFactory, OrganisationFactory


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


@pytest.fixture
def owner(organisation):
    """An admin of ``organisation``."""
    return MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user


@pytest.fixture
def colleague(organisation):
    """A plain colleague (not an admin) of ``organisation``."""
    return MembershipFactory(organisation=organisation, role=Membership.Role.COLLEAGUE).user


@pytest.fixture
def outsider(db):
    """The admin of another organisation."""
    return MembershipFactory(role=Membership.Role.ADMIN).user
