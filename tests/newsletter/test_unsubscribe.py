"""One-click unsubscribe (RFC 8058) and the preferences page reached from every issue."""

import pytest
from django.test import Client
from django.urls import reverse

from newsletter.models import Consent, Subscriber
from tests.factories import MarketFactory
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def test_one_click_post_unsubscribes_at_once_without_login_or_csrf():
    subscriber = SubscriberFactory()
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("newsletter:unsubscribe", args=[subscriber.token]),
        {"List-Unsubscribe": "One-Click"},
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.consents.get().source == Consent.Source.ONE_CLICK


def test_get_only_asks(client):
    subscriber = SubscriberFactory()
    response = client.get(reverse("newsletter:unsubscribe", args=[subscriber.token]))
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed


def test_forged_token_is_404(client):
    subscriber = SubscriberFactory()
    other = SubscriberFactory()
    forged = f"{other.pk}-{subscriber.token.split('-', 1)[1]}"
    assert client.post(reverse("newsletter:unsubscribe", args=[forged])).status_code == 404
    assert client.get(reverse("newsletter:preferences", args=["12-nope"])).status_code == 404
    other.refresh_from_db()
    assert other.is_confirmed


def test_preferences_change_language_and_markets(client):
    subscriber = SubscriberFactory()
    market = MarketFactory(theme="industry")
    url = reverse("newsletter:preferences", args=[subscriber.token])
    response = client.post(url, {"language": "en", "markets": [market.pk], "region": "bfc"})
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert (subscriber.language, subscriber.region) == ("en", "bfc")
    assert list(subscriber.markets.all()) == [market]
    assert subscriber.consents.get().action == Consent.Action.CHANGED


def test_preferences_bad_input_saves_nothing(client):
    subscriber = SubscriberFactory()
    url = reverse("newsletter:preferences", args=[subscriber.token])
    response = client.post(url, {"language": "xx", "region": "bfc"})
    assert response.status_code == 200
    assert "id_language" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.language == "fr" and subscriber.region == ""


def test_subscribe_again_from_preferences(client):
    subscriber = SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED)
    url = reverse("newsletter:preferences", args=[subscriber.token])
    client.post(url, {"resubscribe": "1"})
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed
