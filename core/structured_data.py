"""schema.org data for search engines (JSON-LD), written the one way every page shares.

:func:`json_ld_script` turns a dict into a ``<script type="application/ld+json">`` data
block. Browsers never run such blocks, so the Content-Security-Policy does not apply; the
characters that could close the element or open a comment (``<``, ``>``, ``&``) are written
as JSON escapes, so no text of the data (a title with ``</script>``) can break out of it.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_text(data) -> SafeString:
    """The JSON of ``data``, safe inside a script element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(ESCAPES)
    return mark_safe(text)  # noqa: S308 - <, > and & are escaped just above


def json_ld_script(data) -> SafeString:
    """A ``<script type="application/ld+json">`` block holding ``data`` (or a list)."""
    return format_html('<script type="application/ld+json">{}</script>', json_text(data))


def absolute(url: str) -> str:
    """``url`` with the site's scheme and host, unless it already has them."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL + url


def cluster_reference() -> dict:
    """The cluster as an organisation, short (the organiser or publisher of a page)."""
    return {"@type": "Organization", "name": _("Vehicle of the Future"), "url": absolute("/")}


def organization() -> dict:
    """The cluster itself, for its home page."""
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": absolute(reverse("home")) + "#organization",
        "name": _("Vehicle of the Future"),
        "alternateName": _("Vehicle of the Future cluster"),
        "url": absolute(reverse("home")),
        "logo": absolute(static("img/social-card.png")),
        "description": _(
            "Vehicle of the Future, the competitiveness cluster for the vehicle and mobility "
            "of the future in Bourgogne-Franche-Comté and Grand Est."
        ),
        "foundingDate": "2005",
        "areaServed": ["Bourgogne-Franche-Comté", "Grand Est"],
        "nonprofitStatus": "NonprofitType",
    }


def website() -> dict:
    """The portal as a web site, with its search (a ``SearchAction``), for its home page."""
    search = absolute(reverse("search"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": _("Vehicle of the Future"),
        "url": absolute(reverse("home")),
        "inLanguage": get_language(),
        "publisher": {"@id": absolute(reverse("home")) + "#organization"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_list(trail: list[tuple[str, str]]) -> dict:
    """A ``BreadcrumbList`` of ``(name, url)`` pairs, the home page first."""
    items = [(_("Home"), reverse("home")), *trail]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": str(name), "item": absolute(url)}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }
