"""``{% load typography %}``: dates, numbers, amounts and punctuation in the reader's
language (see core/typography.py for the rules).

    {{ event.start|day }}                  1er août 2026 · 1 August 2026
    {{ event.start|day:"weekday" }}        samedi 1er août 2026
    {{ event.start|day:"month" }}          août · Aug
    {{ event.start|day:"time" }}           14 h 30 · 2.30 pm
    {{ count|number }}                     12 345 · 12,345
    {{ fee.amount|money }}                 12 000 € · €12,000
    {{ invoice.total|money:2 }}            12 000,00 € · €12,000.00
    {{ text|typo }}                        « Bonjour » : prêt ? (French spacing)
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from core import typography

register = template.Library()


@register.filter(expects_localtime=True)
def day(value, style="long"):
    return typography.date(value, style)


@register.filter
def number(value, decimals=None):
    return typography.number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def money(value, decimals=None):
    return typography.money(value, None if decimals in (None, "") else int(decimals))


@register.filter(needs_autoescape=True)
def typo(text, autoescape=True):
    """French spacing of a text or of HTML already marked safe (a Markdown rendering)."""
    if text in (None, ""):
        return ""
    escaped = conditional_escape(text) if autoescape else text
    return mark_safe(typography.punctuation(str(escaped)))  # noqa: S308 - escaped above
