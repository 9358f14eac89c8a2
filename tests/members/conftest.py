"""Fixtures of the members tests. Benchmarks run only when asked for."""

import io
import os

import pytest
from PIL import Image

from members.models import Membership
from tests.factories import MarketFactory
from tests.members.factories import MembershipFactory


def pytest_runtest_setup(item):
    """Timing benchmarks are left out of the normal run: ``RUN_BENCHMARKS=1`` (or
    ``-m benchmark``) runs them."""
    if not item.get_closest_marker("benchmark"):
        return
    asked = os.environ.get("RUN_BENCHMARKS") == "1" or (
        "benchmark" in (item.config.getoption("markexpr") or "")
        and "not benchmark" not in item.config.getoption("markexpr")
    )
    if not asked:
        pytest.skip("timing benchmark: run with RUN_BENCHMARKS=1 or -m benchmark")


@pytest.fixture
def mail_on_commit(django_capture_on_commit_callbacks):
    """Run the on_commit callbacks (emails) of the block, as a real commit would."""

    def capture():
        return django_capture_on_commit_callbacks(execute=True)

    return capture


@pytest.fixture
def markets(db):
    """The five markets, keyed by theme."""
    return {market.theme: market for market in MarketFactory.create_batch(5)}


@pytest.fixture
def member(db):
    """A person of another active member organisation (sees "members only" names)."""
    return MembershipFactory(role=Membership.Role.COLLEAGUE).user


def png_bytes(width=64, height=64, colour="#0b7a4b", mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()
