"""What the members app adds to the rest of the site (see core/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from core import audience, hooks
from members import panels, personal_data, site_search, staff
from members.models import Organisation
from members.sitemaps import SITEMAPS

hooks.panels(panels, dashboard=10, market=10, home=10, objective=50)
hooks.search(site_search.search, order=20, variant=site_search.variant)
hooks.sitemaps(SITEMAPS)
hooks.demo("members.demo.load")
audience.count_views_of(Organisation)
hooks.staff_todo(staff.pending_work, order=10)
hooks.personal_data_of(
    personal_data,
    memberships=_("Organisations"),
    consent_log=_("Visibility choices (consent log)"),
    contact_messages=_("Messages sent through the portal"),
    join_requests=_("Requests to join an organisation"),
    membership_applications=_("Membership applications"),
    invitations=_("Invitations received"),
)
