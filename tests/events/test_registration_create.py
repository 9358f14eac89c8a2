from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Registration
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def register(client, event):
    return client.post(reverse("events:registration-create", kwargs={"slug": event.slug}))


def test_a_signed_in_person_registers_in_one_click(client, user, mail_on_commit):
    event = EventFactory(capacity=2)
    client.force_login(user)
    with mail_on_commit():
        response = register(client, event)
    assert response.status_code == 302
    registration = Registration.objects.get(event=event, user=user)
    assert registration.status == Registration.Status.CONFIRMED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert event.title in message.subject
    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in content and f"event-{event.pk}@" in content


def test_full_event_puts_the_person_on_the_waiting_list(client, user, mail_on_commit):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    client.force_login(user)
    with mail_on_commit():
        response = register(client, event)
    registration = Registration.objects.get(event=event, user=user)
    assert registration.status == Registration.Status.WAITING
    assert registration.waiting_rank == 1
    page = client.get(response.url)
    assert "liste d’attente" in page.content.decode() or "waiting list" in page.content.decode()
    assert "attente" in mail.outbox[0].subject


def test_registering_twice_says_so_and_saves_nothing(client, user):
    event = EventFactory()
    client.force_login(user)
    register(client, event)
    response = register(client, event)
    assert Registration.objects.filter(event=event, user=user).count() == 1
    page = client.get(response.url)
    assert "déjà inscrit" in page.content.decode()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"status": Event.Status.CANCELLED}, "annulé"),
        ({"status": Event.Status.POSTPONED}, "reporté"),
        (
            {
                "start": timezone.now() - timedelta(days=2),
                "end": timezone.now() - timedelta(days=2) + timedelta(hours=2),
            },
            "déjà commencé",
        ),
        ({"registration_closes_at": timezone.now() - timedelta(hours=1)}, "fermées"),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "pas encore ouvertes"),
    ],
)
def test_closed_past_cancelled_or_postponed_events_refuse(client, user, changes, expected):
    event = EventFactory(**changes)
    client.force_login(user)
    response = register(client, event)
    assert not Registration.objects.filter(event=event).exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any(expected in m for m in messages), messages


def test_draft_event_is_not_found(client, user):
    event = EventFactory(status=Event.Status.DRAFT)
    client.force_login(user)
    assert register(client, event).status_code == 404
    assert not Registration.objects.exists()


def test_members_only_event_needs_an_active_member_organisation(
    client, user, lapsed_member, member
):
    event = EventFactory(audience=Event.Audience.MEMBERS, price_member=Decimal("20"))
    for outsider in (user, lapsed_member):
        client.force_login(outsider)
        register(client, event)
    assert not Registration.objects.filter(event=event).exists()
    client.force_login(member)
    register(client, event)
    registration = Registration.objects.get(event=event)
    assert registration.user == member
    assert registration.is_member and registration.price == Decimal("20")
    assert registration.organisation is not None


def test_price_follows_the_organisations_membership(client, user, member):
    event = EventFactory(price_member=Decimal("30"), price_non_member=Decimal("90"))
    client.force_login(user)
    register(client, event)
    client.force_login(member)
    register(client, event)
    prices = dict(Registration.objects.values_list("user_id", "price"))
    assert prices == {user.pk: Decimal("90"), member.pk: Decimal("30")}


def test_anonymous_visitor_is_sent_to_sign_in(client):
    event = EventFactory()
    response = register(client, event)
    assert response.status_code == 302
    assert reverse("account_login") in response.url
    assert not Registration.objects.exists()


def test_get_does_not_register_and_leads_back_to_the_event(client, user):
    """After signing in again (an expired session), the browser comes back with a GET."""
    event = EventFactory()
    url = reverse("events:registration-create", kwargs={"slug": event.slug})
    response = client.post(url)
    assert response.url == f"{reverse('account_login')}?next={url}"
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 302 and response.url == event.get_absolute_url()
    assert not Registration.objects.exists()


def test_a_cancelled_registration_does_not_block_registering_again(client, user):
    event = EventFactory()
    RegistrationFactory(event=event, user=user, status=Registration.Status.CANCELLED)
    client.force_login(user)
    register(client, event)
    assert event.registrations.active().filter(user=user).count() == 1


def test_database_allows_one_active_registration_per_person(user):
    from django.db import IntegrityError, transaction

    event = EventFactory()
    RegistrationFactory(event=event, user=user)
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=event, user=user, status=Registration.Status.WAITING)
