"""Presentation helpers of the projects templates."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def euros(amount):
    """A compact amount in euros: 850 k€, 1.2 M€ (localised decimal mark)."""
    if amount in (None, ""):
        return ""
    amount = int(amount)
    if amount >= 1_000_000:
        millions = round(amount / 1_000_000, 1)
        decimals = 0 if millions == int(millions) else 1
        value = number_format(millions, decimal_pos=decimals, force_grouping=True)
        return _("%(amount)s M€") % {"amount": value}
    if amount >= 10_000:
        return _("%(amount)s k€") % {"amount": number_format(round(amount / 1000))}
    return _("%(amount)s €") % {"amount": number_format(amount, force_grouping=True)}


@register.filter
def status_class(status: str) -> str:
    """The CSS class of a status badge."""
    return f"status-{status}"
