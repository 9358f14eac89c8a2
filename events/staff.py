"""The events app's pending work on the staff home of the back-office, and the check-in
board it links to."""

from datetime import timedelta

from django.contrib import messages
from django.db.models import F
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.decorators import staff_required
from core.hooks import TodoItem
from core.todo import admin_list_url, tally_and_list
from events.models import Event, Registration

# A seat offer lasts a day at most: staff see those with less than this left to claim.
OFFERS_EXPIRING_WITHIN = timedelta(hours=12)
# An event is about to fill from this share of its seats taken (in percent), until it is full.
FILLING_FROM = 80


def expiring_offers(now=None):
    """Freed seats offered to the waiting list whose offer ends within
    ``OFFERS_EXPIRING_WITHIN``."""
    now = now or timezone.now()
    return Registration.objects.filter(
        status=Registration.Status.OFFERED,
        offer_expires_at__gt=now,
        offer_expires_at__lte=now + OFFERS_EXPIRING_WITHIN,
    )


def filling_events(now=None):
    """Published events still to come, open to registration on the portal, that have taken
    at least ``FILLING_FROM`` % of their seats but are not full yet (``seats_taken``)."""
    now = now or timezone.now()
    return (
        Event.objects.filter(
            status=Event.Status.PUBLISHED,
            registration_enabled=True,
            capacity__gt=0,
            start__gt=now,
        )
        .for_list()
        .filter(seats_taken__lt=F("capacity"), seats_taken__gte=F("capacity") * FILLING_FROM / 100)
    )


def pending_work(request) -> list[TodoItem]:
    """Seat offers about to expire and events about to fill (one query)."""
    now = timezone.now()
    (count, soonest), rows = tally_and_list(
        (expiring_offers(now), "offer_expires_at"), (filling_events(now), "start")
    )
    filling = sorted((start, pk) for pk, start in rows)
    return [
        TodoItem(
            label=_("Seat offers about to expire"),
            count=count,
            oldest=soonest,
            url=admin_list_url(
                Registration,
                status__exact=Registration.Status.OFFERED,
                offer_expires_at__gt=now.isoformat(timespec="seconds"),
                offer_expires_at__lte=(now + OFFERS_EXPIRING_WITHIN).isoformat(timespec="seconds"),
            ),
            group="events",
        ),
        TodoItem(
            label=_("Events about to fill"),
            count=len(filling),
            oldest=filling[0][0] if filling else None,
            url=admin_list_url(Event, id__in=[pk for _start, pk in filling]),
            group="events",
        ),
    ]


def checkin_events(now=None):
    """Events whose check-in is open: taking place today (Paris time) and not over."""
    now = now or timezone.now()
    end_of_day = timezone.localtime(now).replace(hour=23, minute=59, second=59)
    return Event.objects.filter(
        status__in=(Event.Status.PUBLISHED, Event.Status.POSTPONED),
        start__lte=end_of_day,
        end__gte=now,
    ).order_by("start", "pk")


@staff_required
def checkin_today(request):
    """The door of today's event: its check-in list straight away, or a choice when several
    events take place today, or the events board when there is none."""
    events = list(checkin_events()[:20])
    if len(events) == 1:
        return redirect("events:event-checkin", slug=events[0].slug)
    if not events:
        messages.info(request, gettext("No event takes place today: here are the coming ones."))
        return redirect("events:staff-board")
    return render(request, "events/checkin_today.html", {"events": events})
