from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
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


def feed_links() -> list[dict]:
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
    return links


def navigation(path: str, entries=NAVIGATION) -> list[dict]:
    items = []
    for url_name, label, *icon in entries:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        active = path.startswith(url)
        items.append({"url": url, "label": label, "active": active, "icon": "".join(icon)})
    return items


def site(request):
    """Site-wide template values: navigation, language alternates, canonical address."""
    full_path = request.get_full_path()
    current = get_language()
    # Each language is named in itself (Français, English), whatever the page's language.
    languages = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(full_path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {
        "nav_items": navigation(request.path),
        "account_shortcuts": navigation(request.path, ACCOUNT_SHORTCUTS)
        if request.user.is_authenticated
        else [],
        "language_links": languages,
        "canonical_url": settings.SITE_URL + request.path,
        "site_url": settings.SITE_URL,
        "feed_links": feed_links(),
    }
