"""What the networks app adds to the rest of the site (see core/hooks.py)."""

from core import hooks
from networks import panels, site_search
from networks.sitemaps import SITEMAPS

hooks.panels(panels, home=80)
hooks.search(site_search.search, order=70, variant=site_search.variant)
hooks.sitemaps(SITEMAPS)
hooks.demo("networks.demo.load")
