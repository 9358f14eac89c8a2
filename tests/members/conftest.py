"""Fixtures of the members tests."""

import io

import pytest
from PIL import Image

from members.models import Membership
from tests.factories import MarketFactory
from tests.members.factories import MembershipFactory


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
