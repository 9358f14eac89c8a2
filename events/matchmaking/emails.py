"""Emails of business meetings, through the mail service (core.mail).

Addresses are never shown: the request's message is relayed to the person asked, who
answers on the portal. Agendas go with their calendar file.
"""

from django.conf import settings
from django.utils import translation

from core import mail
from events.matchmaking import agenda
from events.models import Meeting, MeetingProfile


def _user(profile: MeetingProfile):
    return profile.registration.user


def send_request_received(meeting: Meeting) -> None:
    meeting = Meeting.objects.select_related(
        "event", "requester", "recipient__registration__user"
    ).get(pk=meeting.pk)
    mail.send_to_users(
        "events/emails/meeting_request",
        [_user(meeting.recipient)],
        context={"meeting": meeting, "event": meeting.event},
    )


def send_request_answered(meeting: Meeting) -> None:
    meeting = Meeting.objects.select_related(
        "event", "recipient", "requester__registration__user"
    ).get(pk=meeting.pk)
    mail.send_to_users(
        "events/emails/meeting_answer",
        [_user(meeting.requester)],
        context={"meeting": meeting, "event": meeting.event},
    )


def send_agendas(profile_ids: list[int], *, changed: bool) -> int:
    """Each person's agenda, with its .ics: when the schedule is published, and again to
    the people whose agenda changed after that."""
    profiles = MeetingProfile.objects.filter(pk__in=profile_ids).select_related(
        "registration__user", "event__matchmaking"
    )
    count = 0
    for profile in profiles:
        user = _user(profile)
        if user is None:
            continue
        matchmaking = profile.event.matchmaking
        with translation.override(user.language or settings.LANGUAGE_CODE):
            rows = agenda.agenda_rows(matchmaking, profile)
            ics = agenda.agenda_calendar(matchmaking, profile, rows)
        count += mail.send_to_users(
            "events/emails/meeting_agenda",
            [user],
            context={
                "event": profile.event,
                "profile": profile,
                "rows": [row for row in rows if row["meeting"]],
                "changed": changed,
            },
            attachments=[
                mail.Attachment(f"{profile.event.slug}-meetings.ics", ics, "text/calendar")
            ],
        )
    return count
