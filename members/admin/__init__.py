"""The back-office of the members app. Importing this package registers every model with
the admin site (Django's autodiscovery imports ``members.admin``); the classes are
re-exported here."""

from members.admin.joining import (
    InvitationAdmin,
    InvitationStateFilter,
    JoinRequestAdmin,
    MembershipApplicationAdmin,
)
from members.admin.organisations import (
    CertificationAdmin,
    CompetencyAdmin,
    ListedFilter,
    MembershipInline,
    MembershipSettingsAdmin,
    OrganisationAdmin,
    PlatformInline,
)
from members.admin.people import (
    ConsentRecordAdmin,
    ContactMessageAdmin,
    MembershipAdmin,
    ReadOnlyAdmin,
)
from members.admin.platforms import PlatformAdmin

__all__ = [
    "CertificationAdmin",
    "CompetencyAdmin",
    "ConsentRecordAdmin",
    "ContactMessageAdmin",
    "InvitationAdmin",
    "InvitationStateFilter",
    "JoinRequestAdmin",
    "ListedFilter",
    "MembershipAdmin",
    "MembershipApplicationAdmin",
    "MembershipInline",
    "MembershipSettingsAdmin",
    "OrganisationAdmin",
    "PlatformAdmin",
    "PlatformInline",
    "ReadOnlyAdmin",
]
