"""What this app shows on pages of other apps (home, market, organisation, dashboard)."""

from django.utils import timezone

from events.models import CalendarFeed, Event, Registration

HOME_COUNT = 3
MARKET_COUNT = 3
ORGANISATION_COUNT = 6
# Panels the same for every reader, kept in the shared cache (core/hooks.py).
SHARED_SLOTS = ("home", "market", "organisation")


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
        .prefetch_related("markets")[:ORGANISATION_COUNT]
    )
    return {"events": events} if events else None


def dashboard_context(request, _obj):
    user = request.user
    if not user.is_authenticated:
        return None
    registrations = list(
        Registration.objects.active()
        .filter(user=user, event__end__gte=timezone.now())
        .select_related("event")
        .order_by("event__start")[:3]
    )
    upcoming_count = (
        Registration.objects.active().filter(user=user, event__end__gte=timezone.now()).count()
    )
    feed = CalendarFeed.for_user(user)
    return {
        "registrations": registrations,
        "upcoming_count": upcoming_count,
        "feed_url": request.build_absolute_uri(feed.get_absolute_url()),
    }
