"""What each app shows on a roadmap objective's page: the panels of the ``objective`` slot.

The objective page (``content.views.objective_detail``) belongs to this app, which may not
import the apps whose items serve an objective (projects, trainings, events, platforms).
Each of those apps fills the ``objective`` panel slot (see ``core/hooks.py``) with
:func:`objective_panel`, so every panel has the same form: how many public items serve the
objective, the latest few with their cover, a link to the app's list. The panels read only
what every visitor may see, so they are shared fragments, kept until a table they read
(the items, their link to the objectives) is written.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Window
from django.urls import reverse
from django.utils.http import urlencode

PANEL_ITEMS = 3


@dataclass(frozen=True)
class ObjectiveItem:
    """One line of a panel: the item (for its cover), its title, address and a short fact."""

    object: Any
    title: str
    url: str
    meta: str = ""


def objective_list_url(url_name: str, objective) -> str:
    """The address of an app's list filtered on ``objective`` (its ``ObjectiveFilter``)."""
    return f"{reverse(url_name)}?{urlencode({'objective': objective.number})}"


def objective_panel(items, *, kind: str, heading, count_label, list_url: str, list_label, describe):
    """The context of a panel of the ``objective`` slot, or ``None`` when nothing is tagged.

    ``items`` are the public items serving the objective, latest first; ``kind`` names the
    panel in its HTML id; ``count_label(total)`` is the noun after the figure ("projects");
    ``list_url`` (:func:`objective_list_url`) and ``list_label`` lead to the app's list
    filtered on the objective;
    ``describe(item)`` gives its :class:`ObjectiveItem`. One query: the total comes with the
    latest items (a window function).
    """
    latest = list(items.annotate(panel_total=Window(Count("pk")))[:PANEL_ITEMS])
    if not latest:
        return None
    total = latest[0].panel_total
    return {
        "kind": kind,
        "heading": heading,
        "total": total,
        "count_label": count_label(total),
        "items": [describe(item) for item in latest],
        "list_url": list_url,
        "list_label": list_label,
    }
