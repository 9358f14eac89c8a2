"""Presentation of the insights tables' figures."""

from datetime import date

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def figure(value):
    """A table cell: a dash for no figure, numbers grouped by thousands in the page's
    language, dates in its short format, text as it is."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return formats.number_format(value, force_grouping=True)
    if isinstance(value, float):
        return formats.number_format(value, decimal_pos=1 if value >= 10 else 2)
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return value


@register.filter
def is_text(value) -> bool:
    """Whether a cell holds words (aligned left) rather than a figure (aligned right)."""
    return isinstance(value, str)
