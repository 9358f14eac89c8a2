"""Addresses of the event list and archive shared before their filters moved to a FilterSet
(the chips' links, the month select, calendar links) keep giving the same lists."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from tests.events.factories import EventFactory
from tests.factories import MarketFactory

pytestmark = pytest.mark.django_db
LIST = reverse("events:event-list")
ARCHIVE = reverse("events:event-archive")
PARIS = ZoneInfo("Europe/Paris")


def titles(response) -> list[str]:
    assert response.status_code == 200
    return sorted(event.title for event in response.context["page_obj"].object_list)


def in_months(months: int) -> datetime:
    """Noon on the 15th, ``months`` months from now (Paris time)."""
    today = timezone.localdate()
    month = today.month - 1 + months
    return datetime(today.year + month // 12, month % 12 + 1, 15, 12, tzinfo=PARIS)


def month_param(moment: datetime) -> str:
    return f"{moment.year}-{moment.month:02d}"


@pytest.fixture
def agenda():
    """14 hydrogen workshops in two months (12 on a page), electric events next month,
    past ones in the archive."""
    electric, hydrogen = MarketFactory(theme="electric"), MarketFactory(theme="hydrogen")
    later, soon = in_months(2), in_months(1)
    for number in range(1, 15):
        start = later + timedelta(hours=number)
        EventFactory(
            title=f"Atelier H2 {number:02d}",
            markets=[hydrogen],
            start=start,
            end=start + timedelta(minutes=30),
        )
    EventFactory(
        title="Webinaire batteries",
        kind=Event.Kind.WEBINAR,
        markets=[electric],
        start=soon,
        end=soon + timedelta(hours=1),
    )
    EventFactory(
        title="Conférence adhérents",
        kind=Event.Kind.CONFERENCE,
        audience=Event.Audience.MEMBERS,
        markets=[electric],
        start=soon,
        end=soon + timedelta(hours=1),
    )
    past = timezone.now() - timedelta(days=30)
    EventFactory(title="Salon passé", markets=[electric], start=past, end=past + timedelta(hours=2))
    return {"later": month_param(later), "soon": month_param(soon)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("market=electric", ["Conférence adhérents", "Webinaire batteries"]),
        ("market=electric&kind=webinar", ["Webinaire batteries"]),
        ("audience=members", ["Conférence adhérents"]),
        ("month={soon}", ["Conférence adhérents", "Webinaire batteries"]),
        ("month={later}&market=hydrogen&page=2", ["Atelier H2 13", "Atelier H2 14"]),
        ("month={soon}&market=electric&kind=conference", ["Conférence adhérents"]),
        # Unknown values are ignored, the other filters still apply.
        (
            "market=nowhere&kind=party&audience=vip&month={soon}",
            ["Conférence adhérents", "Webinaire batteries"],
        ),
        ("month=2031-13&market=electric", ["Conférence adhérents", "Webinaire batteries"]),
        ("month=garbage&market=electric", ["Conférence adhérents", "Webinaire batteries"]),
        ("month=2031-05-01&market=electric", ["Conférence adhérents", "Webinaire batteries"]),
        ("market=electric&page=abc", ["Conférence adhérents", "Webinaire batteries"]),
        ("market=electric&page=9", ["Conférence adhérents", "Webinaire batteries"]),
    ],
)
def test_old_addresses_give_the_same_lists(client, agenda, query, expected):
    assert titles(client.get(f"{LIST}?{query.format(**agenda)}")) == expected


def test_old_archive_addresses_give_the_same_lists(client, agenda):
    assert titles(client.get(f"{ARCHIVE}?market=electric")) == ["Salon passé"]
    assert titles(client.get(f"{ARCHIVE}?market=hydrogen")) == []
    assert titles(client.get(f"{ARCHIVE}?market=nowhere&kind=party")) == ["Salon passé"]


def test_old_addresses_keep_counts_chips_and_the_month_select(client, agenda):
    response = client.get(f"{LIST}?market=hydrogen&month={agenda['later']}")
    assert response.context["page_obj"].paginator.count == 14
    html = response.content.decode()
    assert f"market=hydrogen&amp;month={agenda['later']}&amp;page=2" in html
    assert '<select name="month" id="id_month">' in html
    assert f'<option value="{agenda["later"]}" selected>' in html
    assert '<input type="hidden" name="market" value="hydrogen">' in html
    assert reverse("events:market-feed", args=["hydrogen"]) in html  # the market's calendar
    chip = f'href="?market=hydrogen&amp;month={agenda["later"]}&amp;kind=webinar"'
    assert chip in html
    assert "Choisissez un mois dans la liste." not in html
