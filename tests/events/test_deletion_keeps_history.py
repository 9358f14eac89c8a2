"""Deleting an account keeps its registrations, anonymised: past attendance never changes."""

import csv
import io
from datetime import timedelta

import pytest
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone, translation

from accounts.personal_data import deletion_summary, user_delete
from events.models import Registration
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import UserFactory
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _figures(event) -> dict:
    """The attendance figures of ``event``, status by status."""
    rows = Registration.objects.filter(event=event).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


@pytest.fixture
def past_event():
    start = timezone.now() - timedelta(days=30)
    return EventFactory(start=start, end=start + timedelta(hours=3), capacity=10)


def test_deleting_an_account_keeps_the_attendance_counts_of_past_events(
    user, past_event, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    mine = RegistrationFactory(
        event=past_event, user=user, organisation=organisation, status="attended"
    )
    RegistrationFactory(event=past_event, status="attended")
    RegistrationFactory(event=past_event, status="no-show")
    RegistrationFactory(event=past_event, status="cancelled")
    before = _figures(past_event)
    assert before == {"attended": 2, "no-show": 1, "cancelled": 1}

    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=user)

    assert _figures(past_event) == before
    mine.refresh_from_db()
    assert mine.user is None
    assert mine.status == "attended"
    assert mine.organisation == organisation  # the organisation's own history holds too
    with translation.override("en"):
        assert mine.person_name == "Deleted account"
        assert str(mine).startswith("Deleted account · ")


def test_an_upcoming_place_is_cancelled_but_the_row_stays(user, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=5)
    registration = RegistrationFactory(event=event, user=user)
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=user)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert registration.user is None


def test_the_deletion_page_says_registrations_are_kept_anonymous(user, past_event):
    RegistrationFactory(event=past_event, user=user, status="attended")
    with translation.override("en"):
        summary = " ".join(deletion_summary(user))
    assert "kept without your name" in summary


def test_staff_pages_show_a_deleted_account(staff_client, user, past_event):
    kept = RegistrationFactory(event=past_event, user=user, status="attended")
    RegistrationFactory(event=past_event, user=UserFactory(last_name="Durand"), status="attended")
    user_delete(user=user)

    page = staff_client.get(
        reverse("events:event-attendees", args=[past_event.slug]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert page.status_code == 200
    checkin = staff_client.get(reverse("events:event-checkin", args=[past_event.slug]))
    assert checkin.status_code == 200
    detail = staff_client.get(reverse("events:registration-detail", args=[kept.pk]))
    assert detail.status_code == 200
    admin = staff_client.get(reverse("admin:events_registration_changelist"))
    assert admin.status_code == 200
    event_admin = reverse("admin:events_event_change", args=[past_event.pk])
    assert staff_client.get(event_admin).status_code == 200

    exported = staff_client.get(reverse("events:event-attendees-csv", args=[past_event.slug]))
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 3  # the header and both people, the deleted account included
    assert {row[0] for row in rows[1:]} >= {"Durand"}
    assert any(row[0] and not row[2] for row in rows[1:])  # a name, and no email kept
