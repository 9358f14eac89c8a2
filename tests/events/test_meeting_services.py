"""Use cases of business meetings: requests and their limits, answers, placement, moves,
publication and its emails, marks and ratings."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.matchmaking import services
from events.matchmaking.services import MatchmakingError
from events.models import AgendaEntry, Meeting
from tests.events.meeting_factories import meeting_day, participant, request

# The messages checked below are the English source strings.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


@pytest.fixture
def day():
    return meeting_day()


def test_slots_follow_the_settings_with_breaks(day):
    slots = list(day.slots.order_by("start"))
    local = [timezone.localtime(s.start, day.event.tzinfo).strftime("%H:%M") for s in slots]
    assert local == ["09:00", "09:30", "10:00", "10:30", "10:45", "11:15"]
    assert [s.is_break for s in slots] == [False, False, False, True, False, False]


def test_rebuilding_slots_keeps_placed_meetings_in_unchanged_slots(day, mail_on_commit):
    a, b = participant(day), participant(day)
    meeting = request(a, b)
    services.meeting_answer(meeting=meeting, profile=b, accept=True)
    meeting.refresh_from_db()
    slot = meeting.slot
    day.last_meeting_ends_by = day.last_meeting_ends_by.replace(hour=11)
    day.save()
    services.slots_rebuild(matchmaking=day)
    meeting.refresh_from_db()
    assert meeting.slot == slot


def test_a_request_tells_the_recipient_without_showing_addresses(day, mail_on_commit):
    a, b = participant(day), participant(day)
    with mail_on_commit():
        services.meeting_request(requester=a, recipient=b, message="Parlons batteries.")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [b.registration.user.email]
    assert "Parlons batteries." in message.body
    assert a.registration.user.email not in message.body


def test_a_second_request_between_the_same_two_people_is_refused(day):
    a, b = participant(day), participant(day)
    services.meeting_request(requester=a, recipient=b, message="Bonjour à vous.")
    with pytest.raises(MatchmakingError, match="open already"):
        services.meeting_request(requester=b, recipient=a, message="Bonjour à vous.")


def test_the_database_refuses_two_live_requests_for_one_pair(day):
    a, b = participant(day), participant(day)
    request(a, b)
    with pytest.raises(IntegrityError), transaction.atomic():
        request(a, b)


def test_requests_sent_are_limited(day):
    day.max_requests_sent = 2
    day.save()
    a = participant(day)
    for _index in range(2):
        services.meeting_request(requester=a, recipient=participant(day), message="Bonjour !!")
    with pytest.raises(MatchmakingError, match="2 requests"):
        services.meeting_request(requester=a, recipient=participant(day), message="Bonjour !!")


def test_requests_are_refused_once_closed(day):
    day.requests_close_at = timezone.now() - timedelta(minutes=1)
    day.save()
    with pytest.raises(MatchmakingError, match="closed"):
        services.meeting_request(
            requester=participant(day), recipient=participant(day), message="Bonjour !!"
        )


def test_accepting_places_the_meeting_and_tells_the_requester(day, mail_on_commit):
    a, b = participant(day), participant(day)
    meeting = request(a, b)
    with mail_on_commit():
        services.meeting_answer(meeting=meeting, profile=b, accept=True)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.ACCEPTED
    assert meeting.slot is not None and meeting.table == 1
    assert set(AgendaEntry.objects.values_list("profile", flat=True)) == {a.pk, b.pk}
    assert [m.to for m in mail.outbox] == [[a.registration.user.email]]


def test_only_the_recipient_answers(day):
    a, b = participant(day), participant(day)
    meeting = request(a, b)
    with pytest.raises(MatchmakingError):
        services.meeting_answer(meeting=meeting, profile=a, accept=True)


def test_meetings_held_are_limited(day):
    day.max_meetings = 1
    day.save()
    a, b, c = participant(day), participant(day), participant(day)
    services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    with pytest.raises(MatchmakingError, match="1 meetings allowed"):
        services.meeting_answer(meeting=request(c, b), profile=b, accept=True)


def test_declining_leaves_the_schedule_alone(day):
    a, b = participant(day), participant(day)
    meeting = services.meeting_answer(meeting=request(a, b), profile=b, accept=False)
    assert meeting.status == Meeting.Status.DECLINED and meeting.slot is None


def test_placement_run_places_what_is_not_fixed_and_respects_availability(day):
    people = [participant(day) for _index in range(6)]
    first_slot = day.slots.filter(is_break=False).order_by("start").first()
    people[0].unavailable_slots.add(first_slot)
    for index, person in enumerate(people):
        for other in people[index + 1 :]:
            if (person, other) != (people[0], people[1]):
                request(person, other, status=Meeting.Status.ACCEPTED)
    placed, left = services.placement_run(matchmaking=day)
    assert (placed, left) == (14, 0)
    assert not Meeting.objects.filter(slot=first_slot).of_profile(people[0]).exists()
    # Five meeting slots, four tables, fourteen meetings: each slot holds at most four.
    for slot in day.slots.all():
        assert slot.meetings.count() <= 4


def test_staff_move_fixes_the_meeting_and_refuses_conflicts(day):
    a, b, c = participant(day), participant(day), participant(day)
    first = services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    second = services.meeting_answer(meeting=request(a, c), profile=c, accept=True)
    first.refresh_from_db()
    with pytest.raises(MatchmakingError, match="another meeting"):
        services.meeting_move(meeting=second, slot=first.slot, table=3)
    other_slot = day.slots.filter(is_break=False).exclude(pk=first.slot_id).last()
    moved = services.meeting_move(meeting=first, slot=other_slot, table=4)
    assert (moved.slot, moved.table, moved.is_fixed) == (other_slot, 4, True)
    services.placement_run(matchmaking=day)
    moved.refresh_from_db()
    assert (moved.slot, moved.table) == (other_slot, 4)


def test_publication_sends_each_agenda_with_its_calendar(day, mail_on_commit):
    a, b = participant(day), participant(day)
    services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    with mail_on_commit():
        told = services.schedule_publish(matchmaking=day)
    assert told == 2
    agendas = [m for m in mail.outbox if "agenda" in m.subject.lower()]
    assert len(agendas) == 2
    assert agendas[0].attachments[0][0].endswith(".ics")
    assert "Table 1" in str(agendas[0].attachments[0][1])
    with pytest.raises(MatchmakingError):
        services.schedule_publish(matchmaking=day)


def test_a_change_after_publication_sends_the_new_agenda(day, mail_on_commit):
    a, b = participant(day), participant(day)
    meeting = services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    services.schedule_publish(matchmaking=day)
    mail.outbox.clear()
    with mail_on_commit():
        services.meeting_cancel(meeting=meeting)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [a.registration.user.email, b.registration.user.email]
    )
    assert all("changed" in m.subject or "changé" in m.subject for m in mail.outbox)


def test_marks_and_ratings(day):
    a, b = participant(day), participant(day)
    meeting = services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    meeting.refresh_from_db()
    with pytest.raises(MatchmakingError, match="started"):
        services.meeting_rate(meeting=meeting, profile=a, follow_up="yes")
    services.meeting_mark(meeting=meeting, attendance="held")
    day.event.start = timezone.now() - timedelta(hours=8)
    day.event.end = timezone.now() - timedelta(hours=1)
    day.event.save()
    meeting.refresh_from_db()
    services.meeting_rate(meeting=meeting, profile=a, follow_up="yes")
    services.meeting_rate(meeting=meeting, profile=b, follow_up="maybe")
    meeting.refresh_from_db()
    assert (meeting.attendance, meeting.requester_follow_up, meeting.recipient_follow_up) == (
        "held",
        "yes",
        "maybe",
    )
    with pytest.raises(MatchmakingError):
        services.meeting_rate(meeting=meeting, profile=participant(day), follow_up="no")


def test_due_schedules_are_published_by_the_command(day, mail_on_commit):
    from io import StringIO

    from django.core.management import call_command

    a, b = participant(day), participant(day)
    services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    call_command("publish_meeting_schedules", stdout=StringIO())
    day.refresh_from_db()
    assert not day.is_published, "not before the announced date"
    day.schedule_planned_at = timezone.now() - timedelta(minutes=1)
    day.save()
    with mail_on_commit():
        assert services.schedules_publish_due() == 1
    day.refresh_from_db()
    assert day.is_published
    assert len(mail.outbox) == 2
    assert services.schedules_publish_due() == 0


def test_deleting_a_meeting_day_or_its_event_removes_its_schedule(day):
    a, b = participant(day), participant(day)
    services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    day.delete()
    meeting = Meeting.objects.get()
    assert meeting.slot is None and not AgendaEntry.objects.exists()
    meeting.event.delete()
    assert not Meeting.objects.exists()


def test_a_participant_who_cancels_leaves_the_schedule(day, mail_on_commit):
    from events import services as event_services

    a, b, c = participant(day), participant(day), participant(day)
    placed = services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    pending = request(c, a)
    services.schedule_publish(matchmaking=day)
    mail.outbox.clear()
    with mail_on_commit():
        event_services.registration_cancel(registration=a.registration, by=a.registration.user)
    placed.refresh_from_db()
    pending.refresh_from_db()
    assert placed.status == pending.status == Meeting.Status.CANCELLED
    assert placed.slot is None and not AgendaEntry.objects.exists()
    agendas = [m for m in mail.outbox if m.to == [b.registration.user.email]]
    assert len(agendas) == 1, "the person left alone gets the new agenda"


def test_a_slot_declared_unavailable_moves_the_meeting_there(day, mail_on_commit):
    a, b = participant(day), participant(day)
    meeting = services.meeting_answer(meeting=request(a, b), profile=b, accept=True)
    meeting.refresh_from_db()
    old_slot = meeting.slot
    services.schedule_publish(matchmaking=day)
    mail.outbox.clear()
    a.unavailable_slots.add(old_slot)
    with mail_on_commit():
        assert services.availability_changed(profile=a) == 1
    meeting.refresh_from_db()
    assert meeting.slot is not None and meeting.slot != old_slot
    assert AgendaEntry.objects.filter(slot=meeting.slot).count() == 2
    assert len(mail.outbox) == 2, "both get their new agenda"
