"""What the pages tell search engines and social networks: Open Graph and Twitter card
tags, JSON-LD blocks and breadcrumbs (see ``core.structured_data``)."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale

from core import pagecache, structured_data

register = template.Library()

DEFAULT_CARD = "img/social-card.png"  # 1200×630, drawn for the portal
# Where detail pages keep the row they show (the first one with a model wins).
OBJECT_NAMES = (
    "object",
    "article",
    "event",
    "training",
    "project",
    "organisation",
    "partner",
    "market",
    "call",
    "platform",
    "objective",
    "page",
)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Rendered once, kept for the rest of the template (a block's text, reused).
        context.dicts[0][self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """``{% capture name %}...{% endcapture %}``: render the content (blocks included) once
    and keep it as ``name`` for the rest of the page (the title for the social tags)."""
    name = token.split_contents()[1]
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, name)


def shown_object(context):
    for name in OBJECT_NAMES:
        obj = context.get(name)
        if obj is not None and hasattr(obj, "_meta"):
            return obj
    return None


def social_image(obj) -> str:
    image = getattr(obj, "social_image", "") if obj is not None else ""
    if callable(image):
        image = image()
    return structured_data.absolute(str(image or "")) or structured_data.absolute(
        static(DEFAULT_CARD)
    )


@register.simple_tag(takes_context=True)
def social_meta(context):
    """Open Graph and Twitter card tags of the page: its title and description (captured
    from the page's blocks), address, language and alternate, and the image of the row it
    shows (``social_image``) or the portal's card."""
    obj = shown_object(context)
    title = context.get("page_title", "")
    description = context.get("page_description", "")
    language = get_language() or settings.LANGUAGE_CODE
    alternates = [code for code, _name in settings.LANGUAGES if code != language]
    is_article = obj is not None and obj._meta.model_name == "article"
    alt = getattr(obj, "cover_alt", "") if obj is not None else ""
    properties = [
        ("og:type", "article" if is_article else "website"),
        ("og:site_name", structured_data.cluster_reference()["name"]),
        ("og:title", title),
        ("og:description", description),
        ("og:url", context.get("canonical_url", "")),
        ("og:locale", _og_locale(language)),
        *[("og:locale:alternate", _og_locale(code)) for code in alternates],
        ("og:image", social_image(obj)),
        ("og:image:alt", alt or title),
    ]
    if not getattr(obj, "social_image", ""):
        properties += [("og:image:width", "1200"), ("og:image:height", "630")]
    if is_article and getattr(obj, "published_at", None):
        properties.append(("article:published_time", obj.published_at.isoformat()))
    names = [
        ("twitter:card", "summary_large_image"),
        ("twitter:title", title),
        ("twitter:description", description),
        ("twitter:image", social_image(obj)),
        ("twitter:image:alt", alt or title),
    ]
    return format_html_join(
        "\n    ", '<meta property="{}" content="{}">', properties
    ) + format_html_join("", '\n    <meta name="{}" content="{}">', names)


def _og_locale(code: str) -> str:
    locale = to_locale(code)
    return {"fr": "fr_FR", "en": "en_GB"}.get(locale, locale)


@register.filter
def json_ld(data):
    """A ``<script type="application/ld+json">`` block of ``data`` (a dict or a list)."""
    return structured_data.json_ld_script(data)


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, *trail):
    """The page's ``BreadcrumbList``: home, then ``label, url`` pairs, then the page itself
    (its last argument, its name, at the current address)."""
    *pairs, current = trail
    items = [(pairs[i], pairs[i + 1]) for i in range(0, len(pairs) - 1, 2)]
    items.append((current, context["request"].path))
    return structured_data.json_ld_script(structured_data.breadcrumb_list(items))


@register.simple_tag
def home_json_ld():
    """The cluster (``Organization``) and the portal (``WebSite`` with its search)."""
    return pagecache.cached_fragment(
        "reach:home-json-ld",
        lambda: structured_data.json_ld_script(
            [structured_data.organization(), structured_data.website()]
        ),
    )


@register.simple_tag
def feed_link(feed) -> str:
    return format_html(
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        feed["type"],
        feed["title"],
        structured_data.absolute(feed["url"]),
    )
