"""The directory and the profile make the same number of queries at 50 and 5,000 members."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.demo import load_generated
from members.models import Membership, MembershipSettings, Organisation
from tests.members.factories import (
    CertificationFactory,
    CompetencyFactory,
    MembershipFactory,
    PlatformFactory,
)

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("members:organisation-list")
# Budgets: the directory needs the departments present, the filters' choices and checks,
# the count, the page and its markets; the profile needs the organisation with its
# vocabularies, its platforms, its people and the panels other apps add (projects, events).
PAGES = [
    ("directory", DIRECTORY, {}, 10),
    (
        "directory, filtered search",
        DIRECTORY,
        {"market": "electric", "region": "bfc", "q": "mobilité"},
        10,
    ),  # noqa: E501
    (
        "directory, filters, page 2",
        DIRECTORY,
        {"department": "67", "competency": "competence-3", "sort": "newest", "page": "2"},
        10,
    ),  # noqa: E501
    ("map", reverse("members:organisation-map"), {}, 3),
    ("platforms", reverse("members:platform-list"), {"q": "banc"}, 8),
]
PROFILE_BUDGET = 14
MEMBER_PROFILE_BUDGET = 20  # + session, user, own membership, completeness, member check


def measure(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(queries)


def test_query_counts_are_bounded_and_equal_at_50_and_5000_organisations(markets):
    MembershipSettings.current()
    competencies = [
        CompetencyFactory(slug=f"competence-{number}", name=f"Compétence {number}")
        for number in range(6)
    ]
    CertificationFactory.create_batch(3)
    load_generated(50, list(markets.values()), competencies)
    profiled = Organisation.objects.order_by("pk").first()
    for visibility in ("public", "members", "hidden"):
        MembershipFactory(organisation=profiled, visibility=visibility)
    PlatformFactory.create_batch(3, organisation=profiled, equipment="Banc d'essai")
    admin = MembershipFactory(organisation=profiled, role=Membership.Role.ADMIN).user
    visitor, member = Client(), Client()
    member.force_login(admin)
    visitor.get(DIRECTORY)  # the membership settings are cached from now on

    def counts():
        measured = {}
        for name, url, params, budget in PAGES:
            measured[name] = measure(visitor, url, params)
            assert measured[name] <= budget, (name, measured[name])
        measured["profile"] = measure(visitor, profiled.get_absolute_url())
        assert measured["profile"] <= PROFILE_BUDGET, measured
        measured["profile, signed in"] = measure(member, profiled.get_absolute_url())
        assert measured["profile, signed in"] <= MEMBER_PROFILE_BUDGET, measured
        return measured

    at_50 = counts()
    load_generated(5000, list(markets.values()), competencies)
    assert Organisation.objects.count() == 5000
    at_5000 = counts()
    assert at_5000 == at_50
