"""Business meetings in the export of a person's data and in account deletion."""

import pytest

from events.matchmaking import personal_data, services
from events.models import Meeting, MeetingProfile
from tests.events.meeting_factories import meeting_day, participant, request

pytestmark = pytest.mark.django_db


def test_export_and_erase():
    day = meeting_day()
    me, other = participant(day, offer="Des essais."), participant(day)
    services.meeting_answer(meeting=request(me, other), profile=other, accept=True)
    request(other, me)
    user = me.registration.user
    data = personal_data.export_meetings(user)
    assert data["profiles"][0]["offer"] == "Des essais."
    assert sorted(m["asked_by_me"] for m in data["meetings"]) == [False, True]
    assert [m["message"] for m in data["meetings"] if not m["asked_by_me"]] == [None]
    assert personal_data.describe_meetings(user)
    personal_data.erase_meetings(user)
    assert not MeetingProfile.objects.filter(registration__user=user).exists()
    assert not Meeting.objects.exists()
    assert personal_data.describe_meetings(user) == []
