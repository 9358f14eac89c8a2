"""Presentation helpers of the trainings templates."""

import re

from django import template
from django.utils.safestring import SafeString, mark_safe

from core.markdown import render_markdown

register = template.Library()

HEADING = re.compile(r"<(/?)h([2-6])>")


@register.filter
def markdown_under(text: str, level: int = 2) -> SafeString:
    """Markdown rendered inside a section whose own heading is ``h<level>``: the text's
    headings move down (## becomes h3 under an h2, h4 under an h3), so that the page
    outline stays in order."""
    html = render_markdown(text or "")
    shift = int(level) - 1

    def rename(match):
        return f"<{match[1]}h{min(int(match[2]) + shift, 6)}>"

    # The HTML is sanitised already; only bare heading tags are renamed.
    return mark_safe(HEADING.sub(rename, html))  # noqa: S308
