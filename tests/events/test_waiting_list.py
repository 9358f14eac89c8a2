"""Seat offers: a cancellation offers the seat to the first person waiting, by email with a
link valid 24 hours; unclaimed offers move on; staff promote and reorder by hand."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Registration
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_event():
    """Two seats taken by ``first`` and ``second``; ``third`` and ``fourth`` wait."""
    event = EventFactory(capacity=2)
    regs = [RegistrationFactory(event=event) for _ in range(2)]
    for rank in (1, 2):
        regs.append(
            RegistrationFactory(event=event, status=Registration.Status.WAITING, waiting_rank=rank)
        )
    return event, regs


def claim_link(message) -> str:
    return re.search(r"https?://\S+/events/offers/\S+/", message.body).group(0)


def test_cancelling_offers_the_seat_to_the_first_person_waiting(client, full_event, mail_on_commit):
    event, (first, _second, third, fourth) = full_event
    client.force_login(first.user)
    with mail_on_commit():
        client.post(reverse("events:registration-cancel", kwargs={"pk": first.pk}))
    first.refresh_from_db()
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert first.status == Registration.Status.CANCELLED
    assert third.status == Registration.Status.OFFERED
    assert third.offer_expires_at == pytest.approx(
        timezone.now() + timedelta(hours=24), abs=timedelta(minutes=1)
    )
    assert fourth.status == Registration.Status.WAITING
    offers = [m for m in mail.outbox if m.to == [third.user.email]]
    assert len(offers) == 1
    assert "/events/offers/" in offers[0].body


def test_the_person_claims_the_seat_through_the_emailed_link(client, full_event, mail_on_commit):
    event, (first, _second, third, _fourth) = full_event
    with mail_on_commit():
        services.registration_cancel(registration=first, by=first.user)
    link = claim_link(mail.outbox[-1])
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.force_login(third.user)
    page = client.get("/" + path)
    assert page.status_code == 200
    assert "Confirmer ma place" in page.content.decode()
    with mail_on_commit():
        response = client.post("/" + path)
    assert response.status_code == 302
    third.refresh_from_db()
    assert third.status == Registration.Status.CONFIRMED
    assert mail.outbox[-1].attachments, "the confirmation carries the .ics"
    # The same link a second time: a clear page, nothing changes.
    again = client.get("/" + path)
    assert again.status_code == 410
    assert "déjà confirmé" in again.content.decode()


def test_an_expired_offer_moves_on_to_the_next_person(client, full_event, mail_on_commit):
    event, (first, _second, third, fourth) = full_event
    with mail_on_commit():
        services.registration_cancel(registration=first, by=first.user)
    link = claim_link(mail.outbox[-1])
    Registration.objects.filter(pk=third.pk).update(
        offer_expires_at=timezone.now() - timedelta(minutes=1)
    )
    with mail_on_commit():
        call_command("expire_seat_offers", stdout=StringIO())
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == Registration.Status.CANCELLED
    assert fourth.status == Registration.Status.OFFERED
    recipients = [m.to[0] for m in mail.outbox]
    assert third.user.email in recipients[-2:] and fourth.user.email == recipients[-1]
    # The old link now shows a clear "expired" page.
    client.force_login(third.user)
    response = client.get("/" + link.split("://", 1)[1].split("/", 1)[1])
    assert response.status_code == 410
    assert "expiré" in response.content.decode()
    # Running the command again changes nothing.
    with mail_on_commit():
        call_command("expire_seat_offers", stdout=StringIO())
    assert Registration.objects.filter(status=Registration.Status.OFFERED).count() == 1


def test_a_link_older_than_24_hours_is_expired_even_before_the_command_runs(
    client, full_event, mail_on_commit
):
    event, (first, _second, third, _fourth) = full_event
    with mail_on_commit():
        services.registration_cancel(registration=first, by=first.user)
    link = claim_link(mail.outbox[-1])
    Registration.objects.filter(pk=third.pk).update(
        offer_expires_at=timezone.now() - timedelta(seconds=1)
    )
    client.force_login(third.user)
    response = client.post("/" + link.split("://", 1)[1].split("/", 1)[1])
    assert response.status_code == 410
    third.refresh_from_db()
    assert third.status == Registration.Status.OFFERED


def test_a_forged_link_is_not_found(client, user):
    client.force_login(user)
    response = client.get(reverse("events:offer-claim", kwargs={"token": "forged:token"}))
    assert response.status_code == 404


def test_someone_else_cannot_claim_the_offer(client, full_event, user, mail_on_commit):
    event, (first, _second, third, _fourth) = full_event
    with mail_on_commit():
        services.registration_cancel(registration=first, by=first.user)
    path = "/" + claim_link(mail.outbox[-1]).split("://", 1)[1].split("/", 1)[1]
    client.force_login(user)
    assert client.post(path).status_code == 404
    third.refresh_from_db()
    assert third.status == Registration.Status.OFFERED


def test_leaving_the_waiting_list_frees_no_seat(full_event, mail_on_commit):
    event, (_first, _second, third, fourth) = full_event
    with mail_on_commit():
        services.registration_cancel(registration=third, by=third.user)
    fourth.refresh_from_db()
    assert fourth.status == Registration.Status.WAITING
    assert not [m for m in mail.outbox if "place est libre" in m.subject]


def test_cancelling_after_the_deadline_is_refused(client, user):
    event = EventFactory(cancellation_deadline=timezone.now() - timedelta(hours=1))
    registration = RegistrationFactory(event=event, user=user)
    client.force_login(user)
    response = client.post(reverse("events:registration-cancel", kwargs={"pk": registration.pk}))
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert any("date limite" in str(m) for m in response.wsgi_request._messages)


def test_staff_reorder_the_waiting_list(staff_client, full_event):
    event, (_first, _second, third, fourth) = full_event
    staff_client.post(
        reverse("events:waiting-list-move", kwargs={"pk": fourth.pk}), {"direction": "top"}
    )
    assert list(event.registrations.waiting()) == [fourth, third]
    staff_client.post(
        reverse("events:waiting-list-move", kwargs={"pk": fourth.pk}), {"direction": "down"}
    )
    assert list(event.registrations.waiting()) == [third, fourth]


def test_staff_promote_by_hand_when_a_seat_is_free(staff_client, full_event, mail_on_commit):
    event, (_first, second, third, fourth) = full_event
    # Full: promoting is refused with a message.
    staff_client.post(reverse("events:registration-promote", kwargs={"pk": fourth.pk}))
    fourth.refresh_from_db()
    assert fourth.status == Registration.Status.WAITING
    # One more seat: staff give it to the second person waiting rather than the first.
    event.capacity = 3
    event.save()
    with mail_on_commit():
        staff_client.post(reverse("events:registration-promote", kwargs={"pk": fourth.pk}))
    fourth.refresh_from_db()
    assert fourth.status == Registration.Status.CONFIRMED
    assert mail.outbox[-1].to == [fourth.user.email]
    assert event.registrations.holding_seats().count() == 3


def test_raising_the_capacity_offers_the_new_seats():
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITING, waiting_rank=1)
    event.capacity = 2
    event.save()
    services.event_seats_refresh(event=event)
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.OFFERED


def test_non_staff_cannot_promote_or_reorder(client, full_event):
    event, (first, _second, third, fourth) = full_event
    client.force_login(first.user)
    for name, data in (
        ("events:registration-promote", {}),
        ("events:waiting-list-move", {"direction": "top"}),
    ):
        assert client.post(reverse(name, kwargs={"pk": fourth.pk}), data).status_code == 403
    assert list(event.registrations.waiting()) == [third, fourth]
