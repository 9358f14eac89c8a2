"""The shared field of a price."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from core.models import price_field


def test_a_price_field_takes_euros_to_the_cent():
    field = price_field("price")
    assert field.clean(Decimal("0"), None) == Decimal("0")
    assert field.clean("999999.99", None) == Decimal("999999.99")


@pytest.mark.parametrize("value", ["-0.01", "12.345", "1000000"])
def test_a_price_field_refuses_negative_too_precise_or_too_large_amounts(value):
    with pytest.raises(ValidationError):
        price_field("price").clean(value, None)


def test_a_price_field_passes_its_options_on():
    field = price_field("price", null=True, blank=True, help_text="Excl. VAT.")
    assert field.null and field.blank
    assert field.help_text == "Excl. VAT."
    assert field.clean(None, None) is None
