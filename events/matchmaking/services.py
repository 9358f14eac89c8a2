"""Use cases of business meeting days: profiles, requests, answers, placement, publication.

Every write that gives a slot or a table (an acceptance, a move, a placement run) first
locks the event's matchmaking row (``select_for_update``), so that two acceptances at the
same moment are placed one after the other; the database constraints (one meeting per
table and slot, one meeting per person and slot) refuse anything that would slip through.
Emails leave through ``transaction.on_commit``.
"""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import PortalError
from events.matchmaking import emails
from events.matchmaking.scheduling import Problem, place
from events.models import AgendaEntry, Matchmaking, Meeting, MeetingProfile, MeetingSlot


class MatchmakingError(PortalError):
    """A meeting use case refused: ``message`` says why."""


def _lock(matchmaking: Matchmaking) -> Matchmaking:
    return Matchmaking.objects.select_for_update().select_related("event").get(pk=matchmaking.pk)


# Slots ----------------------------------------------------------------------------------------


def slots_rebuild(*, matchmaking: Matchmaking) -> int:
    """Make the slot rows follow the settings (length, gap, day, breaks): slots whose start
    is unchanged are kept with their meetings; the others go, and their meetings become
    unplaced. Returns the number of slots."""
    with transaction.atomic():
        matchmaking = _lock(matchmaking)
        wanted = matchmaking.slot_times()
        existing = {slot.start: slot for slot in matchmaking.slots.all()}
        keep = set()
        for start, end, is_break in wanted:
            slot = existing.get(start)
            if slot is None:
                MeetingSlot.objects.create(
                    matchmaking=matchmaking, start=start, end=end, is_break=is_break
                )
            else:
                keep.add(slot.pk)
                if (slot.end, slot.is_break) != (end, is_break):
                    slot.end, slot.is_break = end, is_break
                    slot.save(update_fields=["end", "is_break"])
                    if is_break:
                        _unplace(Meeting.objects.filter(slot=slot))
        gone_ids = list(
            matchmaking.slots.exclude(pk__in=keep)
            .exclude(start__in=[start for start, _end, _b in wanted])
            .values_list("pk", flat=True)
        )
        _unplace(Meeting.objects.filter(slot__in=gone_ids))
        MeetingSlot.objects.filter(pk__in=gone_ids).delete()
    return len(wanted)


def _unplace(meetings) -> None:
    ids = list(meetings.values_list("pk", flat=True))
    AgendaEntry.objects.filter(meeting__in=ids).delete()
    Meeting.objects.filter(pk__in=ids).update(slot=None, table=None, is_fixed=False)


# Profiles -------------------------------------------------------------------------------------


def profile_initial(registration) -> MeetingProfile:
    """An unsaved profile prefilled from the person and their organisation's profile."""
    user = registration.user
    organisation = registration.organisation
    profile = MeetingProfile(
        event=registration.event,
        registration=registration,
        display_name=user.get_full_name() or user.first_name or str(_("Participant")),
        languages=f",{user.language or 'fr'},",
    )
    if organisation is not None:
        profile.organisation_name = organisation.name
        profile.organisation_kind = organisation.kind
        profile.offer = organisation.pitch
    return profile


# Requests -------------------------------------------------------------------------------------


def meeting_request(*, requester: MeetingProfile, recipient: MeetingProfile, message: str):
    """Ask ``recipient`` for a meeting. Refused when requests are closed, when the
    requester has sent as many requests as allowed, or when a request between the two is
    open already (in either direction)."""
    with transaction.atomic():
        matchmaking = _lock(requester.event.matchmaking)
        if not matchmaking.requests_are_open:
            raise MatchmakingError(_("Meeting requests are closed for this event."))
        if requester.pk == recipient.pk or recipient.event_id != requester.event_id:
            raise MatchmakingError(_("You cannot ask yourself for a meeting."))
        sent = requester.requests_sent.exclude(status=Meeting.Status.WITHDRAWN).count()
        if sent >= matchmaking.max_requests_sent:
            raise MatchmakingError(
                _("You have sent the %(count)s requests allowed for this event.")
                % {"count": matchmaking.max_requests_sent}
            )
        between = Meeting.objects.live().filter(
            Q(requester=requester, recipient=recipient)
            | Q(requester=recipient, recipient=requester)
        )
        if between.exists():
            raise MatchmakingError(_("A meeting request between you two is open already."))
        try:
            with transaction.atomic():
                meeting = Meeting.objects.create(
                    event=requester.event,
                    requester=requester,
                    recipient=recipient,
                    message=message,
                )
        except IntegrityError:
            raise MatchmakingError(
                _("A meeting request between you two is open already.")
            ) from None
        transaction.on_commit(lambda: emails.send_request_received(meeting))
    return meeting


