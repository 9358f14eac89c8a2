"""Staff pages outside the back-office: board, attendee list, CSV, check-in, no-shows."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Registration
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    event = EventFactory(capacity=3)
    RegistrationFactory(event=event, user=UserFactory(first_name="Alice", last_name="Zola"))
    RegistrationFactory(event=event, user=UserFactory(first_name="Bruno", last_name="Arnaud"))
    RegistrationFactory(
        event=event,
        user=UserFactory(first_name="=cmd", last_name="Formule"),
    )
    RegistrationFactory(
        event=event,
        status=Registration.Status.WAITING,
        waiting_rank=1,
        user=UserFactory(first_name="Chloé", last_name="Attente"),
    )
    return event


STAFF_URLS = [
    ("events:staff-board", False),
    ("events:event-attendees", True),
    ("events:event-attendees-csv", True),
    ("events:event-checkin", True),
]


@pytest.mark.parametrize(("name", "with_slug"), STAFF_URLS)
def test_staff_pages_are_for_staff(client, user, staff, event, name, with_slug):
    url = reverse(name, kwargs={"slug": event.slug}) if with_slug else reverse(name)
    response = client.get(url)
    assert response.status_code == 302 and reverse("account_login") in response.url
    client.force_login(user)
    assert client.get(url).status_code == 403
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_staff_without_two_factor_are_sent_to_set_it_up(client, event):
    client.force_login(UserFactory(is_staff=True))
    response = client.get(reverse("events:event-attendees", kwargs={"slug": event.slug}))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_attendee_list_shows_statuses_counts_and_waiting_list(staff_client, event):
    html = staff_client.get(
        reverse("events:event-attendees", kwargs={"slug": event.slug})
    ).content.decode()
    assert "Zola" in html and "Arnaud" in html
    assert 'id="waiting-list"' in html and "Attente" in html
    assert '<span class="stat-value">3</span><span class="stat-label">Confirmés' not in html
    assert html.count("Confirmée") >= 3


def test_csv_export_lists_everyone_and_defuses_formulas(staff_client, event):
    response = staff_client.get(reverse("events:event-attendees-csv", kwargs={"slug": event.slug}))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Nom"
    assert len(rows) == 5
    names = {row[0] for row in rows[1:]}
    assert {"Zola", "Arnaud", "Attente", "Formule"} <= names
    assert ["'=cmd"] == [row[1] for row in rows if row[0] == "Formule"]


def test_checkin_search_and_mark_present(staff_client, event):
    url = reverse("events:event-checkin", kwargs={"slug": event.slug})
    html = staff_client.get(url, {"q": "zol"}).content.decode()
    assert "ZOLA" in html and "ARNAUD" not in html
    assert "ATTENTE" not in staff_client.get(url).content.decode(), "waiting list not here"
    registration = event.registrations.get(user__last_name="Zola")
    response = staff_client.post(
        reverse("events:registration-mark", kwargs={"pk": registration.pk}),
        {"status": "attended", "next": "checkin", "q": "zol"},
    )
    assert response.status_code == 302 and response.url.endswith("check-in/?q=zol")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.ATTENDED
    assert registration.checked_in_at is not None
    assert "1 présent sur 3 inscrits" in staff_client.get(url).content.decode()


def test_checkin_lists_the_first_hundred_and_says_so(staff_client):
    big = EventFactory(capacity=None)
    Registration.objects.bulk_create(
        [Registration(event=big, user=UserFactory(), status="confirmed") for _ in range(101)]
    )
    url = reverse("events:event-checkin", kwargs={"slug": big.slug})
    html = staff_client.get(url).content.decode()
    assert html.count('class="checkin-item') == 100
    assert "Seules les 100 premières personnes sont affichées" in html
    assert "0 présent sur 101 inscrits" in html


def test_no_show_only_once_the_event_has_started_and_undo(staff_client, event):
    registration = event.registrations.get(user__last_name="Arnaud")
    mark = reverse("events:registration-mark", kwargs={"pk": registration.pk})
    attendees = reverse("events:event-attendees", kwargs={"slug": event.slug})
    assert 'value="no-show"' not in staff_client.get(attendees).content.decode()
    response = staff_client.post(mark, {"status": "no-show"})
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert any("une fois l’événement commencé" in str(m) for m in response.wsgi_request._messages)
    Event.objects.filter(pk=event.pk).update(start=timezone.now() - timedelta(minutes=30))
    assert 'value="no-show"' in staff_client.get(attendees).content.decode()
    staff_client.post(mark, {"status": "no-show"})
    registration.refresh_from_db()
    assert registration.status == Registration.Status.NO_SHOW
    staff_client.post(mark, {"status": "confirmed"})
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_the_waiting_list_cannot_be_checked_in(staff_client, event):
    waiting = event.registrations.get(status=Registration.Status.WAITING)
    staff_client.post(
        reverse("events:registration-mark", kwargs={"pk": waiting.pk}), {"status": "attended"}
    )
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.WAITING


def test_non_staff_cannot_mark(client, event):
    registration = event.registrations.get(user__last_name="Zola")
    client.force_login(registration.user)
    response = client.post(
        reverse("events:registration-mark", kwargs={"pk": registration.pk}), {"status": "attended"}
    )
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_board_counts_per_event(staff_client, event):
    html = staff_client.get(reverse("events:staff-board")).content.decode()
    assert event.title in html
