"""Signing up: double opt-in, nothing sent before the confirmation, a consent log without
IP addresses, a box without CSRF token on the cached public pages, rate limit, honeypot."""

import re
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from newsletter.models import Consent, Subscriber
from newsletter.models.subscribers import hash_ip
from tests.factories import MarketFactory
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def confirm_link(message) -> str:
    return re.search(r"https?://\S+/confirm/\S+/", message.body).group(0)


def test_box_on_home_and_footer_posts_without_csrf_token(client):
    html = client.get(reverse("home")).content.decode()
    assert html.count(f'action="{reverse("newsletter:subscribe")}"') == 2
    assert 'name="source" value="home"' in html and 'name="source" value="footer"' in html
    assert "csrfmiddlewaretoken" not in html


def test_subscribe_sends_only_the_confirmation(mail_on_commit):
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.7")
    market = MarketFactory(theme="hydrogen")
    with mail_on_commit():
        response = client.post(
            reverse("newsletter:subscribe"),
            {
                "email": "New.Reader@Example.org",
                "language": "en",
                "markets": [market.pk],
                "source": "footer",
            },
        )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "new.reader@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert list(subscriber.markets.all()) == [market]
    assert len(mail.outbox) == 1
    assert "Confirm your subscription" in mail.outbox[0].subject
    consent = subscriber.consents.get()
    assert (consent.action, consent.source) == (Consent.Action.REQUESTED, Consent.Source.FOOTER)
    assert consent.ip_hash == hash_ip("203.0.113.7") and "203.0.113.7" not in consent.ip_hash
    # Not confirmed: not in any audience.
    assert not Subscriber.objects.confirmed().exists()


def test_confirmation_link_confirms(client, mail_on_commit):
    with mail_on_commit():
        client.post(reverse("newsletter:subscribe"), {"email": "a@example.org", "language": "fr"})
    response = client.get(confirm_link(mail.outbox[0]).split("example.org", 1)[1])
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.is_confirmed and subscriber.confirmed_at
    assert subscriber.consents.filter(action=Consent.Action.CONFIRMED).exists()


def test_expired_or_forged_link_is_refused(client, mail_on_commit):
    with mail_on_commit():
        client.post(reverse("newsletter:subscribe"), {"email": "a@example.org", "language": "fr"})
    path = confirm_link(mail.outbox[0]).split("example.org", 1)[1]
    with mock.patch("django.core.signing.time.time", return_value=9_999_999_999):
        assert client.get(path).status_code == 400
    assert client.get(path.replace(":", "x:", 1)).status_code == 400
    assert not Subscriber.objects.confirmed().exists()


def test_confirmed_address_is_left_alone(client, mail_on_commit):
    SubscriberFactory(email="a@example.org")
    with mail_on_commit():
        response = client.post(
            reverse("newsletter:subscribe"), {"email": "a@example.org", "language": "fr"}
        )
    assert response.status_code == 302
    assert mail.outbox == []
    assert Subscriber.objects.get().is_confirmed


def test_honeypot_saves_nothing(client, mail_on_commit):
    with mail_on_commit():
        response = client.post(
            reverse("newsletter:subscribe"),
            {"email": "bot@example.org", "language": "fr", "website": "http://spam.example"},
        )
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_rate_limit_per_origin(client):
    for n in range(5):
        client.post(
            reverse("newsletter:subscribe"), {"email": f"p{n}@example.org", "language": "fr"}
        )
    response = client.post(
        reverse("newsletter:subscribe"), {"email": "p9@example.org", "language": "fr"}
    )
    assert response.status_code == 400
    assert (
        "Too many requests" in response.content.decode() or "Trop de" in response.content.decode()
    )
    assert Subscriber.objects.count() == 5


def test_bad_address_gets_an_error_next_to_the_field(client):
    response = client.post(reverse("newsletter:subscribe"), {"email": "nope", "language": "fr"})
    assert response.status_code == 400
    assert 'id="error_1_id_email"' in response.content.decode()
    assert not Subscriber.objects.exists()


def test_sign_up_page_shows_the_full_form(client):
    MarketFactory(theme="electric")
    response = client.get(reverse("newsletter:subscribe"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="markets"' in html and 'name="region"' in html
    assert "no-cache" in response["Cache-Control"]
