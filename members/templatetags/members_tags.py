"""Presentation helpers of the members pages."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from core.structured_data import json_ld_script

register = template.Library()


@register.filter
def json_ld(data) -> str:
    """A ``<script type="application/ld+json">`` data block (see core.structured_data)."""
    return json_ld_script(data)


@register.filter
def initials(name: str) -> str:
    """Up to two initials of an organisation, for the placeholder of a missing logo."""
    words = [word for word in (name or "").replace("(", " ").split() if word[:1].isalnum()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


@register.filter
def modulo(value, divisor) -> int:
    """``value`` modulo ``divisor`` (0 when empty)."""
    return int(value or 0) % int(divisor)


@register.filter
def email_domain(email: str) -> str:
    """ "@voltaria-demo.example" for an address: shows where someone works, not the address."""
    return "@" + email.rsplit("@", 1)[-1] if email and "@" in email else ""


@register.filter
def masked_email(email: str) -> str:
    """ "n•••e@voltaria-demo.example": enough for its owner to recognise the address, too
    little for anyone else to write to it."""
    if not email or "@" not in email:
        return ""
    local, domain = email.rsplit("@", 1)
    hidden = local[0] + "•••" + (local[-1] if len(local) > 2 else "")
    return f"{hidden}@{domain}"


@register.simple_tag
def filter_select(form, name: str):
    """A labelled ``<select>`` of a GET filter form, built in one pass (the directory renders
    seven of them on every request; the widget templates cost much more)."""
    bound = form[name]
    current = str(bound.value() or "")
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, mark_safe(" selected") if str(value) == current else "", label)  # noqa: S308
            for value, label in bound.field.choices
        ),
    )
    return format_html(
        '<label class="form-label" for="{id}">{label}</label>'
        '<select class="form-select" name="{name}" id="{id}">{options}</select>',
        id=bound.id_for_label,
        label=bound.label,
        name=bound.html_name,
        options=options,
    )
