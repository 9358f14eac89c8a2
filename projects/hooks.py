"""What the projects app adds to the rest of the site (see core/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from core import hooks
from projects import demo, panels, site_search
from projects.personal_data import describe, export
from projects.sitemaps import SITEMAPS

hooks.panel("home", template="projects/includes/_home_panel.html", context=panels.home, order=40)
hooks.panel(
    "market", template="projects/includes/_market_panel.html", context=panels.market, order=20
)
hooks.panel(
    "organisation",
    template="projects/includes/_organisation_panel.html",
    context=panels.organisation,
    order=20,
)
hooks.panel(
    "dashboard",
    template="projects/includes/_dashboard_panel.html",
    context=panels.dashboard,
    order=20,
)
hooks.search(site_search.search, order=40)
hooks.sitemaps(SITEMAPS)
hooks.demo(demo.load)
hooks.personal_data(
    "projects",
    label=_("Projects and partner searches"),
    export=export,
    describe=describe,
)
