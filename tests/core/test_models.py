"""The shared fields of a price and of an account, and text in the reader's language."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation

from core.models import account_field, localized, price_field


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


def test_an_account_field_empties_when_the_account_goes():
    field = account_field("author", related_name="articles", help_text="Who wrote it.")
    assert field.remote_field.model == settings.AUTH_USER_MODEL
    assert field.remote_field.on_delete is models.SET_NULL
    assert field.null and field.blank
    assert field.remote_field.related_name == "articles"
    assert field.help_text == "Who wrote it."


def test_an_account_field_has_no_way_back_by_default():
    assert account_field("decided by").remote_field.related_name == "+"


class _Text:
    title = "Titre"
    title_en = "Title"
    summary = "Résumé"
    summary_en = ""
    localized_title = localized("title")
    localized_summary = localized("summary")


def test_localized_text_follows_the_reader_language():
    with translation.override("en"):
        assert _Text().localized_title == "Title"
    with translation.override("fr"):
        assert _Text().localized_title == "Titre"


def test_localized_text_falls_back_to_french_when_no_english_is_given():
    with translation.override("en"):
        assert _Text().localized_summary == "Résumé"
