"""Audience figures without tracking: views of public pages, counted per day on the server.

**What is counted.** A page that shows one public item (an organisation's profile, a
project, an event, a training, an article) marks its response with :func:`mark`: a header
naming the item (``members.organisation:12``). :class:`AudienceMiddleware`, placed *outside*
the page cache, reads that header on the way out, takes it off the response, and adds one to
the item's count of the day when the request is a GET answered 200 by something that says it
is a browser (no bot, crawler, link preview or script by its user agent, no prefetch). Since
the header is stored with a cached page, a page served from the page cache is counted too.

**What is not.** No cookie, no IP address, no user agent, no session or account: the count
of the day is the only thing kept. The privacy page says so.

**No SQL on the request.** The count goes to the shared cache (``cache.add`` then
``cache.incr`` of a key stamped with the day: Redis ``INCR`` when ``REDIS_URL`` is set);
:func:`flush` (the task ``core.tasks.flush_page_views``, enqueued by ``manage.py
flush_page_views`` from cron or a systemd timer) copies the buffered counts of the last
:setting:`AUDIENCE_BUFFER_DAYS` days to :class:`core.models.PageViewDay`. A buffer key holds
the running total of its day, so a flush writes that total (never adds it): running it twice,
or every ten minutes, gives the same figures. A cache that lost its keys (Redis restarted)
never lowers a figure already flushed.

**Which items.** Each app declares the models whose pages it marks in its ``hooks.py`` with
:func:`count_views_of` (the flush reads their primary keys to find the buffer keys).
"""

import logging
import re
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

logger = logging.getLogger(__name__)

HEADER = "X-Audience-Item"
BUFFER_PREFIX = "audience:"
CHUNK = 500

# Who is not a person reading: crawlers, link previews, monitors, scripts and headless
# browsers. A browser's user agent starts with "Mozilla/"; an empty one is not counted.
BOTS = re.compile(
    r"bot|crawl|spider|slurp|scrap|archiv|fetch|preview|facebookexternalhit|embedly|"
    r"lighthouse|pagespeed|pingdom|uptime|monitor|check|headless|phantom|selenium|"
    r"puppeteer|playwright|curl|wget|python|httpx|aiohttp|java/|go-http|libwww|okhttp|"
    r"feed|rss|validator|whatsapp|telegram|discord|slack|skype",
    re.IGNORECASE,
)

_counted: dict[str, type] = {}


def count_views_of(*models) -> None:
    """Declare models whose detail pages are counted (called from an app's ``hooks.py``)."""
    for model in models:
        _counted[model._meta.label_lower] = model


def counted_models() -> dict[str, type]:
    """The declared models by label (``"members.organisation"``)."""
    return dict(_counted)


def item_key(obj) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def mark(response, obj):
    """Mark ``response`` as a view of ``obj`` (counted by the middleware) and return it."""
    response[HEADER] = item_key(obj)
    return response


def is_person(request) -> bool:
    """Whether the request looks like a person's browser loading the page for reading."""
    agent = request.META.get("HTTP_USER_AGENT", "")
    if not agent.startswith("Mozilla/") or BOTS.search(agent):
        return False
    purpose = (
        request.META.get("HTTP_SEC_PURPOSE", "") + request.META.get("HTTP_PURPOSE", "")
    ).lower()
    return "prefetch" not in purpose and "prerender" not in purpose


def buffer_cache():
    return caches[getattr(settings, "AUDIENCE_CACHE_ALIAS", "default")]


def buffer_days() -> int:
    return max(1, getattr(settings, "AUDIENCE_BUFFER_DAYS", 3))


def buffer_key(day: date, key: str) -> str:
    return f"{BUFFER_PREFIX}{day.isoformat()}:{key}"


