"""Training sessions in the person's private calendar feed (gathered by cluster_site).

One event per enrolment: the session from its first day's start to its last day's end, in
Europe/Paris time. Waiting-list and plain requests are tentative, never shown as confirmed;
cancelled requests and cancelled sessions stay in the feed as cancelled, so that calendar
applications remove them.
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from trainings.models import Enrolment, EnrolmentStatus, Session

PARIS = ZoneInfo("Europe/Paris")
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
UID_DOMAIN = "vehicle-of-the-future.example"

STATUS = {
    EnrolmentStatus.CONFIRMED: "CONFIRMED",
    EnrolmentStatus.ATTENDED: "CONFIRMED",
    EnrolmentStatus.REQUESTED: "TENTATIVE",
    EnrolmentStatus.WAITING_LIST: "TENTATIVE",
    EnrolmentStatus.ABSENT: "CONFIRMED",
    EnrolmentStatus.CANCELLED: "CANCELLED",
}


def _status(enrolment: Enrolment) -> str:
    if enrolment.session.status == Session.Status.CANCELLED:
        return "CANCELLED"
    return STATUS[enrolment.status]


def _location(session: Session) -> str:
    if session.is_remote:
        return str(_("Remote (the link is sent to confirmed participants)"))
    parts = [session.venue, session.address, f"{session.postcode} {session.city}".strip()]
    return ", ".join(part for part in parts if part)


def event_of(enrolment: Enrolment) -> icalendar.Event:
    session = enrolment.session
    training = session.training
    changed = max(enrolment.updated_at, session.updated_at, training.updated_at)
    event = icalendar.Event()
    event.add("uid", f"training-session-{session.pk}@{UID_DOMAIN}")
    event.add("dtstamp", datetime.now(UTC))
    event.add("dtstart", datetime.combine(session.start_date, session.start_time, tzinfo=PARIS))
    event.add("dtend", datetime.combine(session.end_date, session.end_time, tzinfo=PARIS))
    event.add("summary", _("Training: %(title)s") % {"title": training.title})
    event.add("location", _location(session))
    url = settings.SITE_URL + training.get_absolute_url()
    event.add("url", url)
    lines = [
        training.summary,
        _("Participant: %(name)s") % {"name": enrolment.participant_name},
        _("Request: %(status)s") % {"status": enrolment.get_status_display()},
    ]
    if session.day_count > 1:
        lines.append(
            _("Every day from %(start)s to %(end)s.")
            % {
                "start": session.start_time.strftime("%H:%M"),
                "end": session.end_time.strftime("%H:%M"),
            }
        )
    lines.append(url)
    event.add("description", "\n".join(lines))
    event.add("status", _status(enrolment))
    # Calendar applications apply an update only when SEQUENCE grows: derive it from the
    # time of the last change, which only ever moves forward.
    event.add("sequence", max(int((changed - SEQUENCE_EPOCH).total_seconds() // 60), 0))
    event.add("last-modified", changed.astimezone(UTC))
    return event


def personal_entries(user) -> list[icalendar.Event]:
    """One event per training session ``user`` is enrolled in as a participant."""
    if not user.is_authenticated:
        return []
    enrolments = (
        Enrolment.objects.filter(Q(participant_user=user) | Q(participant_email__iexact=user.email))
        .select_related("session__training")
        .order_by("session__start_date", "pk")
    )
    latest = {}
    for enrolment in enrolments:
        # One event per session: a cancelled request followed by a new one keeps the UID.
        current = latest.get(enrolment.session_id)
        if current is None or current.status == EnrolmentStatus.CANCELLED:
            latest[enrolment.session_id] = enrolment
    return [event_of(enrolment) for enrolment in latest.values()]
