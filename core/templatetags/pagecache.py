"""``{% cachedblock "name" [part ...] %}...{% endcachedblock %}``: a part of a page that is
the same for every reader, kept in the shared cache until a table it read is written (see
core/pagecache.py). The parts (a market, a page number...) make the key; the language is
always in it. Never put per-person content (unless a part names the person), a form with
``{% csrf_token %}`` or messages inside. A model instance among the parts is keyed by its
primary key, and the block depends on its table (it may show fields of the object read
before the block)."""

from django import template
from django.db import models
from django.utils.safestring import mark_safe

from core.pagecache import cached_fragment, depends_on

register = template.Library()


class CachedBlockNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        parts = [str(self.name.resolve(context))]
        objects = []
        for part in self.parts:
            value = part.resolve(context)
            if isinstance(value, models.Model):
                objects.append(value)
                value = f"{value._meta.label}:{value.pk}"
            parts.append(str(value))
        key = "block:" + ":".join(parts)

        def build():
            depends_on(*objects)
            return self.nodelist.render(context)

        return mark_safe(cached_fragment(key, build))  # noqa: S308


@register.tag
def cachedblock(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse(("endcachedblock",))
    parser.delete_first_token()
    return CachedBlockNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
