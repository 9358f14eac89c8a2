"""Who may change what, tried from outside on every members view that writes: the
organisation's admin, a plain colleague, another organisation's admin, an anonymous visitor
and staff, with the pages and with forged form posts. Refused requests change nothing.

Expected answers: 403 for a colleague (they know the organisation), 404 for outsiders (its
existence is not revealed), the login page for anonymous visitors; admins and staff succeed.
"""

import pytest
from django.urls import reverse

from members.models import Invitation, JoinRequest, Membership, Organisation, Platform
from tests.factories import StaffFactory, UserFactory
from tests.members.factories import (
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    PlatformFactory,
    invitation_for,
)

pytestmark = pytest.mark.django_db

PERSONAS = ["owner", "colleague", "outsider", "anonymous", "staff"]
REFUSED = {"colleague": 403, "outsider": 404}


@pytest.fixture
def world(markets):
    organisation = OrganisationFactory(
        name="Organisation gardée", website="https://www.gardee.example"
    )
    owner = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
    colleague_membership = MembershipFactory(organisation=organisation)
    outsider = MembershipFactory(
        organisation=OrganisationFactory(), role=Membership.Role.ADMIN
    ).user
    return {
        "organisation": organisation,
        "market": markets["electric"],
        "people": {
            "owner": owner,
            "colleague": colleague_membership.user,
            "outsider": outsider,
            "staff": StaffFactory(),
        },
        "colleague_membership": colleague_membership,
        "platform": PlatformFactory(organisation=organisation, name="Banc gardé"),
        "invitation": invitation_for(organisation, email="invited@gardee.example")[0],
        "join_request": JoinRequestFactory(
            organisation=organisation, user=UserFactory(email="asker@gardee.example")
        ),
    }


def snapshot(organisation) -> dict:
    """Everything the edit views could change, to compare before and after."""
    organisation = Organisation.objects.get(pk=organisation.pk)
    return {
        "profile": (organisation.name, organisation.pitch, organisation.city),
        "markets": sorted(organisation.markets.values_list("pk", flat=True)),
        "people": sorted(organisation.memberships.values_list("user_id", "role")),
        "invitations": sorted(
            (i.email, i.state) for i in Invitation.objects.filter(organisation=organisation)
        ),
        "requests": sorted(
            JoinRequest.objects.filter(organisation=organisation).values_list("pk", "status")
        ),
        "platforms": sorted(Platform.objects.values_list("slug", "name", "summary")),
    }


def profile_data(world, **changes):
    organisation = world["organisation"]
    data = {
        "name": organisation.name,
        "kind": organisation.kind,
        "size_band": organisation.size_band,
        "siret": "73282932000074",
        "website": organisation.website,
        "postcode": organisation.postcode,
        "city": organisation.city,
        "country": "FR",
        "pitch_fr": "Un pitch réécrit par quelqu'un.",
        "markets": [world["market"].pk],
    }
    return {**data, **changes}


def platform_data(world):
    return {
        "name": "Banc forgé",
        "kind": Platform.Kind.TEST_BENCH,
        "summary_fr": "Résumé forgé.",
        "equipment": "Banc",
        "access": Platform.Access.REQUEST,
    }


def actions(world) -> dict:
    """Each writing view: its address, and what a post to it carries."""
    slug = world["organisation"].slug
    platform = world["platform"].slug
    target = world["colleague_membership"].pk
    return {
        "edit the profile": (
            reverse("members:organisation-edit", args=[slug]),
            profile_data(world),
        ),
        "invite": (
            reverse("members:organisation-people", args=[slug]),
            {"email": "spy@elsewhere.example", "role": "admin"},
        ),
        "change a role": (
            reverse("members:membership-role", args=[slug, target]),
            {"role": "admin"},
        ),
        "remove a colleague": (reverse("members:membership-remove", args=[slug, target]), {}),
        "withdraw an invitation": (
            reverse("members:invitation-revoke", args=[slug, world["invitation"].pk]),
            {},
        ),
        "approve a request": (
            reverse("members:joinrequest-decide", args=[slug, world["join_request"].pk, "approve"]),
            {},
        ),
        "decline a request": (
            reverse("members:joinrequest-decide", args=[slug, world["join_request"].pk, "decline"]),
            {},
        ),
        "add a platform": (
            reverse("members:platform-create", args=[slug]),
            platform_data(world),
        ),
        "edit a platform": (
            reverse("members:platform-edit", args=[slug, platform]),
            platform_data(world),
        ),
        "delete a platform": (reverse("members:platform-delete", args=[slug, platform]), {}),
    }


GET_PAGES = {"edit the profile", "invite", "add a platform", "edit a platform"}
ACTIONS = [
    "edit the profile",
    "invite",
    "change a role",
    "remove a colleague",
    "withdraw an invitation",
    "approve a request",
    "decline a request",
    "add a platform",
    "edit a platform",
    "delete a platform",
]


def sign_in(client, world, persona):
    if persona != "anonymous":
        client.force_login(world["people"][persona])


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", ACTIONS)
def test_the_permission_matrix(client, world, persona, action, mail_on_commit):
    url, data = actions(world)[action]
    sign_in(client, world, persona)
    before = snapshot(world["organisation"])
    with mail_on_commit():
        page = client.get(url) if action in GET_PAGES else None
        response = client.post(url, data)
    after = snapshot(world["organisation"])
    if persona in ("owner", "staff"):
        if page is not None:
            assert page.status_code == 200
        assert response.status_code == 302, getattr(response, "context", None) and (
            response.context.get("form") and response.context["form"].errors
        )
        assert after != before, "the allowed change did not happen"
        return
    if persona == "anonymous":
        for answer in filter(None, (page, response)):
            assert answer.status_code == 302
            assert answer["Location"].startswith(reverse("account_login"))
    else:
        for answer in filter(None, (page, response)):
            assert answer.status_code == REFUSED[persona]
    assert after == before


@pytest.mark.parametrize("persona", ["colleague", "outsider", "anonymous"])
def test_a_get_never_changes_anything(client, world, persona):
    """The writing views answer GET with a page or a refusal, never with a change."""
    sign_in(client, world, persona)
    before = snapshot(world["organisation"])
    for action in ACTIONS:
        url, _data = actions(world)[action]
        assert client.get(url).status_code in (302, 403, 404, 405)
    assert snapshot(world["organisation"]) == before


def test_the_organisation_cannot_be_switched_by_a_forged_field(client, world):
    """An admin posting another organisation's id in the forms changes only their own."""
    other = OrganisationFactory(name="Autre organisation")
    client.force_login(world["people"]["owner"])
    url, data = actions(world)["add a platform"]
    client.post(url, {**data, "organisation": other.pk})
    assert not other.platforms.exists()
    assert world["organisation"].platforms.filter(name="Banc forgé").exists()
    url, data = actions(world)["edit the profile"]
    client.post(url, {**data, "membership_status": "former", "is_public": "", "slug": "x"})
    organisation = Organisation.objects.get(pk=world["organisation"].pk)
    assert (organisation.membership_status, organisation.is_public, organisation.slug) == (
        Organisation.Status.ACTIVE,
        True,
        world["organisation"].slug,
    )