def meeting_withdraw(*, meeting: Meeting, profile: MeetingProfile) -> Meeting:
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.requester_id != profile.pk or meeting.status != Meeting.Status.PENDING:
            raise MatchmakingError(_("Only a request waiting for an answer can be withdrawn."))
        meeting.status = Meeting.Status.WITHDRAWN
        meeting.save(update_fields=["status", "updated_at"])
    return meeting


def meeting_answer(*, meeting: Meeting, profile: MeetingProfile, accept: bool) -> Meeting:
    """The recipient accepts or declines. An accepted meeting is placed at once in the
    first slot where both are free and a table is left (the matchmaking row is locked, so
    concurrent acceptances are placed one after the other)."""
    with transaction.atomic():
        matchmaking = _lock(profile.event.matchmaking)
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.recipient_id != profile.pk:
            raise MatchmakingError(_("Only the person asked can answer this request."))
        if meeting.status != Meeting.Status.PENDING:
            raise MatchmakingError(_("This request has already been answered."))
        if matchmaking.is_over:
            raise MatchmakingError(_("The meeting day is over."))
        meeting.answered_at = timezone.now()
        if not accept:
            meeting.status = Meeting.Status.DECLINED
            meeting.save(update_fields=["status", "answered_at", "updated_at"])
            transaction.on_commit(lambda: emails.send_request_answered(meeting))
            return meeting
        for person in (meeting.requester, meeting.recipient):
            held = Meeting.objects.of_profile(person).accepted().count()
            if held >= matchmaking.max_meetings:
                if person.pk == profile.pk:
                    raise MatchmakingError(
                        _("You already have the %(count)s meetings allowed.")
                        % {"count": matchmaking.max_meetings}
                    )
                raise MatchmakingError(
                    _("%(name)s already has the %(count)s meetings allowed.")
                    % {"name": person.display_name, "count": matchmaking.max_meetings}
                )
        meeting.status = Meeting.Status.ACCEPTED
        meeting.save(update_fields=["status", "answered_at", "updated_at"])
        changed = _place(matchmaking, only=[meeting.pk])
        transaction.on_commit(lambda: emails.send_request_answered(meeting))
        _tell_changes(matchmaking, changed)
    return meeting


# Placement ------------------------------------------------------------------------------------


def _problem(matchmaking: Matchmaking, *, movable) -> tuple[Problem, dict]:
    """The scheduling problem of the day: ``movable`` meetings to place, every other placed
    accepted meeting fixed where it is."""
    slots = list(
        matchmaking.slots.filter(is_break=False).order_by("start").values_list("pk", flat=True)
    )
    accepted = list(
        Meeting.objects.filter(
            event_id=matchmaking.event_id, status=Meeting.Status.ACCEPTED
        ).values_list("pk", "requester_id", "recipient_id", "slot_id", "table")
    )
    movable = set(movable)
    fixed = {
        pk: ((a, b), slot, table)
        for pk, a, b, slot, table in accepted
        if pk not in movable and slot is not None
    }
    meetings = {pk: (a, b) for pk, a, b, _slot, _table in accepted if pk in movable}
    previous = {pk: (slot, table) for pk, _a, _b, slot, table in accepted if pk in movable and slot}
    unavailable = {}
    through = MeetingProfile.unavailable_slots.through
    for profile_id, slot_id in through.objects.filter(
        meetingprofile__event_id=matchmaking.event_id
    ).values_list("meetingprofile_id", "meetingslot_id"):
        unavailable.setdefault(profile_id, set()).add(slot_id)
    problem = Problem(
        slots=slots,
        tables=matchmaking.tables,
        meetings=meetings,
        fixed=fixed,
        unavailable=unavailable,
        previous=previous,
    )
    return problem, previous


