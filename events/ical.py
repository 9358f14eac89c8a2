"""iCalendar (RFC 5545) entries of events: one .ics per event, public feeds, personal entries.

Entries keep a stable UID (``event-<pk>@vehicle-of-the-future.example``) and the event's
SEQUENCE, so that calendar applications update or cancel the entry they already show. Start
and end carry the event's time zone (a VTIMEZONE is included); the venue and the online
link go only into entries made for a registered person.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from content.markdown import markdown_to_text
from events.models import Event, Registration

PRODID = "-//Vehicle of the Future//Portal events//FR"


def absolute(url: str) -> str:
    return settings.SITE_URL + url


def event_status(event: Event) -> str:
    if event.is_cancelled:
        return "CANCELLED"
    if event.is_postponed:
        return "TENTATIVE"
    return "CONFIRMED"


def event_component(
    event: Event, *, private: bool = False, registration: Registration | None = None
) -> CalendarEvent:
    """The VEVENT of ``event``. ``private`` adds the venue and online link (registered
    people only); ``registration`` sets the status the person's own calendar shows."""
    entry = CalendarEvent()
    entry.add("uid", event.calendar_uid())
    entry.add("sequence", event.sequence)
    stamp = event.updated_at
    if registration is not None and registration.updated_at > stamp:
        stamp = registration.updated_at
    entry.add("dtstamp", stamp.astimezone(UTC))
    entry.add("last-modified", stamp.astimezone(UTC))
    entry.add("created", event.created_at.astimezone(UTC))
    entry.add("dtstart", event.local_start)
    entry.add("dtend", event.local_end)
    entry.add("summary", event.title)
    entry.add("url", absolute(event.get_absolute_url()))
    entry.add("categories", [str(event.get_kind_display())])

    status = event_status(event)
    description = [event.summary]
    if registration is not None and status == "CONFIRMED":
        if registration.status in (Registration.Status.WAITING, Registration.Status.OFFERED):
            status = "TENTATIVE"
            description.insert(0, _("You are on the waiting list of this event."))
        elif registration.status == Registration.Status.CANCELLED:
            status = "CANCELLED"
            description.insert(0, _("Your registration is cancelled."))
    entry.add("status", status)
    entry.add("transp", "OPAQUE" if status == "CONFIRMED" else "TRANSPARENT")

    if private:
        place = ", ".join(part for part in (event.venue_name, event.address, event.city) if part)
        if event.online_url:
            description.append(_("Online link: %(url)s") % {"url": event.online_url})
            place = place or event.online_url
        if place:
            entry.add("location", place)
    else:
        entry.add("location", event.city or _("Online"))
        if event.venue_name or event.address or event.online_url:
            description.append(_("Registered people receive the exact venue or online link."))
    if event.description:
        description.append(markdown_to_text(event.description))
    description.append(absolute(event.get_absolute_url()))
    entry.add("description", "\n\n".join(str(part) for part in description if part))
    return entry


def calendar_of(entries, *, name: str = "", method: str = "") -> Calendar:
    """A VCALENDAR with ``entries`` and the VTIMEZONE of every time zone they use."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    for entry in entries:
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar


def event_calendar(event: Event, *, registration: Registration | None = None) -> bytes:
    """The .ics of one event; with the venue for a registered person."""
    private = registration is not None and registration.is_registered
    entry = event_component(event, private=private, registration=registration)
    return calendar_of([entry], name=event.title, method="PUBLISH").to_ical()


def feed_calendar(events, *, name: str) -> bytes:
    """A subscribable feed of public information about ``events``."""
    return calendar_of([event_component(event) for event in events], name=name).to_ical()
