"""Public feeds: what they carry (events open to everyone), and a cached body that follows
every change of the events it holds."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events import ical
from events.models import CalendarFeed, Event, Registration
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import MarketFactory

pytestmark = pytest.mark.django_db


def uids(response) -> dict:
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    return {str(entry["UID"]): entry for entry in calendar.walk("VEVENT")}


@pytest.fixture
def market():
    return MarketFactory(theme="electric")


@pytest.fixture
def members_only(market):
    return EventFactory(
        title="Réunion des adhérents",
        audience=Event.Audience.MEMBERS,
        online_url="https://visio.example/adherents",
        markets=[market],
    )


def feed_url():
    return reverse("events:event-feed")


def market_url(market):
    return reverse("events:market-feed", kwargs={"slug": market.slug})


def test_public_and_market_feeds_hold_public_events_only(client, market, members_only):
    public = EventFactory(markets=[market])
    for url in (feed_url(), market_url(market)):
        found = uids(client.get(url))
        assert public.calendar_uid() in found, url
        assert members_only.calendar_uid() not in found, url
        assert "Réunion des adhérents" not in client.get(url).content.decode()


def test_members_only_event_reaches_the_personal_feed_of_who_registered(
    client, member, members_only
):
    RegistrationFactory(event=members_only, user=member)
    found = uids(client.get(CalendarFeed.for_user(member).get_absolute_url()))
    entry = found[members_only.calendar_uid()]
    assert str(entry["STATUS"]) == "CONFIRMED"
    assert "Salle des machines" in str(entry["LOCATION"])
    assert "https://visio.example/adherents" in str(entry["DESCRIPTION"])


def test_subscribe_box_says_members_only_events_are_not_in_the_public_feed(client, members_only):
    html = client.get(reverse("events:event-list")).content.decode()
    assert reverse("events:event-feed") in html
    assert "réservés aux adhérents" in html


# The cached body follows every change ------------------------------------------------------


def summaries(client, url) -> dict:
    return {uid: str(entry["SUMMARY"]) for uid, entry in uids(client.get(url)).items()}


def test_cached_feed_answers_with_one_query(client, market, django_assert_num_queries):
    EventFactory(markets=[market])
    for url in (feed_url(), market_url(market)):
        client.get(url)
        with django_assert_num_queries(1 if url == feed_url() else 2):  # + the market
            client.get(url)


@pytest.mark.parametrize(
    "change",
    ["edit", "cancel", "add", "delete", "members-only", "draft", "leave-market", "time-passes"],
)
def test_feed_cache_follows_every_change(client, market, change):
    kept = EventFactory(title="Reste", markets=[market])
    event = EventFactory(title="Avant", markets=[market])
    before = {url: summaries(client, url) for url in (feed_url(), market_url(market))}
    assert before[feed_url()][event.calendar_uid()] == "Avant"
    added = None
    if change == "edit":
        event.title = "Après"
        event.save()
    elif change == "cancel":
        event.status = Event.Status.CANCELLED
        event.save()
    elif change == "add":
        added = EventFactory(title="Nouveau", markets=[market])
    elif change == "delete":
        event.delete()
    elif change == "members-only":
        event.audience = Event.Audience.MEMBERS
        event.save()
    elif change == "draft":
        event.status = Event.Status.DRAFT
        event.save()
    elif change == "leave-market":
        event.markets.remove(market)  # a relation change that does not save the event
    elif change == "time-passes":
        Event.objects.filter(pk=event.pk).update(
            start=timezone.now() - timedelta(days=200),
            end=timezone.now() - timedelta(days=199, hours=20),
            updated_at=event.updated_at,  # the row's version stays: only time moved
        )
    after = {url: uids(client.get(url)) for url in (feed_url(), market_url(market))}
    uid = event.calendar_uid()
    for url, found in after.items():
        assert kept.calendar_uid() in found
        if change == "edit":
            assert str(found[uid]["SUMMARY"]) == "Après"
        elif change == "cancel":
            assert str(found[uid]["STATUS"]) == "CANCELLED"
        elif change == "add":
            assert added.calendar_uid() in found
        elif change == "leave-market":
            assert (uid in found) is (url == feed_url())
        else:
            assert uid not in found, (change, url)


def test_feed_language_follows_the_address(client):
    event = EventFactory(title="Atelier", title_en="Workshop")
    assert summaries(client, feed_url())[event.calendar_uid()] == "Atelier"
    english = summaries(client, "/en" + feed_url())
    assert english[event.calendar_uid()] == "Workshop"


def test_an_unchanged_feed_answers_304_to_its_etag(client):
    event = EventFactory()
    first = client.get(feed_url())
    etag = first["ETag"]
    assert client.get(feed_url(), headers={"If-None-Match": etag}).status_code == 304
    event.title = "Changé"
    event.save()
    changed = client.get(feed_url(), headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


# Serialisation ------------------------------------------------------------------------------


def test_text_is_escaped_and_long_lines_folded_without_breaking_characters(client):
    title = 'Journée ; "batteries", R&D \\ recyclage'
    description = (
        "## Programme\n\nUne **journée** avec [le programme](https://x.example/p) "
        + "et des accents é à ü ç œ " * 12
        + "\n\n* premier point\n* second point\n\n<script>alert(1)</script>"
    )
    event = EventFactory(title=title, summary="Ligne 1\nLigne 2", description=description)
    response = client.get(reverse("events:event-ics", kwargs={"slug": event.slug}))
    for line in response.content.split(b"\r\n"):
        assert len(line) <= 75
        line.decode()  # each physical line is valid UTF-8: no character was cut in two
    (entry,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(entry["SUMMARY"]) == title
    text = str(entry["DESCRIPTION"])
    assert text.startswith("Ligne 1\nLigne 2\n\n")
    assert "Programme\n\nUne journée avec le programme (https://x.example/p)" in text
    assert "- premier point\n- second point" in text
    assert "script" not in text and "alert" not in text
    assert "é à ü ç œ" in text


def test_description_text_of_markdown():
    markdown = (
        "# Titre\n\n> Une citation\n\n---\n\n+ a **gras** et *italique* et `code`\n"
        "![Une image](https://i.example/x.png) <https://auto.example/lien> snake_case 3 * 4"
    )
    assert ical.description_text(markdown) == (
        "Titre\n\nUne citation\n\n- a gras et italique et code\n"
        "Une image https://auto.example/lien snake_case 3 * 4"
    )


def test_personal_entries_grow_their_sequence_when_the_registration_changes(client, user):
    registration = RegistrationFactory(
        user=user, status=Registration.Status.WAITING, waiting_rank=1
    )
    url = CalendarFeed.for_user(user).get_absolute_url()
    (before,) = uids(client.get(url)).values()
    assert str(before["STATUS"]) == "TENTATIVE"
    Registration.objects.filter(pk=registration.pk).update(
        status=Registration.Status.CONFIRMED,
        waiting_rank=None,
        updated_at=registration.updated_at + timedelta(minutes=5),
    )
    (after,) = uids(client.get(url)).values()
    assert str(after["STATUS"]) == "CONFIRMED"
    assert after["SEQUENCE"] > before["SEQUENCE"]
    calendar = Calendar.from_ical(client.get(url).content)
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