def record(key: str, *, day: date | None = None) -> None:
    """Add one view of the item ``key`` to the buffer of ``day`` (today). Never fails: a
    cache that is down loses the view, the page is served all the same."""
    name = buffer_key(day or timezone.localdate(), key)
    try:
        cache = buffer_cache()
        # The key lives a day longer than the flush looks back, so none is missed.
        cache.add(name, 0, timeout=(buffer_days() + 1) * 86400)
        cache.incr(name)
    except Exception:  # the cache is down or the key was evicted meanwhile
        logger.warning("audience: could not count a view of %s", key)


class AudienceMiddleware:
    """Counts the marked pages (see the module). Placed before the page cache, so that a page
    served from the cache is counted too; takes the marking header off every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = response.get(HEADER)
        if key:
            del response[HEADER]
        if key and request.method == "GET" and response.status_code == 200 and is_person(request):
            record(key)
        return response


def _buffered(cache, day: date, label: str, model) -> dict[int, int]:
    """``{pk: count}`` of the items of ``model`` that have a count in the buffer of ``day``."""
    found = {}
    pks = list(model._base_manager.order_by().values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK):
        names = {buffer_key(day, f"{label}:{pk}"): pk for pk in pks[start : start + CHUNK]}
        for name, value in cache.get_many(list(names)).items():
            if value:
                found[names[name]] = int(value)
    return found


def flush(*, today: date | None = None) -> int:
    """Copy the buffered counts of the last ``AUDIENCE_BUFFER_DAYS`` days to the database.
    Idempotent: a row is written only when its buffered total is higher than the stored one.
    Returns the number of rows written."""
    from django.contrib.contenttypes.models import ContentType

    from core.models import PageViewDay

    today = today or timezone.localdate()
    days = [today - timedelta(days=back) for back in range(buffer_days())]
    cache = buffer_cache()
    rows = []
    for label, model in counted_models().items():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        stored = {
            (row.object_id, row.day): row.views
            for row in PageViewDay.objects.filter(content_type=content_type, day__in=days)
        }
        for day in days:
            for pk, count in _buffered(cache, day, label, model).items():
                if count > stored.get((pk, day), 0):
                    rows.append(
                        PageViewDay(content_type=content_type, object_id=pk, day=day, views=count)
                    )
    if rows:
        PageViewDay.objects.bulk_create(
            rows,
            batch_size=CHUNK,
            update_conflicts=True,
            unique_fields=["content_type", "object_id", "day"],
            update_fields=["views", "updated_at"],
        )
    return len(rows)


# The staff report: most viewed pages and trends over a period.

PERIODS = {7: "day", 30: "day", 90: "week", 365: "month"}
TOP = 25


def change(current: int, previous: int) -> int | None:
    """The change from ``previous`` to ``current`` in whole per cent (None without a base)."""
    if not previous:
        return None
    return round((current - previous) * 100 / previous)


def period_bounds(days: int, today: date | None = None) -> tuple[date, date, date, date]:
    """``(start, end, previous start, previous end)``: the last ``days`` days up to today,
    and the same number of days just before."""
    end = today or timezone.localdate()
    start = end - timedelta(days=days - 1)
    previous_end = start - timedelta(days=1)
    return start, end, previous_end - timedelta(days=days - 1), previous_end


def _bucket(day: date, size: str) -> date:
    if size == "week":
        return day - timedelta(days=day.weekday())
    if size == "month":
        return day.replace(day=1)
    return day


def report(days: int, *, today: date | None = None, limit: int | None = TOP) -> dict:
    """The figures of the staff audience page for the last ``days`` days (a key of
    ``PERIODS``): totals against the period before, the ``limit`` most viewed items (all with
    ``None``) with their object, the views per kind of page and the trend per day, week or
    month. A fixed number of queries: at most four, and one per kind of page among the top
    items."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q, Sum

    from core.models import PageViewDay

    start, end, previous_start, previous_end = period_bounds(days, today)
    rows = PageViewDay.objects.filter(day__gte=previous_start, day__lte=end)
    now, before = Q(day__gte=start), Q(day__lte=previous_end)
    sums = {"current": Sum("views", filter=now), "previous": Sum("views", filter=before)}
    items = list(
        rows.order_by()
        .values("content_type", "object_id")
        .annotate(**sums)
        .filter(current__gt=0)
        .order_by("-current", "content_type", "object_id")
    )
    if limit is not None:
        items = items[:limit]
    kinds = list(
        rows.order_by().values("content_type").annotate(**sums).order_by("-current", "content_type")
    )
    # Every content type at once (then cached): the lookups below make no query.
    ContentType.objects.get_for_models(*counted_models().values(), for_concrete_models=False)
    objects = {}
    wanted: dict[int, list[int]] = {}
    for item in items:
        wanted.setdefault(item["content_type"], []).append(item["object_id"])
    for type_id, pks in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is not None:
            for obj in model._base_manager.filter(pk__in=pks):
                objects[type_id, obj.pk] = obj
    for row in [*items, *kinds]:
        row["current"] = row["current"] or 0
        row["previous"] = row["previous"] or 0
        row["change"] = change(row["current"], row["previous"])
        model = ContentType.objects.get_for_id(row["content_type"]).model_class()
        row["kind"] = model._meta.verbose_name if model else "?"
        row["kind_plural"] = model._meta.verbose_name_plural if model else "?"
    for item in items:
        item["object"] = objects.get((item["content_type"], item["object_id"]))
    size = PERIODS.get(days, "day")
    trend: dict[date, int] = {}
    day = start
    while day <= end:
        trend.setdefault(_bucket(day, size), 0)
        day += timedelta(days=1)
    daily = rows.filter(now).order_by().values("day").annotate(total=Sum("views"))
    for row in daily.values_list("day", "total"):
        trend[_bucket(row[0], size)] += row[1]
    highest = max(trend.values(), default=0) or 1
    current = sum(row["current"] for row in kinds)
    previous = sum(row["previous"] for row in kinds)
    return {
        "start": start,
        "end": end,
        "previous_start": previous_start,
        "previous_end": previous_end,
        "current": current,
        "previous": previous,
        "change": change(current, previous),
        "items": items,
        "kinds": kinds,
        "bucket": size,
        "trend": [
            {"start": key, "views": value, "percent": round(value * 100 / highest)}
            for key, value in sorted(trend.items())
        ],
    }


