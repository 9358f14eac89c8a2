"""The panels the newsletter adds to other apps' pages cost a fixed, small number of
queries, and nothing at all for visitors (whose pages are cached whole)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from members.models import Membership
from newsletter import panels
from newsletter.models import Follow
from tests.factories import MarketFactory
from tests.members.factories import MembershipFactory, OrganisationFactory
from tests.projects.factories import PartnerSearchFactory

pytestmark = pytest.mark.django_db


def request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_visitors_get_no_follow_button_and_no_query(django_assert_num_queries):
    market = MarketFactory(theme="electric")
    with django_assert_num_queries(0):
        assert panels.follow_context(request_of(AnonymousUser()), market) is None
        assert panels.home_context(request_of(AnonymousUser()), None) == {"source": "home"}


@pytest.mark.parametrize("follows", [0, 50])
def test_follow_button_costs_one_query(django_assert_num_queries, follows):
    member = MembershipFactory(role=Membership.Role.COLLEAGUE).user
    organisations = OrganisationFactory.create_batch(follows)
    Follow.objects.bulk_create(
        [Follow(user=member, kind="organisation", organisation=o) for o in organisations]
    )
    target = OrganisationFactory()
    with django_assert_num_queries(1):
        context = panels.follow_context(request_of(member), target)
    assert context["following"] is False and context["kind"] == "organisation"
    with django_assert_num_queries(2):
        assert panels.account_context(request_of(member), member)["follow_count"] == follows


def test_alerted_count_only_for_the_posts_managers(django_assert_max_num_queries):
    organisation = OrganisationFactory()
    author = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
    search = PartnerSearchFactory(organisation=organisation, author=author)
    with django_assert_max_num_queries(2):
        assert panels.partnersearch_context(request_of(author), search) == {"alerted": 0}
    outsider = MembershipFactory(role=Membership.Role.ADMIN).user
    assert panels.partnersearch_context(request_of(outsider), search) is None
    assert panels.partnersearch_context(request_of(AnonymousUser()), search) is None
