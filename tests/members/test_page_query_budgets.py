"""Every members page other than the directory and the profile (see test_query_budget.py) makes
the same, bounded number of queries whatever the amount of data it lists: measured with a few
rows, then again with ten times more."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members import services
from members.models import ConsentRecord, Membership, MembershipSettings, Platform
from tests.factories import UserFactory
from tests.members.factories import (
    ApplicationFactory,
    CompetencyFactory,
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    PlatformFactory,
    invitation_for,
)

pytestmark = pytest.mark.django_db


def count_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


class World:
    """One organisation, its admin, and a growing amount of everything the pages list."""

    def __init__(self, markets):
        MembershipSettings.current()
        self.markets = list(markets.values())
        self.organisation = OrganisationFactory(
            name="Organisation mesurée", website="https://www.mesuree.example"
        )
        self.admin = MembershipFactory(
            organisation=self.organisation,
            role=Membership.Role.ADMIN,
            user=UserFactory(email="admin@mesuree.example"),
        ).user
        self.platform = PlatformFactory(
            organisation=self.organisation, name="Banc mesuré", contact=self.admin
        )
        self.platform.markets.set(self.markets)
        self.application = ApplicationFactory()
        self.asker = UserFactory(email="asker@mesuree.example")
        self.size = 0

    def grow(self, size: int) -> None:
        """Bring each listed thing to ``size`` rows."""
        extra = size - self.size
        for number in range(self.size, size):
            other = OrganisationFactory(postcode="67000")
            platform = PlatformFactory(
                organisation=other if number % 2 else self.organisation,
                equipment="Banc d'essai\nChambre climatique",
            )
            platform.markets.set(self.markets[: 1 + number % len(self.markets)])
            membership = MembershipFactory(
                organisation=self.organisation, visibility=("public", "members")[number % 2]
            )
            ConsentRecord.objects.create(
                user=membership.user,
                organisation=self.organisation,
                visibility=membership.visibility,
                source=ConsentRecord.Source.DEFAULT,
            )
            invitation_for(self.organisation, email=f"invited{number}@mesuree.example")
            JoinRequestFactory(organisation=self.organisation)
            CompetencyFactory()
        # The admin's own consent log grows too (the page shows the latest ten).
        mine = self.admin.memberships.get()
        for number in range(extra):
            services.membership_update_self(
                membership=mine, job_title="", visibility=("public", "members")[number % 2]
            )
        self.size = size


def measure_all(world: World) -> dict[str, int]:
    slug = world.organisation.slug
    visitor, admin, asker = Client(), Client(), Client()
    admin.force_login(world.admin)
    asker.force_login(world.asker)
    someone = world.organisation.memberships.exclude(user=world.admin).first()
    pages = {
        "platform list": (visitor, reverse("members:platform-list"), {}),
        "platform list, searched": (
            visitor,
            reverse("members:platform-list"),
            {"q": "banc", "market": world.markets[0].slug, "region": "bfc"},
        ),
        "platform list, signed in": (admin, reverse("members:platform-list"), {"page": "2"}),
        "platform detail": (visitor, world.platform.get_absolute_url(), {}),
        "platform detail, admin": (admin, world.platform.get_absolute_url(), {}),
        "platform access request": (
            asker,
            reverse("members:platform-request-access", args=[world.platform.slug]),
            {},
        ),
        "map": (visitor, reverse("members:organisation-map"), {}),
        "application form": (visitor, reverse("members:application-create"), {}),
        "application status": (visitor, world.application.get_absolute_url(), {}),
        "people page": (admin, reverse("members:organisation-people", args=[slug]), {}),
        "my place": (admin, reverse("members:membership-self", args=[slug]), {}),
        "profile form": (admin, reverse("members:organisation-edit", args=[slug]), {}),
        "new platform form": (admin, reverse("members:platform-create", args=[slug]), {}),
        "platform form": (
            admin,
            reverse("members:platform-edit", args=[slug, world.platform.slug]),
            {},
        ),
        "join request": (asker, reverse("members:joinrequest-create", args=[slug]), {}),
        "contact the organisation": (
            asker,
            reverse("members:contact-organisation", args=[slug]),
            {},
        ),
        "contact a person": (
            admin,
            reverse("members:contact-person", args=[slug, someone.pk]),
            {},
        ),
    }
    return {
        name: count_queries(client, url, params) for name, (client, url, params) in pages.items()
    }


# Upper bounds, so that a page that stays constant but wasteful is noticed too.
BUDGETS = {
    "platform list": 4,
    "platform list, searched": 5,
    "platform list, signed in": 5,
    "platform detail": 2,
    "platform detail, admin": 4,
    "platform access request": 3,
    "map": 1,
    "application form": 2,  # + the fee scale of billing's panel
    "application status": 1,
    "people page": 5,
    "my place": 3,
    "profile form": 12,
    "new platform form": 4,
    "platform form": 6,
    "join request": 5,
    "contact the organisation": 2,
    "contact a person": 4,
}


def test_secondary_pages_make_the_same_bounded_number_of_queries_at_two_sizes(markets):
    world = World(markets)
    world.grow(3)
    Client().get(reverse("members:platform-list"))  # the grace period is cached from now on
    small = measure_all(world)
    world.grow(30)
    assert Platform.objects.count() > 30
    large = measure_all(world)
    over = {name: count for name, count in large.items() if count > BUDGETS[name]}
    assert large == small
    assert not over, over


def test_an_invitation_page_is_bounded(client, organisation):
    _invitation, token = invitation_for(organisation)
    url = reverse("members:invitation-accept", args=[token])
    client.force_login(UserFactory())
    assert count_queries(client, url) <= 8
    expired, expired_token = invitation_for(organisation, email="late@example.org")
    expired.expires_at -= timedelta(days=20)
    expired.save(update_fields=["expires_at"])
    expired_url = reverse("members:invitation-accept", args=[expired_token])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(expired_url).status_code == 410
    assert len(queries) <= 6