# Demo content: plausible daily figures for the last months.

DEMO_DAYS = 200
DEMO_ITEMS = 40  # per kind of page, the first by primary key
# Views per day of an average page of each kind (events and articles draw the most).
DEMO_BASE = {"organisation": 1.6, "project": 1.0, "event": 2.2, "training": 1.3, "article": 1.8}


def demo_load(*, scale: int, log) -> None:
    """Daily views of the first public items of each counted kind over the last DEMO_DAYS
    days (not today, which the live buffer counts): a steady popularity per item, quieter
    weekends, a slow growth. The same figures on every run (seeded by the item's rank), and rows
    already there are kept."""
    import random

    from django.contrib.contenttypes.models import ContentType

    from core.models import PageViewDay

    today = timezone.localdate()
    rows = []
    for label, model in counted_models().items():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        base = DEMO_BASE.get(model._meta.model_name, 1.0)
        pks = model._base_manager.order_by("pk").values_list("pk", flat=True)[:DEMO_ITEMS]
        for position, pk in enumerate(pks):
            rng = random.Random(f"{label}:{position}")
            popularity = base * rng.lognormvariate(0, 0.8)
            for back in range(DEMO_DAYS, 0, -1):
                day = today - timedelta(days=back)
                growth = 0.6 + 0.4 * (DEMO_DAYS - back) / DEMO_DAYS
                weekday = 0.45 if day.weekday() >= 5 else 1.0
                views = int(rng.expovariate(1) * popularity * growth * weekday * 1.2)
                if views:
                    rows.append(
                        PageViewDay(content_type=content_type, object_id=pk, day=day, views=views)
                    )
    PageViewDay.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    log(f"audience: {len(rows)} daily page-view figures over {DEMO_DAYS} days")
