"""Benchmark: the public feed of 2,500 events is built afresh in under 1 s of CPU time.

Not part of the normal run: ``pytest -m benchmark tests/events/test_benchmark_feed.py``.
CPU time of the test thread is measured (the machine is shared: wall-clock time, printed
too, also counts the time spent waiting for a CPU). Before the VEVENTs were written
directly (and the descriptions converted by a full Markdown rendering), the same feed took
3.3 s of CPU time here (4 to 7 s of wall-clock time); now about 0.45 s.
"""

import sys
import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from icalendar import Calendar

from events.models import Event
from tests.events.test_queries import make_events
from tests.factories import MarketFactory, UserFactory

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]

TARGET_CPU_SECONDS = 1.0
DESCRIPTION = (
    "## Programme\n\nUne journée pour **comprendre** les batteries, avec [le dossier]"
    "(https://dossier.example/batteries) et des visites.\n\n- accueil et café;\n"
    "- exposés des adhérents, questions;\n- visite de la ligne pilote.\n\n"
    "Déjeuner offert. Parking sur place, gare à dix minutes à pied."
)


def test_public_feed_of_2500_events(client):
    market = MarketFactory(theme="electric")
    make_events(3000, market, UserFactory())
    Event.objects.update(description=DESCRIPTION, description_en=DESCRIPTION)
    url = reverse("events:event-feed")
    timings = []
    for _round in range(3):
        cache.clear()
        cpu, wall = time.process_time(), time.perf_counter()
        response = client.get(url)
        timings.append((time.process_time() - cpu, time.perf_counter() - wall))
    entries = Calendar.from_ical(response.content).walk("VEVENT")
    best_cpu = min(cpu for cpu, _wall in timings)
    sys.stdout.write(
        f"\nfeed of {len(entries)} events: best {best_cpu:.2f} s CPU, "
        f"wall {[round(wall, 2) for _cpu, wall in timings]} s, {len(response.content)} bytes\n"
    )
    assert len(entries) > 2000
    assert best_cpu < TARGET_CPU_SECONDS
