"""The views of the members app, by page; ``members.urls`` reads them from here."""

from members.views.company import organisation_dashboard
from members.views.contact import contact_organisation, contact_person
from members.views.directory import (
    organisation_detail,
    organisation_export,
    organisation_list,
    organisation_map,
)
from members.views.joining import (
    application_create,
    application_status,
    invitation_accept,
    invitation_accept_pending,
    join_request_create,
)
from members.views.people import (
    invitation_revoke,
    join_request_decide,
    membership_remove,
    membership_role,
    organisation_people,
)
from members.views.platforms import (
    platform_create,
    platform_delete,
    platform_detail,
    platform_edit,
    platform_list,
    platform_request_access,
)
from members.views.profile import membership_leave, membership_self, organisation_edit

__all__ = [
    "application_create",
    "application_status",
    "contact_organisation",
    "contact_person",
    "invitation_accept",
    "invitation_accept_pending",
    "invitation_revoke",
    "join_request_create",
    "join_request_decide",
    "membership_leave",
    "membership_remove",
    "membership_role",
    "membership_self",
    "organisation_dashboard",
    "organisation_detail",
    "organisation_edit",
    "organisation_export",
    "organisation_list",
    "organisation_map",
    "organisation_people",
    "platform_create",
    "platform_delete",
    "platform_detail",
    "platform_edit",
    "platform_list",
    "platform_request_access",
]
