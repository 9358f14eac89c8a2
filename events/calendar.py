"""This app's entries in a person's private calendar feed (gathered by cluster_site).

Contract: ``personal_entries(user) -> list[icalendar.Event]``.
"""

from datetime import timedelta

from django.utils import timezone

from events.ical import event_component
from events.models import Registration

# Entries older than this leave the feed; calendar applications keep what they imported.
HISTORY = timedelta(days=365)


def personal_entries(user) -> list:
    """The events ``user`` registered for: confirmed ones with the venue and online link,
    waiting-list places as TENTATIVE (never CONFIRMED), cancelled registrations and
    cancelled events as CANCELLED so that subscribed calendars drop them."""
    registrations = (
        Registration.objects.filter(user=user, event__end__gte=timezone.now() - HISTORY)
        .exclude(event__status="draft")
        .select_related("event")
        .order_by("event_id", "-created_at")
    )
    latest = {}
    for registration in registrations:
        current = latest.get(registration.event_id)
        # One entry per event: the active registration wins over older cancelled ones.
        if current is None or (not current.is_active and registration.is_active):
            latest[registration.event_id] = registration
    return [
        event_component(
            registration.event, private=registration.is_registered, registration=registration
        )
        for registration in sorted(latest.values(), key=lambda r: r.event.start)
    ]
