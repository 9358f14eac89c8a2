"""Typography of the reader's language: dates, numbers, amounts and punctuation.

French has rules English does not (Imprimerie nationale, as French readers expect them):

- a non-breaking space before ``:`` and a narrow one before ``;``, ``!``, ``?`` and inside
  « guillemets », so that no line starts with a punctuation mark;
- thousands grouped with a narrow non-breaking space (``12 000``), a decimal comma;
- the currency after the amount, with a non-breaking space: ``12 000 €``;
- month names in full or with their dictionary abbreviations (``août``, ``janv.``,
  ``juil.``: never ``Aoû`` nor a ``jui`` that could be June or July), ``1er`` for the
  first of a month.

English keeps ``€12,000``, ``1 August 2026`` and its punctuation as written. The template
filters of ``{% load typography %}`` call these functions; emails and feeds may too.
"""

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

from django.utils import dateformat, formats, translation
from django.utils.dates import MONTHS

NBSP = "\u00a0"  # before ":" and a currency sign
NNBSP = "\u202f"  # narrow: before ; ! ? and between groups of digits

FRENCH_MONTH_ABBREVIATIONS = {
    1: "janv.",
    2: "févr.",
    3: "mars",
    4: "avr.",
    5: "mai",
    6: "juin",
    7: "juil.",
    8: "août",
    9: "sept.",
    10: "oct.",
    11: "nov.",
    12: "déc.",
}
ENGLISH_MONTH_ABBREVIATIONS = dict(
    enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)
)


def is_french(language: str | None = None) -> bool:
    return (language or translation.get_language() or "fr").startswith("fr")


# Numbers and amounts.


def _to_decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def number(value, decimals: int | None = None, *, language: str | None = None) -> str:
    """``12345.5`` as ``12 345,5`` in French (narrow no-break spaces), ``12,345.5`` in
    English. ``decimals`` fixes the number of decimals; by default a whole number has none
    and others keep up to two."""
    amount = _to_decimal(value)
    if amount is None:
        return ""
    if decimals is None:
        decimals = 0 if amount == amount.to_integral_value() else 2
    quantum = Decimal(1).scaleb(-decimals)
    amount = amount.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _dot, fraction = f"{abs(amount):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    if is_french(language):
        text = NNBSP.join(groups) + ("," + fraction if fraction else "")
    else:
        text = ",".join(groups) + ("." + fraction if fraction else "")
    return sign + text


def money(value, decimals: int | None = None, *, language: str | None = None) -> str:
    """An amount in euros: ``12 000 €`` or ``1 234,50 €`` in French, ``€12,000`` in
    English (cents only when there are some, unless ``decimals`` says how many: 2 on
    invoices)."""
    amount = _to_decimal(value)
    if amount is None:
        return ""
    if decimals is None:
        decimals = 0 if amount == amount.to_integral_value() else 2
    text = number(amount, decimals, language=language)
    if is_french(language):
        return f"{text}{NBSP}€"
    if text.startswith("-"):
        return f"-€{text[1:]}"
    return f"€{text}"


