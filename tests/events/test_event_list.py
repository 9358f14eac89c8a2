"""The upcoming list with its filters, the archive and the month view; bad query strings."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from tests.events.factories import EventFactory
from tests.factories import MarketFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def titles(response) -> set:
    assert response.status_code == 200
    return {event.title for event in response.context["page_obj"].object_list}


@pytest.fixture
def events():
    electric = MarketFactory(theme="electric")
    hydrogen = MarketFactory(theme="hydrogen")
    now = timezone.now()
    return {
        "electric": EventFactory(title="Électrique", markets=[electric], kind="conference"),
        "hydrogen": EventFactory(title="Hydrogène", markets=[hydrogen], kind="webinar"),
        "members": EventFactory(title="Adhérents", audience=Event.Audience.MEMBERS),
        "later": EventFactory(
            title="Plus tard", start=now + timedelta(days=70), end=now + timedelta(days=70, hours=2)
        ),
        "past": EventFactory(
            title="Passé", start=now - timedelta(days=9), end=now - timedelta(days=9, hours=-2)
        ),
        "draft": EventFactory(title="Brouillon", status=Event.Status.DRAFT),
    }


def test_upcoming_list_and_each_filter(client, events):
    url = reverse("events:event-list")
    assert titles(client.get(url)) == {"Électrique", "Hydrogène", "Adhérents", "Plus tard"}
    assert titles(client.get(url, {"market": "electric"})) == {"Électrique"}
    assert titles(client.get(url, {"kind": "webinar"})) == {"Hydrogène"}
    assert titles(client.get(url, {"audience": "members"})) == {"Adhérents"}
    later = events["later"].local_start
    month = f"{later.year}-{later.month:02d}"
    in_month = titles(client.get(url, {"month": month}))
    assert "Plus tard" in in_month
    assert "Électrique" not in in_month or (events["electric"].local_start.month == later.month)
    html = client.get(url, {"market": "electric"}).content.decode()
    assert 'href="?" aria-current' not in html and 'aria-current="true">' in html


@pytest.mark.parametrize(
    "query",
    [
        {"market": "nowhere"},
        {"kind": "party"},
        {"audience": "vip"},
        {"month": "2031-13"},
        {"month": "garbage"},
        {"page": "999"},
        {"page": "abc"},
    ],
)
def test_bad_query_strings_do_not_break_the_list(client, events, query):
    response = client.get(reverse("events:event-list"), query)
    assert response.status_code == 200
    assert titles(response)  # ignored filters, or the last page


def test_french_audience_chip_does_not_take_another_apps_translation(client, events):
    assert "Tous les publics" in client.get(reverse("events:event-list")).content.decode()


def test_bad_month_shows_a_field_error(client, events):
    html = client.get(reverse("events:event-list"), {"month": "garbage"}).content.decode()
    assert "Choisissez un mois dans la liste." in html


def test_archive_lists_past_events_only(client, events):
    assert titles(client.get(reverse("events:event-archive"))) == {"Passé"}


def test_month_view_puts_each_event_on_its_days(client):
    start = datetime(2031, 5, 29, 18, 0, tzinfo=PARIS)
    EventFactory(title="Salon sur trois jours", start=start, end=start + timedelta(days=2))
    EventFactory(title="Atelier du 3", start=datetime(2031, 6, 3, 9, 0, tzinfo=PARIS))
    EventFactory(title="Brouillon secret de mai", status=Event.Status.DRAFT, start=start)
    response = client.get(reverse("events:event-month", kwargs={"year": 2031, "month": 5}))
    days = {
        day["date"].day: [e.title for e in day["events"]]
        for week in response.context["weeks"]
        for day in week
        if day["in_month"]
    }
    assert days[29] == days[30] == days[31] == ["Salon sur trois jours"]
    assert days[28] == []
    html = response.content.decode()
    assert "Brouillon secret de mai" not in html
    assert "Atelier du 3" not in html  # days of the next month stay empty (greyed)
    assert reverse("events:event-month", kwargs={"year": 2031, "month": 6}) in html
    assert reverse("events:event-month", kwargs={"year": 2031, "month": 4}) in html


@pytest.mark.parametrize(("year", "month"), [(2031, 13), (1999, 5), (2031, 0)])
def test_month_out_of_range_is_not_found(client, year, month):
    assert client.get(f"/events/calendar/{year}/{month}/").status_code == 404


def test_english_list_is_in_english(client, events):
    html = client.get("/en" + reverse("events:event-list")).content.decode()
    assert "Upcoming events" in html and "All audiences" in html and "Members only" in html
    for french in ("Événements à venir", "Réservé aux adhérents", "Tous les publics"):
        assert french not in html


def test_changes_are_kept_in_the_history(staff_client):
    event = EventFactory(title="Premier titre")
    event.title = "Second titre"
    event.save()
    history = event.history.order_by("history_date")
    assert [h.title_fr for h in history] == ["Premier titre", "Second titre"]
    response = staff_client.get(reverse("admin:events_event_history", args=[event.pk]))
    assert response.status_code == 200


def test_french_words_of_events_are_not_taken_from_other_catalogues(client, staff_client):
    """Other apps translate "Cancelled" (a request: "Annulée"), "All" and "{start} to
    {end}" ("du … au …", for dates) differently: events keeps its own words."""
    event = EventFactory(status=Event.Status.CANCELLED)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Annulé</span>" in html
    # French times: "de 14 h 30 à 16 h" (core.typography).
    assert re.search(r", de \d{1,2}\xa0h(\xa0\d\d)? à \d{1,2}\xa0h(\xa0\d\d)?", html)
    attendees = staff_client.get(reverse("events:event-attendees", kwargs={"slug": event.slug}))
    assert 'aria-current="true">Toutes</a>' in attendees.content.decode()
