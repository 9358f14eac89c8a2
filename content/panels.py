"""Panels: how a page shows items of apps it must not import.

A market page lists the market's members, projects, trainings and events; the home page and
a person's dashboard gather from every app. `content` and `cluster_site` pages do not import
those apps: each app registers, in its ``AppConfig.ready()``, an inclusion template and a
function that builds its context::

    from content import panels

    panels.register(
        "market",                                  # the slot: which page, which place
        template="events/includes/_market_panel.html",
        context=lambda request, market: {"events": Event.objects...[:3]} or None,
        order=40,
    )

The page template renders every panel of a slot with ``{% panels "market" market %}``. A
context function returning ``None`` hides its panel (nothing to show). Each context function
makes a fixed number of queries, so the page stays bounded whatever the data size.

Slots and the markup their panels render:

- ``home`` (object None): a whole band, ``<section class="section">`` + ``container-xl``;
- ``market`` (a Market): ``<section class="mt-5">`` with an ``h2`` and cards;
- ``organisation`` (an Organisation profile): ``<section class="mt-5">`` with an ``h2``;
- ``dashboard`` (object None, the person is ``request.user``): one or more
  ``<div class="col-md-6"><section class="card h-100">`` cards with an ``h2``.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable
    order: int


_slots: dict[str, list[Panel]] = defaultdict(list)


def register(slot: str, *, template: str, context: Callable, order: int = 50) -> None:
    panels = [p for p in _slots[slot] if p.template != template]
    panels.append(Panel(template, context, order))
    _slots[slot] = sorted(panels, key=lambda p: p.order)


def render(slot: str, request, obj=None) -> str:
    """The HTML of every panel of ``slot`` that has something to show."""
    parts = []
    for panel in _slots.get(slot, []):
        context = panel.context(request, obj)
        if context is None:
            continue
        parts.append(render_to_string(panel.template, {"object": obj, **context}, request))
    return "".join(parts)
