"""What the content app adds to the rest of the site (see core/hooks.py)."""

from content import panels, site_search
from content.models import Article
from content.sitemaps import SITEMAPS
from core import audience, hooks

hooks.panels(panels, objective=10)
hooks.search(site_search.search, order=10, variant=site_search.variant)
hooks.sitemaps(SITEMAPS)
hooks.demo("content.demo.load")
audience.count_views_of(Article)
