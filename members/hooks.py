"""What the members app adds to the rest of the site (see core/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from core import hooks
from members import demo, panels, site_search
from members.models import ConsentRecord, JoinRequest
from members.personal_data import (
    _invitations,
    describe_applications,
    describe_memberships,
    describe_messages,
    erase_applications,
    erase_memberships,
    export_applications,
    export_consent_log,
    export_invitations,
    export_join_requests,
    export_memberships,
    export_messages,
    last_admin_blockers,
)
from members.sitemaps import SITEMAPS

hooks.panel(
    "dashboard",
    template="members/includes/_dashboard_panel.html",
    context=panels.dashboard_context,
    order=10,
)
hooks.panel(
    "market",
    template="members/includes/_market_panel.html",
    context=panels.market_context,
    order=10,
)
hooks.panel(
    "home", template="members/includes/_home_panel.html", context=panels.home_context, order=10
)
hooks.search(site_search.search, order=20)
hooks.sitemaps(SITEMAPS)
hooks.demo(demo.load)
hooks.personal_data(
    "memberships",
    label=_("Organisations"),
    export=export_memberships,
    describe=describe_memberships,
    blockers=last_admin_blockers,
    erase=erase_memberships,
)
hooks.personal_data(
    "consent_log",
    label=_("Visibility choices (consent log)"),
    export=export_consent_log,
    describe=lambda user: (
        [_("The log of your visibility choices is deleted.")]
        if ConsentRecord.objects.filter(user=user).exists()
        else []
    ),
)
hooks.personal_data(
    "contact_messages",
    label=_("Messages sent through the portal"),
    export=export_messages,
    describe=describe_messages,
)
hooks.personal_data(
    "join_requests",
    label=_("Requests to join an organisation"),
    export=export_join_requests,
    describe=lambda user: (
        [_("Your requests to join organisations are deleted.")]
        if JoinRequest.objects.filter(user=user).exists()
        else []
    ),
)
hooks.personal_data(
    "membership_applications",
    label=_("Membership applications"),
    export=export_applications,
    describe=describe_applications,
    erase=erase_applications,
)
hooks.personal_data(
    "invitations",
    label=_("Invitations received"),
    export=export_invitations,
    describe=lambda user: (
        [_("The invitations sent to your addresses are deleted.")]
        if _invitations(user).exists()
        else []
    ),
    erase=lambda user: _invitations(user).delete(),
)
