"""A participant's agenda: its rows, its iCalendar file and its PDF; and the staff's
printed room plan."""

from datetime import UTC, datetime

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from core.mail import absolute_url
from events.models import Matchmaking, Meeting, MeetingProfile

PRODID = "-//Vehicle of the Future//Portal business meetings//FR"


def agenda_rows(matchmaking: Matchmaking, profile: MeetingProfile) -> list[dict]:
    """The day of ``profile`` slot by slot: each slot (breaks included) with the meeting
    there (``meeting``, ``other``) or none. Three queries."""
    slots = list(matchmaking.slots.order_by("start"))
    meetings = {
        m.slot_id: m
        for m in Meeting.objects.of_profile(profile)
        .placed()
        .select_related("requester", "recipient")
    }
    unavailable = set(profile.unavailable_slots.values_list("pk", flat=True))
    rows = []
    zone = matchmaking.event.tzinfo
    for slot in slots:
        meeting = meetings.get(slot.pk)
        rows.append(
            {
                "slot": slot,
                "start": timezone.localtime(slot.start, zone),
                "end": timezone.localtime(slot.end, zone),
                "meeting": meeting,
                "other": meeting.other(profile) if meeting else None,
                "unavailable": slot.pk in unavailable,
            }
        )
    return rows


def agenda_calendar(matchmaking: Matchmaking, profile: MeetingProfile, rows) -> bytes:
    """The ``.ics`` of a participant's meetings: one entry per meeting, its table in the
    location, the other person's name and organisation in the title (no address)."""
    event = matchmaking.event
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("My meetings: %(title)s") % {"title": event.title})
    stamp = datetime.now(UTC)
    for row in rows:
        meeting = row["meeting"]
        if meeting is None:
            continue
        entry = CalendarEvent()
        entry.add("uid", f"meeting-{meeting.pk}-{profile.pk}@vehicle-of-the-future.example")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", row["slot"].start.astimezone(UTC))
        entry.add("dtend", row["slot"].end.astimezone(UTC))
        entry.add("sequence", int(meeting.updated_at.timestamp()) - 1_600_000_000)
        entry.add(
            "summary",
            _("Meeting with %(name)s (%(organisation)s), table %(table)s")
            % {
                "name": row["other"].display_name,
                "organisation": row["other"].organisation_name,
                "table": meeting.table,
            },
        )
        place = ", ".join(part for part in (event.venue_name, event.address, event.city) if part)
        entry.add("location", _("Table %(table)s") % {"table": meeting.table} + f" · {place}")
        entry.add("description", absolute_url(matchmaking.get_absolute_url()))
        calendar.add_component(entry)
    return calendar.to_ical()


PRINT_STYLESHEET = "css/meetings-print.css"


def pdf(template: str, context: dict) -> bytes:
    """A printable page of ``template`` as PDF (WeasyPrint), with the print stylesheet read
    from the static files (nothing fetched over the network)."""
    from weasyprint import CSS, HTML

    html = render_to_string(template, {**context, "for_pdf": True})
    stylesheet = CSS(filename=finders.find(PRINT_STYLESHEET))
    return HTML(string=html, base_url=absolute_url("/")).write_pdf(stylesheets=[stylesheet])
