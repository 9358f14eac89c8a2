"""``{% load site_contact %}``: the cluster's social links, in every page's footer."""

from django import template

from content.models import SocialLink
from core import pagecache

register = template.Library()


def _links() -> list[dict]:
    return [
        {"label": link.get_network_display(), "url": link.url}
        for link in SocialLink.objects.filter(is_visible=True)
    ]


@register.inclusion_tag("content/includes/_social_links.html")
def social_links():
    """The visible social links, kept in the shared cache until staff change them: no
    query on most pages."""
    # An explicit timeout keeps them cached even where other fragments are not: they are
    # on every page (and fresh as soon as staff change them).
    links = pagecache.cached_fragment(
        "content:social-links", _links, per_language=False, timeout=300
    )
    return {"links": links}
