"""Small shared helpers: unique slugs and the base error."""

import pytest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from core.errors import PortalError
from core.text import unique_slug
from members.models import Competency


@pytest.mark.django_db
def test_unique_slug_numbers_taken_slugs_and_avoids_reserved_ones():
    Competency.objects.create(slug="hydrogene", name="Hydrogène")
    Competency.objects.create(slug="hydrogene-2", name="Hydrogène 2")
    markets = Competency.objects.all()
    assert unique_slug(markets, "Hydrogène", fallback="marche") == "hydrogene-3"
    assert unique_slug(markets, "Électrique", fallback="marche") == "electrique"
    assert unique_slug(markets, "?!", fallback="marche") == "marche"
    assert unique_slug(markets, "Map", fallback="marche", reserved={"map"}) == "map-marche"
    assert len(unique_slug(markets, "x" * 200, fallback="marche", max_length=20)) == 20


def test_a_portal_error_keeps_its_translatable_message_and_reason():
    error = PortalError(_("This event is cancelled."), reason="cancelled")
    with override("fr"):
        assert str(error.message) == "Cet événement est annulé."
    assert error.reason == "cancelled"