def _place(matchmaking: Matchmaking, *, only) -> set[int]:
    """Place the accepted meetings ``only`` (ids) and write the answer; the caller holds
    the lock. Returns the profiles whose agenda changed."""
    problem, previous = _problem(matchmaking, movable=only)
    result = place(problem)
    changed_meetings = [pk for pk in problem.meetings if result.placed.get(pk) != previous.get(pk)]
    if not changed_meetings:
        return set()
    _unplace(Meeting.objects.filter(pk__in=changed_meetings))
    rows = []
    entries = []
    for pk in changed_meetings:
        if pk not in result.placed:
            continue
        slot, table = result.placed[pk]
        rows.append(Meeting(pk=pk, slot_id=slot, table=table))
        for person in problem.meetings[pk]:
            entries.append(AgendaEntry(meeting_id=pk, profile_id=person, slot_id=slot))
    Meeting.objects.bulk_update(rows, ["slot", "table"], batch_size=500)
    AgendaEntry.objects.bulk_create(entries, batch_size=1000)
    return {person for pk in changed_meetings for person in problem.meetings[pk]}


def placement_run(*, matchmaking: Matchmaking) -> tuple[int, int]:
    """Place again every accepted meeting that is not fixed (moved by staff or already
    marked held or missed). Returns (placed, left unplaced)."""
    with transaction.atomic():
        matchmaking = _lock(matchmaking)
        movable = Meeting.objects.filter(
            event_id=matchmaking.event_id,
            status=Meeting.Status.ACCEPTED,
            is_fixed=False,
            attendance="",
        ).values_list("pk", flat=True)
        changed = _place(matchmaking, only=list(movable))
        _tell_changes(matchmaking, changed)
        accepted = Meeting.objects.filter(event_id=matchmaking.event_id).accepted()
        placed = accepted.filter(slot__isnull=False).count()
        return placed, accepted.count() - placed


def meeting_move(*, meeting: Meeting, slot: MeetingSlot, table: int) -> Meeting:
    """Staff put a meeting at ``table`` in ``slot``; it then stays there (fixed)."""
    with transaction.atomic():
        matchmaking = _lock(meeting.event.matchmaking)
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.status != Meeting.Status.ACCEPTED:
            raise MatchmakingError(_("Only an accepted meeting can be placed."))
        if slot.matchmaking_id != matchmaking.pk or slot.is_break:
            raise MatchmakingError(_("Choose a meeting slot of this day."))
        if not 1 <= table <= matchmaking.tables:
            raise MatchmakingError(
                _("Choose a table from 1 to %(count)s.") % {"count": matchmaking.tables}
            )
        people = [meeting.requester_id, meeting.recipient_id]
        taken = Meeting.objects.filter(event_id=meeting.event_id, slot=slot, table=table)
        if taken.exclude(pk=meeting.pk).exists():
            raise MatchmakingError(_("Another meeting is at this table then."))
        busy = AgendaEntry.objects.filter(profile_id__in=people, slot=slot).exclude(meeting=meeting)
        if busy.exists():
            raise MatchmakingError(_("One of the two people has another meeting then."))
        off = MeetingProfile.unavailable_slots.through.objects.filter(
            meetingprofile_id__in=people, meetingslot=slot
        )
        if off.exists():
            raise MatchmakingError(_("One of the two people is not available then."))
        _unplace(Meeting.objects.filter(pk=meeting.pk))
        meeting.slot, meeting.table, meeting.is_fixed = slot, table, True
        meeting.save(update_fields=["slot", "table", "is_fixed", "updated_at"])
        AgendaEntry.objects.bulk_create(
            [AgendaEntry(meeting=meeting, profile_id=p, slot=slot) for p in people]
        )
        _tell_changes(matchmaking, set(people))
    return meeting


def meeting_cancel(*, meeting: Meeting) -> Meeting:
    """Staff cancel a meeting: it leaves the schedule and both people are told."""
    with transaction.atomic():
        matchmaking = _lock(meeting.event.matchmaking)
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.status not in Meeting.LIVE_STATUSES:
            raise MatchmakingError(_("This meeting is not on the schedule."))
        was_placed = meeting.slot_id is not None
        _unplace(Meeting.objects.filter(pk=meeting.pk))
        meeting.refresh_from_db()
        meeting.status = Meeting.Status.CANCELLED
        meeting.save(update_fields=["status", "updated_at"])
        if was_placed:
            _tell_changes(matchmaking, {meeting.requester_id, meeting.recipient_id})
    return meeting


def schedule_publish(*, matchmaking: Matchmaking) -> int:
    """Publish the schedule: every participant with a meeting gets their agenda by email
    (with its calendar file). Returns the number of people told."""
    with transaction.atomic():
        matchmaking = _lock(matchmaking)
        if matchmaking.is_published:
            raise MatchmakingError(_("The schedule is published already."))
        matchmaking.schedule_published_at = timezone.now()
        matchmaking.save(update_fields=["schedule_published_at", "updated_at"])
        people = set(
            AgendaEntry.objects.filter(slot__matchmaking=matchmaking).values_list(
                "profile_id", flat=True
            )
        )
        transaction.on_commit(lambda: emails.send_agendas(sorted(people), changed=False))
    return len(people)


