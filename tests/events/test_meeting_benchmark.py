"""The placement of a large meeting day stays fast: 200 participants, 1,000 accepted
requests, under 2 seconds (run with ``-m benchmark``)."""

import time

import pytest

from events.matchmaking.scheduling import place
from tests.events.test_meeting_scheduling import assert_valid, random_day

pytestmark = pytest.mark.benchmark


def test_200_participants_and_1000_meetings_in_under_2_seconds():
    problem = random_day(people=200, meetings=1000, slots=16, tables=80, seed=1, cap=12)
    started = time.perf_counter()
    result = place(problem)
    elapsed = time.perf_counter() - started
    assert elapsed < 2, f"placement took {elapsed:.2f}s"
    assert_valid(problem, result.placed)
    assert len(result.placed) >= 990
