"""Markdown written by staff and members, rendered to HTML that is safe to show.

The HTML produced by Markdown (and any raw HTML the author typed) is sanitised with nh3:
only a small set of formatting tags survives, links get ``rel="noopener noreferrer"``, and
no script, style, event handler or ``javascript:`` address can get through.
"""

import html
from functools import lru_cache

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}


@lru_cache(maxsize=512)
def render_markdown(text: str) -> SafeString:
    """Render Markdown to sanitised HTML. Headings start at h2: pages own their h1."""
    if not text:
        return mark_safe("")
    html = markdown_lib.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def markdown_to_text(text: str) -> str:
    """Plain text of a Markdown snippet (for meta descriptions and search).

    Entities are decoded (``R&amp;D`` becomes ``R&D``): templates escape the text once.
    """
    return html.unescape(nh3.clean(markdown_lib.markdown(text or ""), tags=set())).strip()
