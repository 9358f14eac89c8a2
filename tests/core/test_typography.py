"""French and English typography of dates, numbers, amounts and punctuation."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from core import typography
from core.typography import NBSP, NNBSP

AUGUST_FIRST = dt.date(2026, 8, 1)


def test_french_numbers_group_thousands_with_a_narrow_space():
    assert typography.number(12000, language="fr") == f"12{NNBSP}000"
    assert typography.number(Decimal("1234567.5"), language="fr") == f"1{NNBSP}234{NNBSP}567,50"
    assert typography.number(999, language="fr") == "999"
    assert typography.number(-4500, language="fr") == f"-4{NNBSP}500"
    assert typography.number(None) == ""


def test_english_numbers_group_thousands_with_commas():
    assert typography.number(12000, language="en") == "12,000"
    assert typography.number(Decimal("1234.5"), language="en") == "1,234.50"
    assert typography.number(Decimal("3.14159"), 1, language="en") == "3.1"


def test_money_puts_the_euro_sign_where_each_language_expects_it():
    assert typography.money(12000, language="fr") == f"12{NNBSP}000{NBSP}€"
    assert typography.money(Decimal("1234.50"), language="fr") == f"1{NNBSP}234,50{NBSP}€"
    assert typography.money(Decimal("12000.00"), language="en") == "€12,000"
    assert typography.money("", language="en") == ""


def test_french_dates_use_dictionary_abbreviations_and_first_of_the_month():
    assert typography.date(AUGUST_FIRST, language="fr") == "1er août 2026"
    assert typography.date(AUGUST_FIRST, "month", language="fr") == "août"
    assert typography.date(dt.date(2026, 7, 14), "month", language="fr") == "juil."
    assert typography.date(dt.date(2026, 6, 3), "month", language="fr") == "juin"
    assert typography.date(AUGUST_FIRST, "weekday", language="fr") == "samedi 1er août 2026"
    assert typography.date(AUGUST_FIRST, "month_year", language="fr") == "août 2026"
    assert "Aoû" not in typography.date(AUGUST_FIRST, "short_month_year", language="fr")
    moment = dt.datetime(2026, 12, 3, 14, 30)
    assert typography.date(moment, "time", language="fr") == f"14{NBSP}h{NBSP}30"
    assert (
        typography.date(moment, "datetime", language="fr") == f"3 décembre 2026 à 14{NBSP}h{NBSP}30"
    )


def test_english_dates():
    assert typography.date(AUGUST_FIRST, language="en") == "1 August 2026"
    assert typography.date(AUGUST_FIRST, "month", language="en") == "Aug"
    assert typography.date(AUGUST_FIRST, "weekday", language="en") == "Saturday 1 August 2026"
    assert typography.date(dt.datetime(2026, 1, 2, 9, 0), "time", language="en") == f"9{NBSP}am"


def test_french_punctuation_gets_its_spaces():
    text = "Au programme: innovation; compétences! Prêt? «Oui»"
    assert typography.punctuation(text, language="fr") == (
        f"Au programme{NBSP}: innovation{NNBSP}; compétences{NNBSP}! Prêt{NNBSP}? "
        f"«{NNBSP}Oui{NNBSP}»"
    )
    # A space typed before the mark becomes the right non-breaking one, not a second one.
    assert typography.punctuation("PME ; start-up", language="fr") == f"PME{NNBSP}; start-up"


def test_punctuation_leaves_addresses_times_entities_and_code_alone():
    html = (
        '<a href="https://a.example/?q=1">https://a.example</a> à 10:30 &amp; '
        "<code>a; b</code> fin;"
    )
    result = typography.punctuation(html, language="fr")
    assert 'href="https://a.example/?q=1"' in result
    assert "https://a.example</a>" in result and "10:30" in result and "&amp;" in result
    assert "<code>a; b</code>" in result
    assert result.endswith(f"fin{NNBSP};")


def test_english_punctuation_is_untouched():
    assert typography.punctuation("Note: ready?", language="en") == "Note: ready?"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", f"12{NNBSP}000{NBSP}€ · 1er août 2026 · Attention{NBSP}: &lt;b&gt;"),
        ("en", "€12,000 · 1 August 2026 · Attention: &lt;b&gt;"),
    ],
)
def test_the_template_filters(language, expected):
    template = Template(
        "{% load typography %}{{ amount|money }} · {{ when|day }} · {{ text|typo }}"
    )
    with translation.override(language):
        rendered = template.render(
            Context({"amount": 12000, "when": AUGUST_FIRST, "text": "Attention: <b>"})
        )
    assert rendered == expected


def test_punctuation_after_an_inline_tag_and_in_rendered_markdown():
    html = "<p><strong>PME</strong> ; <em>start-up</em> !</p>"
    assert typography.punctuation(html, language="fr") == (
        f"<p><strong>PME</strong>{NNBSP}; <em>start-up</em>{NNBSP}!</p>"
    )
    template = Template("{% load portal %}{{ text|markdown }}")
    with translation.override("fr"):
        rendered = template.render(Context({"text": "Au programme : **tout**"}))
    assert f"programme{NBSP}:" in rendered


@pytest.mark.parametrize(
    ("style", "french", "english"),
    [
        ("DATE_FORMAT", "1er août 2026", "Aug. 1, 2026"),
        ("l j F Y", "samedi 1er août 2026", "Saturday 1 August 2026"),
        ("d/m/Y", "01/08/2026", "01/08/2026"),  # a padded day stays as it is
        (r"j \j F", "1er j août", "1 j August"),  # an escaped j stays a letter
    ],
)
def test_django_date_formats_give_1er_in_french(style, french, english):
    assert typography.date(AUGUST_FIRST, style, language="fr") == french
    assert typography.date(AUGUST_FIRST, style, language="en") == english
    second = typography.date(dt.date(2026, 8, 2), style, language="fr")
    assert "1er" not in second and "2er" not in second


def test_the_day_filter_takes_django_formats_and_keeps_the_time_zone_of_the_value():
    template = Template('{% load typography %}{{ when|day:"j F Y, H:i" }}')
    moment = dt.datetime(2026, 1, 1, 9, 5)
    with translation.override("fr"):
        assert template.render(Context({"when": moment})) == "1er janvier 2026, 09:05"
    assert typography.date(dt.date(2026, 1, 11), "DATE_FORMAT", language="fr") == "11 janvier 2026"


def test_no_template_formats_a_day_of_the_month_without_the_typography_filter():
    """Django's ``date`` filter writes "1 janvier": dates go through ``|day``. A day number
    alone (``j``: a calendar's grid cell, an event's date tile) is left as it is."""
    from pathlib import Path

    from django.conf import settings

    pattern = re.compile(r'\|date:"([^"]*)"')
    offenders = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.*"):
        if path.suffix not in (".html", ".txt"):
            continue
        for found in pattern.finditer(path.read_text()):
            fmt = found.group(1)
            bare_day_number = fmt == "j"
            if fmt in ("DATE_FORMAT", "DATETIME_FORMAT") or (
                not bare_day_number and re.search(r"(?<!\\)j", fmt)
            ):
                offenders.append(f"{path.relative_to(settings.BASE_DIR)}: {fmt}")
    assert offenders == []
