"""Hooks: the one way an app adds to pages and features that it does not own.

The floors of the portal only import downwards (see the README), yet the home page shows
every app's news, the search page searches every app and deleting an account must reach
every app's rows. So each app *declares* what it contributes, in one module,
``<app>/hooks.py``, which its ``AppConfig`` (a :class:`core.apps.PortalAppConfig`) imports
when Django starts::

    # <app>/hooks.py
    from core import hooks
    from <app> import panels, personal_data, site_search

    hooks.panels(panels, home=40, market=20)      # <app>/includes/_home_panel.html ...
    hooks.search(site_search.search, order=60)
    hooks.demo("<app>.demo.load")
    hooks.personal_data_of(personal_data, registrations=_("Event registrations"))

The kinds of hook, and who reads them:

``panel(slot, template, context, order)``
    A block of another page. ``context(request, obj)`` returns the template's context or
    ``None`` to hide the panel, in a fixed number of queries. ``panels(module, slot=order,
    ...)`` declares several at once by convention: the template
    ``<app>/includes/_<slot>_panel.html`` and the function ``<slot>_context`` of ``module``.
    Slots: ``home`` (a whole ``<section class="section">`` band), ``market`` and ``organisation`` (a
    ``<section class="mt-5">`` with an ``h2``), ``dashboard`` (``col-md-6`` cards), ``company``
    (``col-md-6`` cards of an organisation's company dashboard, for its admins; ``obj`` is
    the organisation), ``join``
    (a ``form-card`` beside the membership application form), ``account`` (a ``form-card``
    section of My account), ``follow`` (an inline button in the head of a market, an
    organisation, or a list filtered by a competency or a programme; ``obj`` is that row),
    ``partnersearch`` (the side column of a partner search) and ``objective`` (a
    ``col-md-6 col-xl-4`` section of a roadmap objective's page, made with
    ``content.roadmap.objective_panel``; ``obj`` is the objective).
    Read by ``{% panels "slot" obj %}`` (``core/templatetags/portal.py``). A panel that is
    the same for every reader is declared ``shared``: its HTML is kept in the shared cache
    until a table it read is written (``core.pagecache.cached_fragment``); ``panels()``
    marks shared the slots named in the module's ``SHARED_SLOTS``.
``search(function, order, variant)``
    ``function(query, user) -> list[core.search.SearchSource]``: the app's kinds of items
    that the user may see and that match ``query``, as querysets not yet run. Read by the
    site search page, which counts and ranks them all together (``core.search.run``) and
    keeps its results in the shared cache for each class of readers: ``variant(user)``
    names what of the reader changes the app's sources (``""`` when nothing does,
    ``"staff"`` when staff see drafts...). An app without ``variant`` gets each signed-in
    person their own results (see ``search_variant``).
``sitemaps(mapping)``
    Django sitemap classes by section name, merged into ``/sitemap.xml``.
``calendar(function)``
    ``function(user) -> list[icalendar.Event]``: the person's dated items, gathered in
    their private calendar feed.
``personal_data(key, label, export, describe, blockers, erase)``
    What the app keeps about a person: ``export(user)`` gives JSON-ready data for "Download
    my data"; ``describe(user)`` says what deleting the account removes or keeps;
    ``blockers(user)`` gives reasons that prevent deleting it now; ``erase(user)`` runs
    before the user row is deleted. Read by ``accounts``. ``personal_data_of(module,
    key=label, ...)`` declares several at once by convention: the functions
    ``export_<key>``, ``describe_<key>``, ``blockers_<key>`` and ``erase_<key>`` of ``module``.
``listen(topic, function)``
    ``function(**data)`` runs when a lower app ``announce(topic, **data)``s that something
    happened (``"events.registration_confirmed"``, ``"members.application_accepted"``...),
    inside the announcing transaction: so an app above (billing) acts on what an app below
    did without that app importing it. Topics are documented where they are announced.
``history(model, label, count)``
    Rows of the app that are part of the history of a row of another app's ``model``
    (``"members.Organisation"``): ``count(obj)`` says how many there are, ``label`` names
    them in the plural (``_("event registrations")``). A row with history is archived, never
    deleted: read by ``history_of(obj)`` (``members.Organisation.delete()`` and its admin).
``staff_todo(function, order=50)``
    ``function(request)`` returns a list of ``TodoItem`` (pending work of the app for the
    staff home of the back-office: a label, a count, the link to the filtered list, the
    date of the oldest item); items with a count of 0 are left out by the reader.

``staff_link(group, *, label, url_name, order=50)``
    A staff page of the app (a board, insights, audience) listed in the back-office menu
    under ``group`` (one of ``STAFF_GROUPS``' keys).

``person_flag(name, expression)``
    ``expression()`` returns a boolean expression on the user row (an ``Exists`` with
    ``OuterRef("pk")``), loaded with the signed-in person once per request (and kept with
    them in the shared cache, see ``members/backends.py``): read as ``user.<name>``, it lets
    a page tell its class of readers without a query (``projects_partner``: the person's
    organisation takes part in a project). ``getattr(user, name, True)`` is the safe
    reading where the user was loaded otherwise.

``demo(path)``
    The dotted path of ``load(*, scale, log)``, which loads the app's demo content
    (idempotent); imported only by ``load_demo``. Loaders run in the order of
    ``INSTALLED_APPS``, so an app's demo may use what the apps below it loaded.

Registering the same panel template or the same key again replaces the earlier entry, so
importing a hooks module twice changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from core import pagecache


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable
    order: int
    shared: bool = False
    # ``variant(request, obj)``: the readers' class a shared panel is kept for ("member",
    # "visitor"...), or None to render it live for this reader.
    variant: Callable | None = None


@dataclass(frozen=True)
class PersonalData:
    key: str
    label: Any
    export: Callable[[Any], Any]
    describe: Callable[[Any], list] | None = None
    blockers: Callable[[Any], list] | None = None
    erase: Callable[[Any], None] | None = None


@dataclass(frozen=True)
class History:
    label: Any
    count: Callable[[Any], int]


# The back-office menu, grouped as the cluster's team works (key: label, in menu order).
STAFF_GROUPS = {
    "members": _("Members"),
    "projects": _("Projects"),
    "trainings": _("Trainings"),
    "events": _("Events"),
    "communication": _("Communication"),
    "content": _("Editorial content"),
    "insights": _("Insights and audience"),
    "settings": _("Settings"),
    "accounts": _("Accounts and security"),
}


@dataclass(frozen=True)
class TodoItem:
    label: Any
    count: int
    url: str
    oldest: Any = None  # a date or datetime: the item waiting longest
    group: str = ""  # one of STAFF_GROUPS' keys


@dataclass(frozen=True)
class StaffLink:
    group: str
    label: Any
    url_name: str
    order: int


@dataclass(frozen=True)
class Ordered:
    name: str
    function: Callable
    order: int


@dataclass(frozen=True)
class Search(Ordered):
    # ``variant(user) -> str``: the class of readers who get the same sources from the app.
    variant: Callable | None = None


_panels: dict[str, list[Panel]] = {}
_searches: dict[str, Search] = {}
_sitemaps: dict[str, type] = {}
_calendars: dict[str, Callable] = {}
_personal_data: dict[str, PersonalData] = {}
_demos: dict[str, None] = {}  # dotted paths, in declaration order
_listeners: dict[str, dict[str, Callable]] = {}
_histories: dict[str, dict[str, History]] = {}  # by model label, then by function
_staff_todos: dict[str, Ordered] = {}
_staff_links: dict[str, StaffLink] = {}  # by url name
_person_flags: dict[str, Callable] = {}


def _name(function: Callable) -> str:
    return f"{function.__module__}.{function.__qualname__}"


# Declaring: called from the apps' hooks.py.


def panel(
    slot: str,
    *,
    template: str,
    context: Callable,
    order: int = 50,
    shared: bool = False,
    variant: Callable | None = None,
) -> None:
    panels = [p for p in _panels.get(slot, []) if p.template != template]
    panels.append(Panel(template, context, order, shared or variant is not None, variant))
    _panels[slot] = sorted(panels, key=lambda p: p.order)


def panels(module, **orders: int) -> None:
    """Declare an app's panels in one call, by convention: for each ``slot=order``, the
    template ``<app>/includes/_<slot>_panel.html`` with the function ``<slot>_context`` of
    ``module`` (the app's ``panels.py``), shared if the slot is in its ``SHARED_SLOTS``, or
    shared by class of readers if the module has a function ``<slot>_variant``."""
    app = module.__name__.split(".")[0]
    shared = getattr(module, "SHARED_SLOTS", ())
    for slot, order in orders.items():
        panel(
            slot,
            template=f"{app}/includes/_{slot}_panel.html",
            context=getattr(module, f"{slot}_context"),
            order=order,
            shared=slot in shared,
            variant=getattr(module, f"{slot}_variant", None),
        )


def search(function: Callable, *, order: int = 50, variant: Callable | None = None) -> None:
    _searches[_name(function)] = Search(_name(function), function, order, variant)


def sitemaps(mapping: dict[str, type]) -> None:
    _sitemaps.update(mapping)


def calendar(function: Callable) -> None:
    _calendars[_name(function)] = function


def personal_data(key: str, *, label, export, describe=None, blockers=None, erase=None) -> None:
    _personal_data[key] = PersonalData(key, label, export, describe, blockers, erase)


def personal_data_of(module, **labels) -> None:
    """Declare an app's personal-data sections in one call, by convention: for each
    ``key=label``, the functions ``export_<key>`` and, when the module has them,
    ``describe_<key>``, ``blockers_<key>`` and ``erase_<key>`` of ``module`` (the app's
    ``personal_data.py``). Sections are erased in the order given."""
    for key, label in labels.items():
        personal_data(
            key,
            label=label,
            export=getattr(module, f"export_{key}"),
            describe=getattr(module, f"describe_{key}", None),
            blockers=getattr(module, f"blockers_{key}", None),
            erase=getattr(module, f"erase_{key}", None),
        )


def history(model: str, *, label, count: Callable[[Any], int]) -> None:
    """``count(obj)`` rows of this app belong to the history of ``obj``, a row of ``model``
    (an ``"app_label.ModelName"``); ``label`` names them in the plural."""
    _histories.setdefault(model, {})[_name(count)] = History(label, count)


def demo(path: str) -> None:
    """``path`` names the loader (``"events.demo.load"``): it is imported only when the
    demo is loaded, so that web processes never read demo modules and their data files.
    Loaders run in the order they were declared, that is the order of INSTALLED_APPS."""
    _demos[path] = None


def staff_todo(function: Callable, *, order: int = 50) -> None:
    """``function(request)`` lists the app's pending work (``TodoItem``) for staff."""
    _staff_todos[_name(function)] = Ordered(_name(function), function, order)


def staff_link(group: str, *, label, url_name: str, order: int = 50) -> None:
    """A staff page of the app, linked from the back-office menu under ``group``."""
    _staff_links[url_name] = StaffLink(group, label, url_name, order)


def person_flag(name: str, expression: Callable) -> None:
    """A boolean ``expression()`` on the user row, loaded with the signed-in person."""
    _person_flags[name] = expression


def listen(topic: str, function: Callable) -> None:
    """Run ``function(**data)`` whenever ``topic`` is announced."""
    _listeners.setdefault(topic, {})[_name(function)] = function


# Reading: called by the pages and commands that gather from every app.


def announce(topic: str, **data) -> None:
    """Tell the listeners of ``topic`` (in the order they were declared) what happened."""
    for function in _listeners.get(topic, {}).values():
        function(**data)


def render_panels(slot: str, request, obj=None) -> str:
    """The HTML of every panel of ``slot`` that has something to show."""
    parts = []
    for entry in _panels.get(slot, []):
        # Which readers share the panel matters only when fragments are kept at all.
        keeping = entry.variant and getattr(settings, "FRAGMENT_CACHE_SECONDS", 300)
        variant = entry.variant(request, obj) if keeping else ""
        if entry.shared and variant is not None:
            key = f"panel:{entry.template}:{_key_of(obj)}:{variant}"
            parts.append(pagecache.cached_fragment(key, lambda e=entry: _render(e, request, obj)))
        else:
            parts.append(_render(entry, request, obj))
    return "".join(parts)


def _render(entry: Panel, request, obj) -> str:
    if obj is not None and entry.shared:
        # A shared panel may show fields of ``obj``, read before it was built.
        pagecache.depends_on(obj)
    context = entry.context(request, obj)
    if context is None:
        return ""
    return render_to_string(entry.template, {"object": obj, **context}, request)


def _key_of(obj) -> str:
    return "" if obj is None else f"{obj._meta.label}:{obj.pk}"


def person_flags() -> dict[str, Any]:
    """The expressions of every app's person flags, by attribute name."""
    return {name: expression() for name, expression in _person_flags.items()}


def search_sources(query: str, user) -> list:
    """Every app's search sources (``core.search.SearchSource``), in the apps' order."""
    sources = []
    for entry in sorted(_searches.values(), key=lambda e: e.order):
        sources.extend(entry.function(query, user))
    return sources


def search_variant(user) -> str:
    """What of ``user`` changes the results of :func:`search_sources`: every app's
    ``variant(user)``, in the apps' order. Two readers with the same variant get the same
    results for the same query. Visitors (not signed in) all get the same; if an app
    declared no ``variant``, a signed-in person's results are their own."""
    if not user.is_authenticated:
        return "visitor"
    parts = []
    for entry in sorted(_searches.values(), key=lambda e: e.order):
        if entry.variant is None:
            return f"person-{user.pk}"
        parts.append(entry.variant(user))
    return "apps:" + "|".join(parts)


def all_sitemaps() -> dict[str, type]:
    return dict(_sitemaps)


def calendar_entries(user) -> list:
    entries = []
    for function in _calendars.values():
        entries.extend(function(user))
    return entries


def personal_data_sections() -> list[PersonalData]:
    return list(_personal_data.values())


def history_of(obj) -> list[tuple[Any, int]]:
    """``(label, count)`` of every kind of history ``obj`` has (none: it may be deleted)."""
    found = []
    for entry in _histories.get(obj._meta.label, {}).values():
        count = entry.count(obj)
        if count:
            found.append((entry.label, count))
    return found


def staff_todos(request) -> list[TodoItem]:
    """Every app's pending work with a count, in the apps' declared order."""
    items = []
    for entry in sorted(_staff_todos.values(), key=lambda e: e.order):
        items.extend(item for item in entry.function(request) if item.count)
    return items


def staff_links() -> list[StaffLink]:
    return sorted(_staff_links.values(), key=lambda link: (link.group, link.order))


def demo_loaders() -> list[Callable]:
    return [import_string(path) for path in _demos]
