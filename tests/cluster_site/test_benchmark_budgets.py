"""In-process budgets at 5,000 organisations (issue 11, part 6).

Not part of the normal run: ``pytest -m benchmark tests/cluster_site/test_benchmark_budgets.py``
on a PostgreSQL ``DATABASE_URL``. The portal gets 5,000 generated organisations with 2,500
projects and events, 1,250 trainings (the demo's bulk generators, as in test_page_queries).

- A page of the page cache for a visitor: at most 3 ms, no query.
- Home, market, search, directory and a profile for a signed-in member: at most 25 ms each
  with warm caches.

Server time is the work a request costs: the CPU time of the test thread plus the time the
database spent on its queries (the wall-clock time, printed too, also counts the time spent
waiting for a CPU on a busy shared machine). Medians of ``ROUNDS`` requests.
"""

import gc
import os
import statistics
import sys
import time

import pytest
from django.db import connection
from django.template.base import PartialTemplate, Template
from django.test.utils import CaptureQueriesContext, _TestState
from django.urls import reverse

from tests.cluster_site.test_page_queries import SEARCH, World
from tests.conftest import LanguageSafeClient

# page_cache: the file counts queries, which would otherwise switch the caches off (conftest).
pytestmark = [
    pytest.mark.benchmark,
    pytest.mark.page_cache,
    pytest.mark.postgres,
    pytest.mark.django_db,
]

ORGANISATIONS = 5000
ROUNDS = 15
CACHED_PAGE_MS = 3
MEMBER_PAGE_MS = 25


@pytest.fixture(autouse=True)
def production_rendering(monkeypatch):
    """Templates rendered as in production. The test environment makes every template send
    a signal on which the test client copies the whole context (to offer
    ``response.context``): a cost no server pays, a third of a page's time here."""
    saved = _TestState.saved_data
    monkeypatch.setattr(Template, "_render", saved.template_render)
    monkeypatch.setattr(PartialTemplate, "_render", saved.partial_template_render)


@pytest.fixture
def world(organisation, owner, colleague):
    world = World(organisation, owner, colleague)
    world.grow(portal=ORGANISATIONS, own=20)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # The test process holds what it built (tens of thousands of objects); an app server
    # does not. Left to the collector, they make full collections land in the timed
    # requests: they are set aside as a server's start-up objects would be.
    gc.collect()
    gc.freeze()
    yield world
    gc.unfreeze()


def timed(client, url) -> dict:
    with CaptureQueriesContext(connection) as queries:
        started, cpu_started = time.perf_counter(), time.thread_time()
        response = client.get(url)
        cpu = (time.thread_time() - cpu_started) * 1000
        wall = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, url
    sql = sum(float(query["time"]) for query in queries.captured_queries) * 1000
    return {"server": cpu + sql, "sql": sql, "wall": wall, "queries": len(queries)}


def medians(client, url) -> dict:
    client.get(url)  # warm-up: templates, per-process and shared caches
    client.get(url)
    rounds = [timed(client, url) for _round in range(ROUNDS)]
    return {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}


def show(title: str, results: dict, capsys) -> None:
    lines = [
        f"{title} (load average {os.getloadavg()[0]:.1f}), medians of {ROUNDS} requests, ms:",
        f"  {'':<12} {'server':>7} {'of which SQL':>13} {'wall clock':>11} {'queries':>8}",
    ]
    for name, r in results.items():
        lines.append(
            f"  {name:<12} {r['server']:7.1f} {r['sql']:13.1f} {r['wall']:11.1f} "
            f"{r['queries']:8.0f}"
        )
    with capsys.disabled():
        sys.stdout.write("\n" + "\n".join(lines) + "\n")


def test_a_cached_page_for_a_visitor_costs_3_ms_and_no_query(world, settings, capsys):
    settings.PAGE_CACHE_SECONDS = 300
    visitor = LanguageSafeClient()
    results = {
        name: medians(visitor, url)
        for name, url in {
            "home": reverse("home"),
            "directory": reverse("members:organisation-list"),
            "profile": world.organisation.get_absolute_url(),
        }.items()
    }
    show(f"Cached pages for a visitor, {ORGANISATIONS} organisations", results, capsys)
    for name, r in results.items():
        assert r["queries"] == 0, name
        assert r["server"] <= CACHED_PAGE_MS, f"{name}: {r['server']:.1f} ms"


def test_pages_for_a_member_cost_25_ms_with_warm_caches(world, settings, capsys):
    # This module counts queries, so tests/conftest.py turned the caches off: warm caches
    # are what is measured here.
    settings.FRAGMENT_CACHE_SECONDS = 300
    member = LanguageSafeClient()
    member.force_login(world.colleague)
    pages = {
        "home": reverse("home"),
        "market": world.markets[0].get_absolute_url(),
        "search": reverse("search") + f"?q={SEARCH}",
        "directory": reverse("members:organisation-list"),
        "profile": world.organisation.get_absolute_url(),
    }
    results = {name: medians(member, url) for name, url in pages.items()}
    show(f"Pages for a signed-in member, {ORGANISATIONS} organisations", results, capsys)
    slow = {
        name: round(r["server"], 1) for name, r in results.items() if r["server"] > MEMBER_PAGE_MS
    }
    assert not slow, f"over {MEMBER_PAGE_MS} ms: {slow}"
