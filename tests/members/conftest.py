"""Fixtures of the members tests."""

import io

import pytest
from PIL import Image

from members.models import Membership
from tests.factories import MarketFactory
from tests.members.factories import MembershipFactory


@pytest.fixture
def markets(db):
    """The five markets, keyed by theme."""
    return {market.theme: market for market in MarketFactory.create_batch(5)}


@pytest.fixture
def application_data(markets):
    """What a visitor types in the membership application form."""
    return {
        "name": "Nouvelle Mobilité",
        "kind": "startup",
        "size_band": "micro",
        "siret": "73282932000074",
        "website": "https://www.nouvelle-mobilite.example",
        "address": "3 rue des Essais",
        "postcode": "25000",
        "city": "Besançon",
        "country": "FR",
        "pitch_fr": "Des navettes autonomes pour les zones d'activité.",
        "markets": [markets["autonomous"].pk],
        "contact_first_name": "Lina",
        "contact_last_name": "Essai",
        "contact_email": "lina@nouvelle-mobilite.example",
        "contact_phone": "03 81 00 00 00",
        "contact_job_title": "Fondatrice",
        "motivation": "Trouver des partenaires industriels.",
        "consent": "on",
    }


@pytest.fixture
def member(db):
    """A person of another active member organisation (sees "members only" names)."""
    return MembershipFactory(role=Membership.Role.COLLEAGUE).user


def png_bytes(width=64, height=64, colour="#0b7a4b", mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()
