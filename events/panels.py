"""What this app shows on pages of other apps (home, market, organisation, dashboard)."""

from django.db.models import Count, Window
from django.utils import timezone
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext

from content.roadmap import ObjectiveItem, objective_list_url, objective_panel
from core import typography
from events.models import Event, Registration

HOME_COUNT = 3
MARKET_COUNT = 3
ORGANISATION_COUNT = 6
# Panels the same for every reader, kept in the shared cache (core/hooks.py).
SHARED_SLOTS = ("home", "market", "organisation", "objective")


def _next_events():
    return Event.objects.filter(status=Event.Status.PUBLISHED).upcoming().for_list()


def home_context(request, _obj):
    events = list(_next_events()[:HOME_COUNT])
    return {"events": events} if events else None


def market_context(request, market):
    events = list(_next_events().filter(markets=market)[:MARKET_COUNT])
    return {"events": events, "market": market} if events else None


def organisation_context(request, organisation):
    events = list(
        Event.objects.listed()
        .upcoming()
        .organised_with(organisation)
        .filter(audience=Event.Audience.PUBLIC)
        .with_markets()[:ORGANISATION_COUNT]
    )
    return {"events": events} if events else None


def dashboard_context(request, _obj):
    user = request.user
    if not user.is_authenticated:
        return None
    # The next three, each with the number of all of them (a window function).
    registrations = list(
        Registration.objects.active()
        .filter(user=user, event__end__gte=timezone.now())
        .select_related("event")
        .annotate(upcoming_count=Window(Count("pk")))
        .order_by("event__start")[:3]
    )
    upcoming_count = registrations[0].upcoming_count if registrations else 0
    # The panel links to My events for the calendar feed: its secret address is made there.
    return {"registrations": registrations, "upcoming_count": upcoming_count}


COMPANY_REGISTRATIONS = 10


def company_context(request, organisation):
    """Its people's registrations to events still to come, soonest first, for the company
    dashboard of the organisation's admins (one query)."""
    registrations = list(
        organisation.event_registrations.active()
        .filter(event__end__gte=timezone.now())
        .select_related("event", "user")
        .order_by("event__start", "pk")[:COMPANY_REGISTRATIONS]
    )
    return {"registrations": registrations}


def objective_context(request, objective):
    """The events everybody may see that serve a roadmap objective, latest dates first."""
    return objective_panel(
        Event.objects.listed().filter(roadmap_objectives=objective).order_by("-start", "-pk"),
        kind="events",
        heading=_("Events"),
        count_label=lambda total: npgettext("roadmap figure", "event", "events", total),
        list_url=objective_list_url("events:event-list", objective),
        list_label=_("All events"),
        describe=lambda event: ObjectiveItem(
            event,
            event.title,
            event.get_absolute_url(),
            " · ".join(
                part
                for part in (typography.date(localtime(event.start), "DATE_FORMAT"), event.city)
                if part
            ),
        ),
    )
