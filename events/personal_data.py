"""This app's section of "download my data" and of account deletion."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.models import CalendarFeed, Registration
from events.services import registrations_erase


def export_events(user) -> dict:
    registrations = Registration.objects.filter(user=user).select_related("event", "organisation")
    feed = CalendarFeed.objects.filter(user=user).first()
    return {
        "registrations": [
            {
                "event": r.event.title,
                "event_start": r.event.start.isoformat(),
                "organisation": r.organisation.name if r.organisation else None,
                "status": r.status,
                "price": str(r.price),
                "member_price": r.is_member,
                "waiting_rank": r.waiting_rank,
                "offered_at": r.offered_at.isoformat() if r.offered_at else None,
                "checked_in_at": r.checked_in_at.isoformat() if r.checked_in_at else None,
                "cancelled_at": r.cancelled_at.isoformat() if r.cancelled_at else None,
                "created_at": r.created_at.isoformat(),
                "updated_at": r.updated_at.isoformat(),
            }
            for r in registrations.order_by("event__start")
        ],
        "calendar_feed": {
            "token": feed.token,
            "created_at": feed.created_at.isoformat(),
            "reset_at": feed.reset_at.isoformat() if feed.reset_at else None,
        }
        if feed
        else None,
    }


def describe_events(user) -> list:
    count = Registration.objects.filter(user=user).count()
    lines = []
    if count:
        lines.append(
            ngettext(
                "Your event registration is kept without your name, so that the event's "
                "attendance figures stay true; if the event is still to come, your place is "
                "cancelled and goes to the waiting list.",
                "Your %(count)d event registrations are kept without your name, so that the "
                "events' attendance figures stay true; places for events still to come are "
                "cancelled and go to the waiting list.",
                count,
            )
            % {"count": count}
        )
    if CalendarFeed.objects.filter(user=user).exists():
        lines.append(_("The secret address of your personal calendar stops working."))
    return lines


def erase_events(user) -> None:
    registrations_erase(user=user)
