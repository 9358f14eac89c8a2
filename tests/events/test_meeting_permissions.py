"""Every business-meeting view that changes data, tried by each persona: anonymous (login
page), a member not registered for the event (403), another participant (404 for a
meeting that is not theirs), the right participant, and staff (staff pages only)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.matchmaking import services
from events.models import Meeting, MeetingProfile
from tests.events.meeting_factories import meeting_day, participant, request
from tests.members.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(staff):
    day = meeting_day()
    asker, asked, other = participant(day), participant(day), participant(day)
    return {
        "day": day,
        "slug": day.event.slug,
        "asker": asker,
        "asked": asked,
        "people": {
            "anonymous": None,
            "non_participant": MembershipFactory().user,
            "other_participant": other.registration.user,
            "asker": asker.registration.user,
            "asked": asked.registration.user,
            "staff": staff,
        },
    }


def post_as(client, user, url, data=None):
    if user is not None:
        client.force_login(user)
    return client.post(url, data or {})


EXPECTED_FOR_MEETING_ACTIONS = {
    "anonymous": 302,
    "non_participant": 403,
    "other_participant": 404,
    "staff": 403,  # staff are not participants of the day
}


@pytest.mark.parametrize("persona", EXPECTED_FOR_MEETING_ACTIONS)
def test_answering_a_request(client, setting, persona):
    meeting = request(setting["asker"], setting["asked"])
    url = reverse("events:meeting-answer", args=[setting["slug"], meeting.pk])
    response = post_as(client, setting["people"][persona], url, {"answer": "accept"})
    assert response.status_code == EXPECTED_FOR_MEETING_ACTIONS[persona]
    if persona == "anonymous":
        assert "login" in response.url
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PENDING


def test_the_asked_person_answers_and_the_asker_cannot(client, setting):
    meeting = request(setting["asker"], setting["asked"])
    url = reverse("events:meeting-answer", args=[setting["slug"], meeting.pk])
    post_as(client, setting["people"]["asker"], url, {"answer": "accept"})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PENDING
    response = post_as(client, setting["people"]["asked"], url, {"answer": "accept"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.ACCEPTED


def test_a_get_never_answers(client, setting):
    meeting = request(setting["asker"], setting["asked"])
    client.force_login(setting["people"]["asked"])
    url = reverse("events:meeting-answer", args=[setting["slug"], meeting.pk])
    assert client.get(url + "?answer=accept").status_code == 405


@pytest.mark.parametrize("persona", EXPECTED_FOR_MEETING_ACTIONS)
def test_withdrawing_a_request(client, setting, persona):
    meeting = request(setting["asker"], setting["asked"])
    url = reverse("events:meeting-withdraw", args=[setting["slug"], meeting.pk])
    response = post_as(client, setting["people"][persona], url)
    assert response.status_code == EXPECTED_FOR_MEETING_ACTIONS[persona]
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PENDING


def test_the_asker_withdraws(client, setting):
    meeting = request(setting["asker"], setting["asked"])
    url = reverse("events:meeting-withdraw", args=[setting["slug"], meeting.pk])
    post_as(client, setting["people"]["asked"], url)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PENDING
    post_as(client, setting["people"]["asker"], url)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.WITHDRAWN


@pytest.fixture
def held(setting):
    meeting = services.meeting_answer(
        meeting=request(setting["asker"], setting["asked"]), profile=setting["asked"], accept=True
    )
    event = setting["day"].event
    event.start = timezone.now() - timedelta(hours=6)
    event.end = timezone.now() - timedelta(hours=1)
    event.save()
    return meeting


@pytest.mark.parametrize("persona", EXPECTED_FOR_MEETING_ACTIONS)
def test_rating_a_meeting(client, setting, held, persona):
    url = reverse("events:meeting-rate", args=[setting["slug"], held.pk])
    response = post_as(client, setting["people"][persona], url, {"follow_up": "yes"})
    assert response.status_code == EXPECTED_FOR_MEETING_ACTIONS[persona]
    held.refresh_from_db()
    assert held.requester_follow_up == held.recipient_follow_up == ""


def test_both_people_rate_their_meeting(client, setting, held):
    url = reverse("events:meeting-rate", args=[setting["slug"], held.pk])
    post_as(client, setting["people"]["asker"], url, {"follow_up": "yes"})
    post_as(client, setting["people"]["asked"], url, {"follow_up": "no"})
    held.refresh_from_db()
    assert (held.requester_follow_up, held.recipient_follow_up) == ("yes", "no")


@pytest.mark.parametrize(
    ("persona", "status"),
    [("anonymous", 302), ("non_participant", 403), ("staff", 403), ("asker", 302)],
)
def test_requesting_a_meeting(client, setting, persona, status):
    other = MeetingProfile.objects.get(registration__user=setting["people"]["other_participant"])
    url = reverse("events:meetings-participant", args=[setting["slug"], other.pk])
    response = post_as(client, setting["people"][persona], url, {"message": "Rencontrons-nous."})
    assert response.status_code == status
    sent = Meeting.objects.filter(recipient=other).exists()
    assert sent == (persona == "asker")


@pytest.mark.parametrize(
    ("persona", "status"),
    [("anonymous", 302), ("non_participant", 403), ("staff", 403), ("asker", 302)],
)
def test_editing_a_meeting_profile(client, setting, persona, status):
    url = reverse("events:meetings-profile", args=[setting["slug"]])
    data = {
        "display_name": "Nom changé",
        "organisation_name": "Société",
        "organisation_kind": "company",
        "offer": "Des essais.",
        "seek": "Des partenaires.",
        "languages": ["fr", "de"],
    }
    response = post_as(client, setting["people"][persona], url, data)
    assert response.status_code == status
    changed = MeetingProfile.objects.filter(display_name="Nom changé").exists()
    assert changed == (persona == "asker")


STAFF_EXPECTED = {
    "anonymous": 302,
    "non_participant": 403,
    "asker": 403,
    "asked": 403,
}


def staff_actions(setting, meeting):
    slug = setting["slug"]
    slot = setting["day"].slots.filter(is_break=False).last()
    return [
        (reverse("events:meeting-move", args=[slug, meeting.pk]), {"slot": slot.pk, "table": 3}),
        (reverse("events:meeting-mark", args=[slug, meeting.pk]), {"attendance": "held"}),
        (reverse("events:meeting-cancel", args=[slug, meeting.pk]), {}),
        (reverse("events:meetings-place", args=[slug]), {}),
        (reverse("events:meetings-publish", args=[slug]), {}),
    ]


@pytest.mark.parametrize("persona", STAFF_EXPECTED)
def test_staff_actions_refuse_everybody_else(client, setting, persona):
    meeting = services.meeting_answer(
        meeting=request(setting["asker"], setting["asked"]), profile=setting["asked"], accept=True
    )
    meeting.refresh_from_db()
    before = (meeting.slot_id, meeting.table, meeting.status, meeting.attendance)
    for url, data in staff_actions(setting, meeting):
        response = post_as(client, setting["people"][persona], url, data)
        assert response.status_code == STAFF_EXPECTED[persona], url
    meeting.refresh_from_db()
    assert (meeting.slot_id, meeting.table, meeting.status, meeting.attendance) == before
    setting["day"].refresh_from_db()
    assert not setting["day"].is_published


def test_staff_move_mark_cancel_place_and_publish(client, setting, staff):
    meeting = services.meeting_answer(
        meeting=request(setting["asker"], setting["asked"]), profile=setting["asked"], accept=True
    )
    client.force_login(staff)
    move, mark, cancel, place, publish = staff_actions(setting, meeting)
    client.post(*move)
    meeting.refresh_from_db()
    assert (meeting.slot_id, meeting.table, meeting.is_fixed) == (move[1]["slot"], 3, True)
    client.post(*mark)
    meeting.refresh_from_db()
    assert meeting.attendance == "held"
    assert client.post(*place).status_code == 302
    client.post(*publish)
    setting["day"].refresh_from_db()
    assert setting["day"].is_published
    client.post(*cancel)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED and meeting.slot is None
