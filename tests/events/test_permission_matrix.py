"""Every view that changes data, tried from the outside by each persona.

The registration belongs to ``colleague`` (a plain member of ``organisation``) and is made
for that organisation. Who may act: the person themself; the admins of the organisation
the registration is for (``owner``), for cancelling; staff. Everybody else gets a 404 (the
registration is not theirs to know of) or a 403 on staff pages; anonymous visitors get the
login page. Forged posts (someone else's id in the data, a GET instead of a POST, a status
that is not offered) change nothing.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import CalendarFeed, Registration
from members.models import Membership
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import UserFactory
from tests.members.factories import MembershipFactory

pytestmark = pytest.mark.django_db

LOGIN = "login"


@pytest.fixture
def people(client, colleague, owner, outsider, organisation, staff):
    """Each persona by name; ``peer`` is another plain member of the same organisation,
    ``admin_elsewhere`` administers another organisation the person also belongs to."""
    peer = MembershipFactory(organisation=organisation, role=Membership.Role.COLLEAGUE).user
    admin_elsewhere = MembershipFactory(role=Membership.Role.ADMIN)
    MembershipFactory(organisation=admin_elsewhere.organisation, user=colleague)
    return {
        "person": colleague,
        "peer": peer,
        "admin": owner,
        "admin_elsewhere": admin_elsewhere.user,
        "outsider": outsider,
        "anonymous": None,
        "staff": staff,
        "staff_without_2fa": UserFactory(is_staff=True),
    }


@pytest.fixture
def event():
    return EventFactory(capacity=2)


@pytest.fixture
def registration(event, colleague, organisation):
    return RegistrationFactory(event=event, user=colleague, organisation=organisation)


def act(client, people, who, method, url, data=None):
    client.logout()
    if people[who] is not None:
        client.force_login(people[who])
    response = getattr(client, method)(url, data or {})
    if response.status_code == 302 and reverse("account_login") in response.url:
        return LOGIN
    if response.status_code == 302 and response.url == reverse("mfa_activate_totp"):
        return "2fa"
    return response.status_code


CANCEL_EXPECTED = {
    "person": 302,
    "admin": 302,
    "staff": 302,
    "peer": 404,
    "admin_elsewhere": 404,
    "outsider": 404,
    "anonymous": LOGIN,
    "staff_without_2fa": 404,  # staff powers need two-factor authentication
}


@pytest.mark.parametrize(("who", "expected"), CANCEL_EXPECTED.items())
def test_cancel_a_registration(client, people, registration, who, expected):
    url = reverse("events:registration-cancel", kwargs={"pk": registration.pk})
    assert act(client, people, who, "post", url) == expected
    registration.refresh_from_db()
    assert (registration.status == Registration.Status.CANCELLED) is (expected == 302)


@pytest.mark.parametrize(("who", "expected"), CANCEL_EXPECTED.items())
def test_see_a_registration(client, people, registration, who, expected):
    url = reverse("events:registration-detail", kwargs={"pk": registration.pk})
    assert act(client, people, who, "get", url) == (200 if expected == 302 else expected)


@pytest.mark.parametrize("who", ["person", "admin", "staff"])
def test_a_get_never_cancels(client, people, registration, who):
    url = reverse("events:registration-cancel", kwargs={"pk": registration.pk})
    assert act(client, people, who, "get", url) == 302  # to the registration's page
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


STAFF_ACTIONS = [
    ("events:registration-mark", {"status": "attended"}),
    ("events:registration-mark", {"status": "no-show"}),
    ("events:registration-promote", {}),
    ("events:waiting-list-move", {"direction": "top"}),
]
STAFF_EXPECTED = {
    "person": 403,
    "peer": 403,
    "admin": 403,
    "admin_elsewhere": 403,
    "outsider": 403,
    "anonymous": LOGIN,
    "staff_without_2fa": "2fa",
}


@pytest.fixture
def waiting(event):
    RegistrationFactory(event=event)
    return [
        RegistrationFactory(event=event, status=Registration.Status.WAITING, waiting_rank=rank)
        for rank in (1, 2)
    ]


@pytest.mark.parametrize(("name", "data"), STAFF_ACTIONS)
@pytest.mark.parametrize(("who", "expected"), STAFF_EXPECTED.items())
def test_staff_actions_refuse_everyone_else(
    client, people, registration, waiting, name, data, who, expected
):
    target = waiting[1] if name != "events:registration-mark" else registration
    before = list(Registration.objects.values_list("pk", "status", "waiting_rank"))
    assert act(client, people, who, "post", reverse(name, kwargs={"pk": target.pk}), data) == (
        expected
    )
    assert list(Registration.objects.values_list("pk", "status", "waiting_rank")) == before


@pytest.mark.parametrize(("name", "data"), STAFF_ACTIONS)
def test_staff_actions_need_a_post(client, people, registration, waiting, name, data):
    target = waiting[1] if name != "events:registration-mark" else registration
    assert act(client, people, "staff", "get", reverse(name, kwargs={"pk": target.pk})) == 405


def test_staff_actions_work_for_staff(client, people, registration, waiting, event):
    assert (
        act(
            client,
            people,
            "staff",
            "post",
            reverse("events:waiting-list-move", kwargs={"pk": waiting[1].pk}),
            {"direction": "top"},
        )
        == 302
    )
    assert list(event.registrations.waiting()) == [waiting[1], waiting[0]]
    event.capacity = 3
    event.save()
    url = reverse("events:registration-promote", kwargs={"pk": waiting[0].pk})
    assert act(client, people, "staff", "post", url) == 302
    waiting[0].refresh_from_db()
    assert waiting[0].status == Registration.Status.CONFIRMED


def test_a_forged_status_is_refused(client, people, registration):
    url = reverse("events:registration-mark", kwargs={"pk": registration.pk})
    for status in ("cancelled", "waiting", "offered", "nonsense", ""):
        act(client, people, "staff", "post", url, {"status": status})
        registration.refresh_from_db()
        assert registration.status == Registration.Status.CONFIRMED, status


def test_registering_always_registers_the_signed_in_person(client, people, event):
    """A forged ``user`` field is ignored: nobody registers someone else."""
    url = reverse("events:registration-create", kwargs={"slug": event.slug})
    assert act(client, people, "anonymous", "post", url) == LOGIN
    assert act(client, people, "admin", "post", url, {"user": people["person"].pk}) == 302
    assert list(event.registrations.values_list("user", flat=True)) == [people["admin"].pk]
    assert act(client, people, "person", "get", url) == 302  # to the event page
    assert event.registrations.count() == 1


def test_resetting_a_calendar_address_touches_only_ones_own(client, people):
    feeds = {who: CalendarFeed.for_user(people[who]) for who in ("person", "admin")}
    tokens = {who: feed.token for who, feed in feeds.items()}
    url = reverse("events:calendar-feed-reset")
    assert act(client, people, "anonymous", "post", url) == LOGIN
    assert act(client, people, "admin", "get", url) == 405
    assert act(client, people, "admin", "post", url, {"user": people["person"].pk}) == 302
    for feed in feeds.values():
        feed.refresh_from_db()
    assert feeds["person"].token == tokens["person"]
    assert feeds["admin"].token != tokens["admin"]


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("person", 302),
        ("admin", 404),
        ("peer", 404),
        ("outsider", 404),
        ("staff", 404),
        ("anonymous", LOGIN),
    ],
)
def test_only_the_person_claims_their_seat_offer(client, people, event, who, expected):
    offer = RegistrationFactory(
        event=event,
        user=people["person"],
        status=Registration.Status.OFFERED,
        offered_at=timezone.now(),
        offer_expires_at=timezone.now() + timedelta(hours=20),
    )
    url = reverse("events:offer-claim", kwargs={"token": services.offer_token(offer)})
    assert act(client, people, who, "post", url) == expected
    offer.refresh_from_db()
    assert offer.is_registered is (expected == 302)


def test_drafts_and_hidden_venues_need_staff_with_two_factor(client, people):
    from events.models import Event

    draft = EventFactory(status=Event.Status.DRAFT, online_url="https://visio.example/brouillon")
    published = EventFactory(online_url="https://visio.example/secret")
    assert act(client, people, "staff_without_2fa", "get", draft.get_absolute_url()) == 404
    page = client.get(published.get_absolute_url()).content.decode()
    assert "https://visio.example/secret" not in page
    assert act(client, people, "staff", "get", draft.get_absolute_url()) == 200
    page = client.get(published.get_absolute_url()).content.decode()
    assert "https://visio.example/secret" in page
