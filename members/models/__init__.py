"""Models of the members app, split by topic; import them from ``members.models``."""

from members.models.contact import ContactMessage
from members.models.joining import Invitation, JoinRequest, MembershipApplication
from members.models.memberships import ConsentRecord, Membership, MembershipQuerySet
from members.models.organisations import (
    Certification,
    Competency,
    MembershipSettings,
    Organisation,
    OrganisationHasHistory,
    OrganisationQuerySet,
)
from members.models.platforms import Platform, PlatformQuerySet

__all__ = [
    "Certification",
    "Competency",
    "ConsentRecord",
    "ContactMessage",
    "Invitation",
    "JoinRequest",
    "Membership",
    "MembershipApplication",
    "MembershipQuerySet",
    "MembershipSettings",
    "Organisation",
    "OrganisationHasHistory",
    "OrganisationQuerySet",
    "Platform",
    "PlatformQuerySet",
]
