"""iCalendar (RFC 5545) entries of events: one .ics per event, public feeds, personal entries.

Entries keep a stable UID (``event-<pk>@vehicle-of-the-future.example``) and the event's
SEQUENCE, so that calendar applications update or cancel the entry they already show. Start
and end carry the event's time zone (a VTIMEZONE is included); the venue and the online
link go only into entries made for a registered person.
"""

import html
import re
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import nh3
from django.utils.translation import gettext as _
from icalendar import Calendar, Timezone
from icalendar import Event as CalendarEvent

from core.mail import absolute_url
from events.models import DEFAULT_TIMEZONE, Event, Registration

PRODID = "-//Vehicle of the Future//Portal events//FR"


def event_status(event: Event) -> str:
    if event.is_cancelled:
        return "CANCELLED"
    if event.is_postponed:
        return "TENTATIVE"
    return "CONFIRMED"


# Personal entries derive their SEQUENCE from the registration's last change as well, so
# that a move from the waiting list to a seat, or a cancellation, is a newer version.
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
# Control characters that RFC 5545 does not allow in TEXT values (tab is allowed).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _text(value) -> str:
    """A TEXT value escaped as RFC 5545 section 3.3.11 says."""
    value = CONTROL_CHARACTERS.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n"))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> bytes:
    """A content line folded at 75 octets, never inside a UTF-8 character (section 3.1)."""
    raw = line.encode()
    chunks = []
    limit = 75
    while len(raw) > limit:
        cut = limit
        while raw[cut] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            cut -= 1
        chunks.append(raw[:cut])
        raw = raw[cut:]
        limit = 74  # continuation lines start with a space
    chunks.append(raw)
    return b"\r\n ".join(chunks) + b"\r\n"


def _utc(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(moment, zone: str) -> str:
    return f";TZID={zone}:{moment.strftime('%Y%m%dT%H%M%S')}"


MARKDOWN_TO_TEXT = [
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks, before HTML is stripped
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: their description
    (re.compile(r"\[([^\]]+)\]\(\s*(\S+?)(?:\s+\"[^\"]*\")?\s*\)"), r"\1 (\2)"),  # links
    (re.compile(r"^ {0,3}#{1,6}[ \t]*(.*?)[ \t#]*$", re.M), r"\1"),  # headings
    (re.compile(r"^ {0,3}> ?", re.M), ""),  # quotes
    (re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),  # rules
    (re.compile(r"^( *)[*+][ \t]+", re.M), r"\1- "),  # bullets, all as "- "
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)"), r"\1"),  # emphasis
    (re.compile(r"`+([^`]+)`+"), r"\1"),  # code
    (re.compile(r"\n{3,}"), "\n\n"),
]


def description_text(markdown: str) -> str:
    """The plain text of a Markdown description for calendar applications: raw HTML
    removed, emphasis and heading marks dropped, bullets kept as "- " and link targets
    kept in brackets (a calendar shows no links). Regular expressions rather than a full
    Markdown rendering: a feed converts thousands of descriptions."""
    text = MARKDOWN_TO_TEXT[0][0].sub(MARKDOWN_TO_TEXT[0][1], markdown or "")
    text = html.unescape(nh3.clean(text, tags=set()))
    for pattern, replacement in MARKDOWN_TO_TEXT[1:]:
        text = pattern.sub(replacement, text)
    return text.strip()


