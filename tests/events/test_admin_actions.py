"""The bulk actions of the registrations' admin: each goes through its use case; a refusal
is reported with its registration and the others go on (messages in French, the default
language)."""

from datetime import timedelta

import pytest
from django.contrib.messages import constants
from django.urls import reverse
from django.utils import timezone

from events.models import Registration
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def run_action(client, action, registrations):
    """The messages of the page the action leads back to."""
    response = client.post(
        reverse("admin:events_registration_changelist"),
        {"action": action, "_selected_action": [r.pk for r in registrations]},
        follow=True,
    )
    assert response.redirect_chain
    return [(m.level, str(m)) for m in response.context["messages"]]


def test_marking_counts_the_people_marked_and_reports_each_refusal(staff_client):
    started = EventFactory(start=timezone.now() - timedelta(hours=1))
    first, second = RegistrationFactory.create_batch(2, event=started)
    waiting = RegistrationFactory(event=started, status=Registration.Status.WAITING, waiting_rank=1)
    messages = run_action(staff_client, "mark_attended", [first, second, waiting])
    assert messages == [
        (
            constants.WARNING,
            f"{waiting}: Seules les inscriptions confirmées peuvent être pointées.",
        ),
        (constants.SUCCESS, "2 personnes marquées."),
    ]
    first.refresh_from_db()
    assert first.status == Registration.Status.ATTENDED


def test_a_no_show_waits_for_the_start(staff_client):
    registration = RegistrationFactory()
    messages = run_action(staff_client, "mark_no_show", [registration])
    assert messages == [
        (
            constants.WARNING,
            f"{registration}: Une absence ne peut être notée qu’une fois l’événement commencé.",
        )
    ]
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_promote_move_to_top_and_cancel_go_through_their_use_cases(staff_client):
    event = EventFactory(capacity=2)
    confirmed = RegistrationFactory(event=event)
    first, second = (
        RegistrationFactory(event=event, status=Registration.Status.WAITING, waiting_rank=rank)
        for rank in (1, 2)
    )
    assert run_action(staff_client, "move_to_top", [second]) == [
        (constants.SUCCESS, "1 personne déplacée.")
    ]
    assert list(event.registrations.waiting()) == [second, first]
    assert run_action(staff_client, "promote", [second]) == [
        (constants.SUCCESS, "1 personne a obtenu une place.")
    ]
    assert run_action(staff_client, "cancel", [confirmed, second]) == [
        (constants.SUCCESS, "2 inscriptions annulées.")
    ]
    second.refresh_from_db()
    assert second.status == Registration.Status.CANCELLED
