"""Seat and à-la-carte requests are rate-limited in the shared cache: visitors by network
address (behind the configured proxies), signed-in people by account."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from core.ratelimit import Rate
from tests.trainings.factories import SessionFactory
from tests.trainings.test_custom_request import DATA as CUSTOM_DATA
from tests.trainings.test_enrolment_request import VISITOR
from trainings import views
from trainings.models import CustomRequest, Enrolment

pytestmark = pytest.mark.django_db

CUSTOM_URL = reverse("trainings:custom-request-create")
REFUSAL = "Trop de demandes ont été envoyées d'ici en peu de temps"


def request_seat(client, session, number: int, **extra):
    data = {**VISITOR, "requester_email": f"personne{number}@entreprise.example"}
    return client.post(reverse("trainings:enrolment-create", args=[session.pk]), data, **extra)


def test_a_visitor_is_stopped_after_ten_seat_requests_in_an_hour(client, provider, mail_on_commit):
    session = SessionFactory(seats=50)
    hourly = views.ENROLMENT_RATES["visitor"][0].limit
    for number in range(hourly):
        assert request_seat(client, session, number).status_code == 302
    mail.outbox.clear()
    with mail_on_commit():
        response = request_seat(client, session, hourly)
    assert response.status_code == 429
    html = response.content.decode().replace("&#x27;", "'")
    assert REFUSAL in html
    assert provider.email in html  # where to write instead
    assert Enrolment.objects.count() == hourly
    assert mail.outbox == []
    # The count lives in the shared cache (Redis in production), not in this process.
    assert cache.get(f"rate:trainings-enrolment:ip-127.0.0.1:{60 * 60}") == hourly
    cache.clear()
    assert request_seat(client, session, hourly + 1).status_code == 302


def test_other_addresses_are_not_affected(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    session = SessionFactory(seats=50)
    hourly = views.ENROLMENT_RATES["visitor"][0].limit
    for number in range(hourly):
        request_seat(client, session, number, HTTP_X_FORWARDED_FOR="203.0.113.7")
    blocked = request_seat(client, session, 100, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert blocked.status_code == 429
    other = request_seat(client, session, 101, HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert other.status_code == 302


def test_invalid_forms_are_not_counted(client):
    session = SessionFactory(seats=50)
    url = reverse("trainings:enrolment-create", args=[session.pk])
    for _ in range(views.ENROLMENT_RATES["visitor"][0].limit + 5):
        assert client.post(url, {**VISITOR, "requester_email": "nope"}).status_code == 200
    assert request_seat(client, session, 1).status_code == 302


def test_a_signed_in_member_is_counted_by_account(client, owner, organisation, monkeypatch):
    monkeypatch.setitem(views.ENROLMENT_RATES, "account", (Rate(2, 60 * 60),))
    session = SessionFactory(seats=50)
    client.force_login(owner)
    url = reverse("trainings:enrolment-create", args=[session.pk])
    people = [("Ana", "Un"), ("Bob", "Deux"), ("Cleo", "Trois")]
    statuses = []
    for first, last in people:
        data = {
            "requester_first_name": "Olga",
            "requester_last_name": "Admin",
            "organisation": organisation.pk,
            "who": "other",
            "participant_first_name": first,
            "participant_last_name": last,
            "participant_email": f"{first.lower()}@x.example",
        }
        statuses.append(client.post(url, data).status_code)
    assert statuses == [302, 302, 429]
    assert Enrolment.objects.count() == 2
    # The visitor rate of the same address is untouched.
    client.logout()
    assert request_seat(client, session, 1).status_code == 302


def test_a_la_carte_requests_are_limited_too(client, provider):
    hourly = views.CUSTOM_REQUEST_RATES["visitor"][0].limit
    for _ in range(hourly):
        assert client.post(CUSTOM_URL, CUSTOM_DATA).status_code == 302
    response = client.post(CUSTOM_URL, CUSTOM_DATA)
    assert response.status_code == 429
    assert REFUSAL in response.content.decode().replace("&#x27;", "'")
    assert CustomRequest.objects.count() == hourly


def test_the_message_is_in_english_on_english_pages(client):
    session = SessionFactory(seats=50)
    for number in range(views.ENROLMENT_RATES["visitor"][0].limit):
        request_seat(client, session, number)
    data = {**VISITOR, "requester_email": "late@entreprise.example"}
    response = client.post("/en" + reverse("trainings:enrolment-create", args=[session.pk]), data)
    assert response.status_code == 429
    assert "Too many requests were sent from here in a short time" in response.content.decode()
