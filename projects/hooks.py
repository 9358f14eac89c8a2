"""What the projects app adds to the rest of the site (see core/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from core import hooks
from projects import panels, personal_data, site_search
from projects.sitemaps import SITEMAPS

hooks.panels(panels, home=40, market=20, organisation=20, dashboard=20)
hooks.search(site_search.search, order=40)
hooks.sitemaps(SITEMAPS)
hooks.demo("projects.demo.load")
hooks.personal_data_of(personal_data, projects=_("Projects and partner searches"))
