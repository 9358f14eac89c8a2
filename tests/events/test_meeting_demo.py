"""The demo's meeting day: 60 participants, every accepted meeting placed by the real
algorithm, a published schedule; loading again changes nothing."""

import pytest

from events.matchmaking import demo
from events.models import AgendaEntry, Matchmaking, Meeting, MeetingProfile
from tests.members.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_demo_meeting_day_has_60_participants_and_a_published_full_schedule():
    for _index in range(50):
        MembershipFactory()
    demo.load(scale=0, log=lambda message: None)
    matchmaking = Matchmaking.objects.get()
    assert matchmaking.is_published
    assert MeetingProfile.objects.count() == 60
    outside = MeetingProfile.objects.filter(registration__organisation__isnull=True)
    assert outside.count() == 16
    assert all("(démo)" in p.display_name for p in outside)
    accepted = Meeting.objects.accepted()
    assert accepted.count() > 100
    assert not accepted.filter(slot__isnull=True).exists(), "every accepted meeting is placed"
    assert AgendaEntry.objects.count() == 2 * accepted.count()
    counts = (Meeting.objects.count(), AgendaEntry.objects.count())
    places = set(accepted.values_list("pk", "slot", "table"))
    demo.load(scale=0, log=lambda message: None)
    assert (Meeting.objects.count(), AgendaEntry.objects.count()) == counts
    assert set(Meeting.objects.accepted().values_list("pk", "slot", "table")) == places


def test_demo_meeting_day_is_on_a_working_day_with_its_cover(monkeypatch):
    import datetime as dt

    from django.utils import timezone

    from core.workdays import is_working_day
    from events.models import Event

    # Loaded on a Sunday, "today+6" would be a Saturday.
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: dt.date(2026, 12, 6))
    demo.load(scale=0, log=lambda message: None)
    event = Event.objects.get(matchmaking__isnull=False)
    start = timezone.localtime(event.start)
    assert start.date() == dt.date(2026, 12, 14)
    assert is_working_day(start) and is_working_day(timezone.localtime(event.end))
    assert event.cover and event.cover_alt_fr and event.cover_alt_en
