import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

# Main navigation. An entry shows only once its app serves the page it points to.
NAVIGATION = [
    ("content:market-list", _("Markets")),
    ("members:organisation-list", _("Members")),
    ("projects:project-list", _("Projects")),
    ("trainings:training-list", _("Trainings")),
    ("events:event-list", _("Events")),
    ("networks:partner-list", _("Partners")),
    ("content:article-list", _("News")),
    ("content:roadmap", _("Roadmap")),
]


# Shortcuts of the account menu to a person's own items in each app.
ACCOUNT_SHORTCUTS = [
    ("events:my-events", _("My events"), "calendar"),
    ("trainings:enrolment-list", _("My trainings"), "graduation"),
    ("projects:project-mine", _("My projects"), "handshake"),
]


# The RSS and Atom feeds every page announces in its head (label, RSS and Atom url names).
FEEDS = [
    (_("News"), "content:article-rss", "content:article-atom"),
    (_("Events"), "events:event-rss", "events:event-atom"),
    (_("Trainings"), "trainings:training-rss", "trainings:training-atom"),
    (_("Funding calls"), "projects:call-rss", "projects:call-atom"),
]


@receiver(setting_changed)
def _urls_changed(*, setting, **kwargs):
    if setting in ("ROOT_URLCONF", "SITE_URL", "LANGUAGES"):
        _entries.cache_clear()
        _translated.cache_clear()
        _feed_links_html.cache_clear()


@functools.lru_cache(maxsize=4096)
def _translated(full_path: str, current: str, code: str) -> str:
    # translate_url resolves the address in the active language (``current``).
    return translate_url(full_path, code)


@functools.cache
def _feed_links_html(language: str) -> str:
    """The <link> of each feed: the addresses depend on the language only, so they are
    written once per process and language."""
    from core.templatetags.reach import feed_link

    links = []
    for label, rss, atom in FEEDS:
        try:
            links.append(
                {"type": "application/rss+xml", "title": f"{label} (RSS)", "url": reverse(rss)}
            )
            links.append(
                {"type": "application/atom+xml", "title": f"{label} (Atom)", "url": reverse(atom)}
            )
        except NoReverseMatch:
            continue
    return mark_safe("\n    ".join(feed_link(feed) for feed in links))  # noqa: S308


@functools.cache
def _entries(language: str, entries: tuple) -> tuple[tuple, ...]:
    """The (url, label, icon) of each entry whose page exists, in ``language``."""
    found = []
    for url_name, label, *icon in entries:
        try:
            found.append((reverse(url_name), label, "".join(icon)))
        except NoReverseMatch:
            continue
    return tuple(found)


def navigation(path: str, entries=NAVIGATION) -> list[dict]:
    return [
        {"url": url, "label": label, "active": path.startswith(url), "icon": icon}
        for url, label, icon in _entries(get_language(), tuple(entries))
    ]


def site(request):
    """Site-wide template values: navigation, language alternates, canonical address.
    Worked out once per request (each panel rendered with the request asks again)."""
    values = getattr(request, "_site_context", None)
    if values is None:
        values = request._site_context = _site(request)
    return values


def _site(request):
    full_path = request.get_full_path()
    current = get_language()
    # Each language is named in itself (Français, English), whatever the page's language.
    languages = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": _translated(full_path, current, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    nav_items = navigation(request.path)
    return {
        "nav_items": nav_items,
        # The main menu's cached block is kept for each page of the menu (and one for the rest).
        "nav_active": next((item["url"] for item in nav_items if item["active"]), ""),
        "account_shortcuts": navigation(request.path, ACCOUNT_SHORTCUTS)
        if request.user.is_authenticated
        else [],
        "language_links": languages,
        "canonical_url": settings.SITE_URL + request.path,
        "site_url": settings.SITE_URL,
        "feed_links_html": _feed_links_html(current),
    }
