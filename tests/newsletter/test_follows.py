"""Following markets, competencies, organisations and programmes, and My account's page."""

import pytest
from django.urls import reverse

from members.models import Membership
from newsletter.models import AlertSettings, Follow, Subscriber
from tests.factories import MarketFactory
from tests.members.factories import CompetencyFactory, MembershipFactory, OrganisationFactory
from tests.newsletter.factories import SubscriberFactory
from tests.projects.factories import FundingProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return MembershipFactory(role=Membership.Role.COLLEAGUE).user


def test_anonymous_cannot_follow(client):
    market = MarketFactory(theme="electric")
    url = reverse("newsletter:follow-toggle", args=["market", market.pk])
    response = client.post(url)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert not Follow.objects.exists()


def test_follow_is_post_only(client, member):
    market = MarketFactory(theme="electric")
    client.force_login(member)
    assert (
        client.get(reverse("newsletter:follow-toggle", args=["market", market.pk])).status_code
        == 405
    )
    assert client.post(reverse("newsletter:follow-toggle", args=["planet", 1])).status_code == 404


def test_one_click_follows_then_unfollows(client, member):
    market = MarketFactory(theme="electric")
    client.force_login(member)
    url = reverse("newsletter:follow-toggle", args=["market", market.pk])
    response = client.post(url, {"next": market.get_absolute_url()})
    assert response["Location"] == market.get_absolute_url()
    assert Follow.objects.get(user=member).market == market
    assert AlertSettings.objects.get(user=member).frequency == AlertSettings.Frequency.WEEKLY
    client.post(url)
    assert not Follow.objects.exists()


def test_the_button_on_a_page_follows_each_click(client, member):
    """The button's state is kept in the shared cache for the person and the page's
    subject (newsletter.panels.follow_context): each click shows at the next request."""
    organisation = OrganisationFactory()
    client.force_login(member)
    url = reverse("newsletter:follow-toggle", args=["organisation", organisation.pk])

    def following() -> bool:
        response = client.get(organisation.get_absolute_url())
        context = next(c for c in response.context if "following" in c)
        assert url in response.content.decode()
        return context["following"]

    assert following() is False
    assert following() is False  # read again, from the cache
    client.post(url)
    assert following() is True
    client.post(url)
    assert following() is False


def test_next_must_stay_on_the_site(client, member):
    market = MarketFactory(theme="electric")
    client.force_login(member)
    response = client.post(
        reverse("newsletter:follow-toggle", args=["market", market.pk]),
        {"next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("newsletter:my-alerts")


def test_follow_buttons_on_the_pages_for_signed_in_people_only(client, member):
    market = MarketFactory(theme="electric")
    organisation = OrganisationFactory()
    competency = CompetencyFactory()
    programme = FundingProgrammeFactory(slug="france-2030")
    pages = {
        market.get_absolute_url(): "market",
        organisation.get_absolute_url(): "organisation",
        reverse("members:organisation-list") + f"?competency={competency.slug}": "competency",
        reverse("projects:project-list") + f"?programme={programme.slug}": "programme",
    }
    for url in pages:
        assert "/newsletter/follow/" not in client.get(url).content.decode(), url
    client.force_login(member)
    for url, kind in pages.items():
        assert f"/newsletter/follow/{kind}/" in client.get(url).content.decode(), url


def test_my_alerts_requires_login(client):
    response = client.get(reverse("newsletter:my-alerts"))
    assert response.status_code == 302


def test_my_alerts_saves_follows_and_frequency(client, member):
    electric, hydrogen = MarketFactory(theme="electric"), MarketFactory(theme="hydrogen")
    competency = CompetencyFactory()
    programme = FundingProgrammeFactory(slug="ademe")
    Follow.objects.create(user=member, kind="market", market=hydrogen)
    client.force_login(member)
    url = reverse("newsletter:my-alerts")
    assert client.get(url).status_code == 200
    client.post(
        url,
        {
            "save-follows": "1",
            "markets": [electric.pk],
            "competencies": [competency.pk],
            "programmes": [programme.pk],
        },
    )
    follows = {(f.kind, f.target) for f in Follow.objects.filter(user=member)}
    assert follows == {("market", electric), ("competency", competency), ("programme", programme)}
    client.post(url, {"save-frequency": "1", "frequency": "daily"})
    assert AlertSettings.objects.get(user=member).frequency == "daily"
    response = client.post(url, {"save-frequency": "1", "frequency": "hourly"})
    assert response.status_code == 200 and "id_frequency" in response.content.decode()
    assert AlertSettings.objects.get(user=member).frequency == "daily"


def test_members_subscribe_and_unsubscribe_from_my_account(client, member):
    client.force_login(member)
    url = reverse("newsletter:my-subscription")
    assert client.get(url).status_code == 405
    client.post(url, {"action": "subscribe"})
    subscriber = Subscriber.objects.get(user=member)
    assert subscriber.is_confirmed and subscriber.consents.get().source == "account"
    client.post(url, {"action": "unsubscribe"})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_my_subscription_touches_only_my_own(client, member):
    other = SubscriberFactory()
    client.force_login(member)
    response = client.post(reverse("newsletter:my-subscription"), {"action": "unsubscribe"})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.is_confirmed


def test_anonymous_cannot_subscribe_from_account(client):
    response = client.post(reverse("newsletter:my-subscription"), {"action": "subscribe"})
    assert response.status_code == 302 and not Subscriber.objects.exists()


def test_account_page_shows_the_card(client, member):
    client.force_login(member)
    html = client.get(reverse("accounts:me")).content.decode()
    assert reverse("newsletter:my-alerts") in html
