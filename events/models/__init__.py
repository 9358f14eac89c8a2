"""Models of events (a package: the app outgrew a single module)."""

from events.models.events import (
    DEFAULT_TIMEZONE,
    OFFER_VALIDITY,
    RESERVED_SLUGS,
    CalendarFeed,
    Event,
    EventQuerySet,
    Registration,
    RegistrationQuerySet,
    new_feed_token,
    validate_event_slug,
    validate_timezone,
)

__all__ = [
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
