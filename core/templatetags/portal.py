"""Presentation helpers every app's templates use: icons, Markdown, images, market badges."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import hooks
from core.images import rendition_srcset, rendition_url
from core.markdown import markdown_to_text, render_markdown
from core.typography import punctuation

register = template.Library()

# Inline SVG icons, 24×24, drawn with strokes in currentColor.
ICONS = {
    "electric": '<path d="M13 2 5 13.5h6L10 22l8-11.5h-6L13 2Z"/>',
    "hydrogen": (
        '<circle cx="7" cy="12" r="4"/><circle cx="17" cy="12" r="4"/><path d="M11 12h2"/>'
    ),
    "autonomous": (
        '<path d="M4 17v-3l2-5h12l2 5v3Z"/><circle cx="8" cy="17" r="1.6"/>'
        '<circle cx="16" cy="17" r="1.6"/><path d="M9 5.5a4.5 4.5 0 0 1 6 0"/>'
        '<path d="M6.8 3.3a8 8 0 0 1 10.4 0"/>'
    ),
    "services": (
        '<circle cx="6" cy="18" r="2"/><circle cx="18" cy="6" r="2"/>'
        '<path d="M8 18h6.5a3 3 0 0 0 0-6h-5a3 3 0 0 1 0-6H16"/>'
    ),
    "industry": ('<path d="M3 21V11l5 3v-3l5 3v-3l5 3V4h3v17Z"/><path d="M7 17h2M12 17h2"/>'),
    "arrow-right": '<path d="M5 12h14M13 6l6 6-6 6"/>',
    "calendar": (
        '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>'
    ),
    "clock": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
    "map-pin": '<path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21Z"/>'
    '<circle cx="12" cy="9.5" r="2.5"/>',
    "users": (
        '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20a6.5 6.5 0 0 1 13 0"/>'
        '<path d="M16 4.8a3.5 3.5 0 0 1 0 6.4M18.5 20a6.5 6.5 0 0 0-2.5-5.1"/>'
    ),
    "user": '<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>',
    "search": '<circle cx="11" cy="11" r="7"/><path d="m20 20-4-4"/>',
    "globe": (
        '<circle cx="12" cy="12" r="9"/><path d="M3 12h18"/>'
        '<path d="M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"/>'
    ),
    "check": '<path d="m5 12.5 4.5 4.5L19 7"/>',
    "x": '<path d="M6 6l12 12M18 6 6 18"/>',
    "external": (
        '<path d="M14 4h6v6M20 4l-9 9"/>'
        '<path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"/>'
    ),
    "mail": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>',
    "download": '<path d="M12 3v12M7 10l5 5 5-5M4 20h16"/>',
    "lock": '<rect x="4" y="10" width="16" height="11" rx="2"/><path d="M8 10V7a4 4 0 0 1 8 0v3"/>',
    "shield": '<path d="M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6Z"/><path d="m9 12 2 2 4-4"/>',
    "building": (
        '<path d="M4 21V4h10v17M14 9h6v12"/><path d="M8 8h2M8 12h2M8 16h2M17 13h0M17 17h0"/>'
    ),
    "flag": '<path d="M5 21V4M5 4h11l-2 4 2 4H5"/>',
    "target": (
        '<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="5"/>'
        '<circle cx="12" cy="12" r="1"/>'
    ),
    "news": (
        '<path d="M4 5h13v14a2 2 0 0 0 2 2H6a2 2 0 0 1-2-2Z"/><path d="M17 9h3v10a2 2 0 0 1-2 2"/>'
        '<path d="M8 9h5M8 13h5M8 17h3"/>'
    ),
    "graduation": '<path d="m2 9 10-5 10 5-10 5Z"/><path d="M6 11v5c3 2.5 9 2.5 12 0v-5M22 9v6"/>',
    "handshake": (
        '<path d="m3 11 4-4 5 2 4-2 5 4"/><path d="m7 7 6 7a1.5 1.5 0 0 0 2-2"/>'
        '<path d="M3 11l5 6a1.5 1.5 0 0 0 2.2 0l1-1M21 11l-4 5"/>'
    ),
    "menu": '<path d="M4 7h16M4 12h16M4 17h16"/>',
    "euro": '<path d="M17 6.5A7 7 0 1 0 17 17.5"/><path d="M4 10h9M4 14h9"/>',
    "info": '<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5h0"/>',
    "eye-off": (
        '<path d="M3 3l18 18"/><path d="M10.6 6.2A9.6 9.6 0 0 1 12 6c5 0 9 6 9 6a16 16 0 0 1-3 3.5'
        'M6.3 7.6A16 16 0 0 0 3 12s4 6 9 6a8.7 8.7 0 0 0 3.7-.8"/>'
    ),
    "roadmap": ('<path d="M9 4 3 6v14l6-2 6 2 6-2V4l-6 2Z"/><path d="M9 4v14M15 6v14"/>'),
}


@register.simple_tag
def icon(name: str, label: str = "", css_class: str = ""):
    """An inline SVG icon. Decorative unless a label is given."""
    paths = ICONS.get(name, ICONS["info"])
    if label:
        a11y = format_html('role="img" aria-label="{}"', label)
    else:
        a11y = mark_safe('aria-hidden="true"')
    return format_html(
        '<svg class="icon {}" {} focusable="false" viewBox="0 0 24 24" fill="none" '
        'stroke="currentColor" stroke-width="1.8" stroke-linecap="round" '
        'stroke-linejoin="round">{}</svg>',
        css_class,
        a11y,
        mark_safe(paths),  # noqa: S308 - constant markup defined above
    )


@register.filter
def markdown(text: str):
    """Render staff or member Markdown to sanitised HTML, with the French spacing of
    punctuation on French pages (core.typography)."""
    return mark_safe(punctuation(render_markdown(text or "")))  # noqa: S308 - sanitised


@register.filter
def plaintext(text: str):
    """The text of a Markdown snippet without any markup."""
    return markdown_to_text(text or "")


@register.filter
def rendition(file, width):
    """Address of the stored rendition of an image closest to ``width`` pixels."""
    return rendition_url(file, int(width))


@register.filter
def srcset(file):
    return rendition_srcset(file)


@register.inclusion_tag("includes/market_badge.html")
def market_badge(market, link=True):
    return {"market": market, "link": link}


@register.simple_tag(takes_context=True)
def panels(context, slot: str, obj=None):
    """Render the panels other apps registered for ``slot`` (see core/hooks.py)."""
    return mark_safe(hooks.render_panels(slot, context.get("request"), obj))  # noqa: S308


@register.simple_tag
def lang_of(obj, field: str):
    """` lang="fr"` where ``obj.field`` is shown in another language than the page's: a
    translated field (django-modeltranslation's ``title_en``, or a model's own optional
    ``summary_en``) whose translation is empty falls back to the French text, which a screen
    reader must then read as French (RGAA 8.7).
    ``<p{% lang_of organisation "pitch" %}>{{ organisation.pitch }}</p>``"""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    default = settings.LANGUAGE_CODE.split("-")[0]
    if language == default or obj is None:
        return ""
    own = getattr(obj, f"{field}_{language}", None)
    if own is None or own:
        return ""  # not a translated field, or translated
    return format_html(' lang="{}"', default)
