"""What the events app adds to the rest of the site (see core/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from core import hooks
from events import calendar, demo, panels, personal_data, site_search
from events.sitemaps import SITEMAPS

hooks.panel(
    "home", template="events/includes/_home_panel.html", context=panels.home_context, order=40
)
hooks.panel(
    "market", template="events/includes/_market_panel.html", context=panels.market_context, order=40
)
hooks.panel(
    "organisation",
    template="events/includes/_organisation_panel.html",
    context=panels.organisation_context,
    order=40,
)
hooks.panel(
    "dashboard",
    template="events/includes/_dashboard_panel.html",
    context=panels.dashboard_context,
    order=20,
)
hooks.search(site_search.search, order=60)
hooks.sitemaps(SITEMAPS)
hooks.calendar(calendar.personal_entries)
hooks.demo(demo.load)
hooks.personal_data(
    "events",
    label=_("Event registrations and calendar"),
    export=personal_data.export,
    describe=personal_data.describe,
    erase=personal_data.erase,
)