def _tell_changes(matchmaking: Matchmaking, profiles: set[int]) -> None:
    """Once the schedule is published, the people whose agenda changed get it again."""
    if matchmaking.is_published and profiles:
        ids = sorted(profiles)
        transaction.on_commit(lambda: emails.send_agendas(ids, changed=True))


# On the day and after --------------------------------------------------------------------


def meeting_mark(*, meeting: Meeting, attendance: str) -> Meeting:
    if attendance not in Meeting.Attendance.values:
        raise MatchmakingError(_("Choose held or missed."))
    if meeting.status != Meeting.Status.ACCEPTED or meeting.slot_id is None:
        raise MatchmakingError(_("Only a meeting on the schedule can be marked."))
    meeting.attendance = attendance
    meeting.save(update_fields=["attendance", "updated_at"])
    return meeting


def meeting_rate(*, meeting: Meeting, profile: MeetingProfile, follow_up: str) -> Meeting:
    """A participant says whether the meeting led to a follow-up, once the day is over."""
    if follow_up not in Meeting.FollowUp.values:
        raise MatchmakingError(_("Choose yes, maybe or no."))
    if not meeting.event.has_started:
        raise MatchmakingError(_("Meetings can be rated once the meeting day has started."))
    if meeting.status != Meeting.Status.ACCEPTED or meeting.slot_id is None:
        raise MatchmakingError(_("Only a scheduled meeting can be rated."))
    if profile.pk == meeting.requester_id:
        meeting.requester_follow_up = follow_up
        meeting.save(update_fields=["requester_follow_up", "updated_at"])
    elif profile.pk == meeting.recipient_id:
        meeting.recipient_follow_up = follow_up
        meeting.save(update_fields=["recipient_follow_up", "updated_at"])
    else:
        raise MatchmakingError(_("Only the two people who met can rate a meeting."))
    return meeting


def schedules_publish_due() -> int:
    """Publish the schedules whose announced publication date has come (staff may publish
    earlier from the grid). Returns how many were published."""
    due = Matchmaking.objects.filter(
        schedule_published_at__isnull=True, schedule_planned_at__lte=timezone.now()
    )
    published = 0
    for matchmaking in due:
        try:
            schedule_publish(matchmaking=matchmaking)
        except MatchmakingError:
            continue  # published meanwhile by staff
        published += 1
    return published


def participant_left(*, registration) -> int:
    """The person cancelled their registration: their open requests and meetings are
    cancelled, and (once the schedule is published) the people they were to meet get their
    new agenda. Runs inside the cancellation's transaction. Returns the meetings cancelled."""
    profile = MeetingProfile.objects.filter(registration=registration).first()
    if profile is None:
        return 0
    matchmaking = _lock(Matchmaking.objects.get(event_id=profile.event_id))
    live = Meeting.objects.of_profile(profile).live()
    placed_with = {
        other
        for a, b in live.filter(slot__isnull=False).values_list("requester_id", "recipient_id")
        for other in (a, b)
    } - {profile.pk}
    ids = list(live.values_list("pk", flat=True))
    _unplace(Meeting.objects.filter(pk__in=ids))
    Meeting.objects.filter(pk__in=ids).update(
        status=Meeting.Status.CANCELLED, updated_at=timezone.now()
    )
    _tell_changes(matchmaking, placed_with)
    return len(ids)


def availability_changed(*, profile: MeetingProfile) -> int:
    """After a person declared slots unavailable: their meetings placed in those slots (and
    not fixed by staff) are placed again elsewhere. Returns how many moved or left."""
    with transaction.atomic():
        matchmaking = _lock(Matchmaking.objects.get(event_id=profile.event_id))
        clashing = list(
            Meeting.objects.of_profile(profile)
            .placed()
            .filter(slot__in=profile.unavailable_slots.all(), is_fixed=False, attendance="")
            .values_list("pk", flat=True)
        )
        if clashing:
            # Out of the way first, so that the placement sees the slot as taken by nobody.
            _unplace(Meeting.objects.filter(pk__in=clashing))
            changed = _place(matchmaking, only=clashing)
            _tell_changes(matchmaking, changed)
    return len(clashing)
