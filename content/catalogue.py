"""The market catalogue: every market, cached, so that lists attach markets without a query.

Nearly every card of the portal shows its markets. With ``prefetch_related("markets")``
each list on a page costs one more query (a market page shows six lists). The markets
are a handful of rows that staff rarely edit: :func:`markets_by_id` keeps them all in the
shared cache and in each process, under the page cache's generation of the markets' table
(so any write to a market, on any app server, is seen at the next request), and
:meth:`MarketTaggedQuerySet.with_markets` loads each row's market ids with the row itself
(an array subquery) and takes the markets from the catalogue, so a list with its markets
costs one query whatever the number of lists on the page.

The markets of the catalogue are shared by every request of the process: read them, never
change them (their long texts make the catalogue costly to unpickle on each request).
"""

import hashlib
import logging

from django.core.cache import cache
from django.db import connections, models
from django.db.models import OuterRef
from django.db.models.query import ModelIterable

from core import pagecache

logger = logging.getLogger(__name__)

CACHE_KEY = "content:market-catalogue:v2"
CACHE_SECONDS = 3600

# The process's copy: {generations of the markets' table: catalogue}, one entry.
_in_process: dict = {}


def markets_by_id(*, fresh: bool = False) -> dict:
    """Every market (published or not) by primary key: from this process's memo while the
    markets' table has the generation it was read at, else from the shared cache, else from
    the database. ``fresh`` skips both caches."""
    from content.models import Market

    try:
        generations = pagecache.stamp(Market)
    except Exception:  # the cache is down: read the database
        logger.exception("market catalogue: no generation")
        return {market.pk: market for market in Market.objects.all()}
    if not fresh and generations in _in_process:
        return _in_process[generations]
    key = f"{CACHE_KEY}:{hashlib.sha256(':'.join(generations).encode()).hexdigest()[:32]}"
    markets = None if fresh else cache.get(key)
    if markets is None:
        markets = {market.pk: market for market in Market.objects.all()}
        cache.set(key, markets, CACHE_SECONDS)
    _in_process.clear()
    _in_process[generations] = markets
    return markets


def _sort_key(market):
    return (market.order, market.name_fr or market.name or "")


def attach_markets(objects, field: str = "markets") -> None:
    """Give each of ``objects`` (annotated by ``with_markets``) its prefetched markets, as
    ``prefetch_related(field)`` would, from the catalogue."""
    objects = [obj for obj in objects if hasattr(obj, f"_{field}_ids")]
    if not objects:
        return
    catalogue = markets_by_id()
    for obj in objects:
        ids = getattr(obj, f"_{field}_ids") or []
        if any(pk not in catalogue for pk in ids):  # a market created since: read again
            catalogue = markets_by_id(fresh=True)
        markets = sorted((catalogue[pk] for pk in ids if pk in catalogue), key=_sort_key)
        queryset = getattr(obj, field).get_queryset()
        queryset._result_cache = markets
        queryset._prefetch_done = True
        if not hasattr(obj, "_prefetched_objects_cache"):
            obj._prefetched_objects_cache = {}
        obj._prefetched_objects_cache[field] = queryset


def detach_markets(obj, field: str = "markets"):
    """``obj`` without the markets that ``with_markets`` attached, but with their ids (for a
    value kept in the shared cache: :func:`attach_markets` gives them back from the
    catalogue). Returns ``obj``."""
    if obj is not None and hasattr(obj, f"_{field}_ids"):
        getattr(obj, "_prefetched_objects_cache", {}).pop(field, None)
    return obj


class MarketTaggedQuerySet(models.QuerySet):
    """A queryset of items tagged with markets that can load them without a query."""

    _with_markets = ()

    def with_markets(self, field: str = "markets"):
        """Each row's ``field`` (a many-to-many to Market) preloaded from the catalogue;
        a plain ``prefetch_related`` where array subqueries are missing (SQLite)."""
        if connections[self.db].vendor != "postgresql":
            return self.prefetch_related(field)
        from django.contrib.postgres.expressions import ArraySubquery

        relation = self.model._meta.get_field(field)
        through = relation.remote_field.through
        ids = ArraySubquery(
            through.objects.filter(**{relation.m2m_field_name(): OuterRef("pk")})
            .order_by()
            .values(f"{relation.m2m_reverse_field_name()}_id")
        )
        clone = self.annotate(**{f"_{field}_ids": ids})
        clone._with_markets = (*self._with_markets, field)
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._with_markets = self._with_markets
        return clone

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self._with_markets and issubclass(self._iterable_class, ModelIterable):
            for field in self._with_markets:
                attach_markets(self._result_cache, field)
