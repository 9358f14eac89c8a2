"""The import preview under the Content-Security-Policy: django-import-export writes its
differences with inline styles, which the policy blocks; the stylesheet colours them."""

import re

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

STYLE_ATTRIBUTE = re.compile(r'\sstyle="[^"]*"')


@register.filter
def without_inline_styles(html):
    """The library's difference markup (already escaped) without its ``style`` attributes."""
    return mark_safe(STYLE_ATTRIBUTE.sub("", str(html)))
