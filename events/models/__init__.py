"""Models of events (a package: the app outgrew a single module)."""

from events.models.events import (
    DEFAULT_TIMEZONE,
    RESERVED_SLUGS,
    Event,
    EventQuerySet,
    validate_event_slug,
    validate_timezone,
)
from events.models.feeds import CalendarFeed, new_feed_token
from events.models.matchmaking import LANGUAGES, Matchmaking, MeetingProfile, MeetingSlot
from events.models.meetings import AgendaEntry, Meeting
from events.models.registrations import OFFER_VALIDITY, Registration, RegistrationQuerySet

__all__ = [
    "LANGUAGES",
    "AgendaEntry",
    "Matchmaking",
    "Meeting",
    "MeetingProfile",
    "MeetingSlot",
    "DEFAULT_TIMEZONE",
    "OFFER_VALIDITY",
    "RESERVED_SLUGS",
    "CalendarFeed",
    "Event",
    "EventQuerySet",
    "Registration",
    "RegistrationQuerySet",
    "new_feed_token",
    "validate_event_slug",
    "validate_timezone",
]