def calendar_sequence(event: Event, registration: Registration | None = None) -> int:
    """The SEQUENCE of an entry: the event's version, plus for a person's own entry the
    minutes from 2020 to their registration's last change (both only ever grow)."""
    if registration is None:
        return event.sequence
    minutes = int((registration.updated_at - SEQUENCE_EPOCH).total_seconds() // 60)
    return event.sequence + max(minutes, 0)


def event_entry(
    event: Event, *, private: bool = False, registration: Registration | None = None
) -> bytes:
    """The VEVENT of ``event``, serialised. ``private`` adds the venue and online link
    (registered people only); ``registration`` sets the status the person's own calendar
    shows (waiting list and seat offers TENTATIVE, cancelled registrations CANCELLED).

    The lines are written directly rather than through the icalendar library, which
    spends milliseconds per entry: feeds of thousands of events stay fast. Every test
    parses the result back with icalendar.
    """
    url = absolute_url(event.get_absolute_url())
    stamp = event.updated_at
    if registration is not None and registration.updated_at > stamp:
        stamp = registration.updated_at
    status = event_status(event)
    description = [event.summary]
    if registration is not None and status == "CONFIRMED":
        if registration.status in (Registration.Status.WAITING, Registration.Status.OFFERED):
            status = "TENTATIVE"
            description.insert(0, _("You are on the waiting list of this event."))
        elif registration.status == Registration.Status.CANCELLED:
            status = "CANCELLED"
            description.insert(0, _("Your registration is cancelled."))
    if private:
        location = ", ".join(part for part in (event.venue_name, event.address, event.city) if part)
        if event.online_url:
            description.append(_("Online link: %(url)s") % {"url": event.online_url})
            location = location or event.online_url
    else:
        location = event.city or _("Online")
        if event.venue_name or event.address or event.online_url:
            description.append(_("Registered people receive the exact venue or online link."))
    if event.description:
        description.append(description_text(event.description))
    description.append(url)
    zone = event.timezone or DEFAULT_TIMEZONE
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.calendar_uid()}",
        f"SEQUENCE:{calendar_sequence(event, registration)}",
        f"DTSTAMP:{_utc(stamp)}",
        f"LAST-MODIFIED:{_utc(stamp)}",
        f"CREATED:{_utc(event.created_at)}",
        f"DTSTART{_local(event.local_start, zone)}",
        f"DTEND{_local(event.local_end, zone)}",
        f"SUMMARY:{_text(event.title)}",
        f"URL:{url}",
        f"CATEGORIES:{_text(event.get_kind_display())}",
        f"STATUS:{status}",
        f"TRANSP:{'OPAQUE' if status == 'CONFIRMED' else 'TRANSPARENT'}",
    ]
    if location:
        lines.append(f"LOCATION:{_text(location)}")
    text = "\n\n".join(str(part) for part in description if part)
    lines.append(f"DESCRIPTION:{_text(text)}")
    lines.append("END:VEVENT")
    return b"".join(_fold(line) for line in lines)


def event_component(
    event: Event, *, private: bool = False, registration: Registration | None = None
) -> CalendarEvent:
    """``event_entry`` as an icalendar component, for calendars that gather entries of
    several apps (the personal feed)."""
    return CalendarEvent.from_ical(event_entry(event, private=private, registration=registration))


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
    entry = event_entry(event, private=private, registration=registration)
    return _calendar_with(
        [entry], zones=[event.timezone or DEFAULT_TIMEZONE], name=event.title, method="PUBLISH"
    )


@lru_cache(maxsize=16)
def _vtimezone(tzid: str) -> bytes:
    """The VTIMEZONE of ``tzid`` (the same for every feed: built once per process)."""
    try:
        return Timezone.from_tzid(tzid).to_ical()
    except ValueError:  # a zone the library does not know: the entry keeps its TZID
        return b""


def feed_calendar(events, *, name: str) -> bytes:
    """A subscribable feed of public information about ``events``, with the VTIMEZONE of
    every time zone they use."""
    events = list(events)
    return _calendar_with(
        [event_entry(event) for event in events],
        zones=[event.timezone or DEFAULT_TIMEZONE for event in events],
        name=name,
    )


def _calendar_with(entries: list[bytes], *, zones, name: str, method: str = "") -> bytes:
    """A VCALENDAR around serialised ``entries``, with the VTIMEZONE of each of ``zones``."""
    end = b"END:VCALENDAR\r\n"
    head = calendar_of([], name=name, method=method).to_ical().removesuffix(end)
    return b"".join([head, *(_vtimezone(zone) for zone in sorted(set(zones))), *entries, end])
