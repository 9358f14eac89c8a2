"""``{% cachedblock "name" [part ...] %}...{% endcachedblock %}``: a part of a page that is
the same for every reader, kept in the shared cache until a table it read is written (see
core/pagecache.py). The parts (a market, a page number...) make the key; the language is
always in it. Never put per-person content, a form with ``{% csrf_token %}`` or messages
inside. A name that is empty renders the block live, uncached: the view decides, e.g. the
people of an organisation see their own page live while other readers share it."""

from django import template
from django.utils.safestring import mark_safe

from core.pagecache import cached_fragment

register = template.Library()


class CachedBlockNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        name = self.name.resolve(context)
        if not name:
            return self.nodelist.render(context)
        parts = [str(name)]
        parts += [str(part.resolve(context)) for part in self.parts]
        key = "block:" + ":".join(parts)
        return mark_safe(cached_fragment(key, lambda: self.nodelist.render(context)))  # noqa: S308


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
