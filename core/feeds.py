"""The base of the portal's RSS and Atom feeds (Django syndication).

A feed is written in the language of its address (``/news/feed.rss`` in French,
``/en/news/feed.rss`` in English): titles and texts come from the translated fields of the
active language. Each app declares one class and gets both formats::

    class ArticleFeed(PortalFeed):
        list_url_name = "content:article-list"
        ...

    urlpatterns = [*ArticleFeed.urls("news/", "article")]  # article-rss, article-atom

Feeds are anonymous GET pages like the others: the page cache keeps them and gives them
the same ``Cache-Control``, ``ETag`` and ``Last-Modified`` headers (``core/pagecache.py``).
"""

from django.contrib.syndication.views import Feed
from django.urls import path, reverse
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 30


class PortalFeed(Feed):
    """RSS 2.0 by default; :meth:`urls` adds the Atom twin."""

    list_url_name = ""
    language = None  # Django then writes the active language

    def link(self):
        return reverse(self.list_url_name)

    def feed_url(self):
        return None  # the address asked for, with the host of the request

    def item_updateddate(self, item):
        return getattr(item, "updated_at", None)

    @classmethod
    def urls(cls, prefix: str, name: str) -> list:
        """The RSS and the Atom addresses of the feed: ``<prefix>feed.rss`` and
        ``<prefix>feed.atom``, named ``<name>-rss`` and ``<name>-atom``."""
        atom = type(
            f"{cls.__name__}Atom", (cls,), {"feed_type": Atom1Feed, "subtitle": cls.description}
        )
        return [
            path(f"{prefix}feed.rss", cls(), name=f"{name}-rss"),
            path(f"{prefix}feed.atom", atom(), name=f"{name}-atom"),
        ]
