"""Template access to the account rules of ``accounts.permissions``."""

from django import template

from accounts import permissions

register = template.Library()


@register.filter
def acts_as_staff(user) -> bool:
    """``{% if user|acts_as_staff %}``: the person has staff powers on the portal."""
    return permissions.acts_as_staff(user)
