"""The market catalogue: every market, cached, so that lists attach markets without a query.

Nearly every card of the portal shows its markets. With ``prefetch_related("markets")``
each list on a page costs one more query (a market page shows six lists). The markets
are a handful of rows that staff rarely edit: :func:`markets_by_id` keeps them all in the
shared cache (dropped on every market write, on every app server since the cache is
shared), and :meth:`MarketTaggedQuerySet.with_markets` loads each row's market ids with
the row itself (an array subquery) and takes the markets from the catalogue, so a list
with its markets costs one query whatever the number of lists on the page.
"""

from django.core.cache import cache
from django.db import connections, models
from django.db.models import OuterRef
from django.db.models.query import ModelIterable

CACHE_KEY = "content:market-catalogue:v1"
CACHE_SECONDS = 3600


def markets_by_id() -> dict:
    """Every market (published or not) by primary key, from the cache when it is there."""
    from content.models import Market

    markets = cache.get(CACHE_KEY)
    if markets is None:
        markets = {market.pk: market for market in Market.objects.all()}
        cache.set(CACHE_KEY, markets, CACHE_SECONDS)
    return markets


def forget_markets(**_kwargs) -> None:
    """Drop the catalogue (connected to every write of a market)."""
    cache.delete(CACHE_KEY)


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
            forget_markets()
            catalogue = markets_by_id()
        markets = sorted((catalogue[pk] for pk in ids if pk in catalogue), key=_sort_key)
        queryset = getattr(obj, field).get_queryset()
        queryset._result_cache = markets
        queryset._prefetch_done = True
        if not hasattr(obj, "_prefetched_objects_cache"):
            obj._prefetched_objects_cache = {}
        obj._prefetched_objects_cache[field] = queryset


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
