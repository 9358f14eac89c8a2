"""Factories of business meeting days: a meeting day with its slots, participants with
profiles, requests."""

from datetime import time, timedelta

from django.utils import timezone

from events.matchmaking import services
from events.models import Event, Matchmaking, Meeting, MeetingProfile, Registration
from members.models import Organisation
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import UserFactory


def meeting_day(*, tables=4, breaks="10:30-10:45", last=time(12, 0), **options) -> Matchmaking:
    """A published business meeting event in ten days, requests open now, 25-minute
    meetings from 09:00 to ``last`` (with ``breaks``), at ``tables`` tables; slots built."""
    now = timezone.now()
    event = EventFactory(kind=Event.Kind.BUSINESS_MEETING, capacity=None, **options)
    matchmaking = Matchmaking.objects.create(
        event=event,
        tables=tables,
        breaks=breaks,
        first_meeting_at=time(9, 0),
        last_meeting_ends_by=last,
        requests_open_at=now - timedelta(days=1),
        requests_close_at=now + timedelta(days=5),
        schedule_planned_at=now + timedelta(days=6),
    )
    services.slots_rebuild(matchmaking=matchmaking)
    return matchmaking


def participant(matchmaking, user=None, *, organisation=None, **fields) -> MeetingProfile:
    """A confirmed registration of ``user`` (a new person by default) with a profile."""
    user = user or UserFactory()
    registration = RegistrationFactory(
        event=matchmaking.event,
        user=user,
        organisation=organisation,
        status=Registration.Status.CONFIRMED,
    )
    values = {
        "display_name": user.get_full_name() or "Personne fictive",
        "organisation_name": organisation.name if organisation else "Société fictive",
        "organisation_kind": organisation.kind if organisation else Organisation.Kind.COMPANY,
        "offer": "Des essais de batteries.",
        "seek": "Un partenaire allemand.",
        "languages": ",fr,",
        **fields,
    }
    return MeetingProfile.objects.create(
        event=matchmaking.event, registration=registration, **values
    )


def request(requester, recipient, *, status=Meeting.Status.PENDING) -> Meeting:
    return Meeting.objects.create(
        event=requester.event,
        requester=requester,
        recipient=recipient,
        message="Pouvons-nous nous rencontrer ?",
        status=status,
    )