def compact_money(value, *, language: str | None = None) -> str:
    """A rounded amount for figures and cards: ``1,2 M€``, ``850 k€``, ``9 500 €`` in
    French; ``€1.2M``, ``€850k``, ``€9,500`` in English."""
    amount = _to_decimal(value)
    if amount is None:
        return ""
    french = is_french(language)
    if abs(amount) >= 1_000_000:
        millions = (amount / 1_000_000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        text, unit = number(millions, 0 if millions % 1 == 0 else 1, language=language), "M"
    elif abs(amount) >= 10_000:
        thousands = (amount / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        text, unit = number(thousands, 0, language=language), "k"
    else:
        return money(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP), language=language)
    return f"{text}{NBSP}{unit}€" if french else f"€{text}{unit}"


# Dates.


def month_abbreviation(value, *, language: str | None = None) -> str:
    month = value.month
    if is_french(language):
        return FRENCH_MONTH_ABBREVIATIONS[month]
    return ENGLISH_MONTH_ABBREVIATIONS[month]


def _day_number(value, language) -> str:
    if is_french(language) and value.day == 1:
        return "1er"
    return str(value.day)


STYLES = frozenset(
    {"long", "weekday", "short", "day_month", "month", "month_year", "short_month_year"}
    | {"time", "datetime"}
)


def _first_of_month(pattern: str) -> str:
    """A Django date format whose day of the month (``j``) is followed by ``er``: for the
    first of a month in French. Escaped characters stay as they are."""
    result, escaped = [], False
    for char in pattern:
        result.append(char)
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "j":
            result.append(r"\e\r")
    return "".join(result)


def _django_format(value, style: str, language: str | None) -> str:
    with translation.override(language or translation.get_language()):
        pattern = formats.get_format(style) if style.endswith("_FORMAT") else style
        if is_french() and value.day == 1:
            pattern = _first_of_month(pattern)
        return dateformat.format(value, pattern)


def date(value, style: str = "long", *, language: str | None = None) -> str:
    """A date (or a datetime, in the current time zone) in the reader's language.

    Styles: ``long`` (1er août 2026 · 1 August 2026), ``weekday`` (samedi 1er août 2026 ·
    Saturday 1 August 2026), ``short`` (01/08/2026 · 01/08/2026), ``day_month`` (1er août
    · 1 August), ``month`` (août · Aug), ``month_year`` (août 2026 · August 2026),
    ``short_month_year`` (août 2026 · Aug 2026), ``time`` (14 h 30 · 2.30 pm) and
    ``datetime`` (the long date and the time). Any other style is a Django date format, a
    name (``DATE_FORMAT``) or a pattern (``l j F Y, H:i``), applied as Django's
    ``date_format`` does (to the value as given, in its own time zone) but with ``1er``."""
    if value in (None, ""):
        return ""
    if style not in STYLES:
        return _django_format(value, style, language)
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        if timezone.is_aware(value):
            value = timezone.localtime(value)
    with translation.override(language or translation.get_language()):
        language = translation.get_language()
        french = is_french(language)
        if style == "time":
            return _time(value, french)
        if style == "datetime":
            at = "à" if french else "at"
            return f"{date(value, 'long')} {at} {_time(value, french)}"
        if style == "short":
            return formats.date_format(value, "d/m/Y")
        if style == "month":
            return month_abbreviation(value)
        month = str(MONTHS[value.month])
        if french:
            month = month.lower()
        if style == "month_year":
            return f"{month} {value.year}" if french else f"{month.title()} {value.year}"
        if style == "short_month_year":
            abbreviation = month_abbreviation(value)
            return f"{abbreviation} {value.year}"
        day = f"{_day_number(value, language)} {month}"
        if style == "day_month":
            return day
        text = f"{day} {value.year}"
        if style == "weekday":
            weekday = formats.date_format(value, "l")
            text = f"{weekday.lower() if french else weekday} {text}"
        return text


def _time(value, french: bool) -> str:
    if french:
        return (
            f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}"
            if value.minute
            else f"{value.hour}{NBSP}h"
        )
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}.{value.minute:02d}{NBSP}{suffix}" if value.minute else f"{hour}{NBSP}{suffix}"


# Punctuation.

# An HTML tag, an entity, or a run of text between them.
_HTML_PARTS = re.compile(r"(<[^>]*>|&[#A-Za-z0-9]+;)")
# The mark ends a word (or follows an inline tag: the text then starts with a space).
_SPACE_BEFORE_HIGH = re.compile(r"(?:(?<=[^\s<>])|^ )[ \u00a0\u202f]?([;!?])(?=[\s<]|$)")
_SPACE_BEFORE_COLON = re.compile(r"(?:(?<=[^\s<>\d])|^ )[ \u00a0\u202f]?(:)(?=[\s<]|$)")
_OPENING_QUOTE = re.compile(r"«[ \u00a0\u202f]?")
_CLOSING_QUOTE = re.compile(r"[ \u00a0\u202f]?»")
_PROTECT = re.compile(r"<(pre|code|kbd|samp|script|style)\b", re.IGNORECASE)


def _french_text(text: str) -> str:
    text = _SPACE_BEFORE_HIGH.sub(NNBSP + r"\1", text)
    text = _SPACE_BEFORE_COLON.sub(NBSP + r"\1", text)
    text = _OPENING_QUOTE.sub("«" + NNBSP, text)
    return _CLOSING_QUOTE.sub(NNBSP + "»", text)


def punctuation(text: str, *, language: str | None = None) -> str:
    """French spacing of ``text`` (plain text or HTML: tags, entities and code are left
    alone); English text is returned as it is. Only the space before a mark that ends a
    word is touched: ``https://``, ``10:30`` or ``?q=`` never change."""
    if not text or not is_french(language):
        return text
    parts = _HTML_PARTS.split(str(text))
    protected = None
    for index, part in enumerate(parts):
        if index % 2:  # a tag or an entity
            opening = _PROTECT.match(part)
            if opening:
                protected = opening.group(1).lower()
            elif protected and part.lower().startswith(f"</{protected}"):
                protected = None
            continue
        if not protected:
            parts[index] = _french_text(part)
    return "".join(parts)
