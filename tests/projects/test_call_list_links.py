"""Addresses of the funding calls list shared before its filters moved to a FilterSet
(``?market=...&past=1&page=...``) keep giving the same lists, in the same order; bad
values are ignored, ``1`` alone shows the past calls."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from projects.models import Call
from tests.factories import MarketFactory, StaffFactory
from tests.projects.factories import CallFactory

pytestmark = pytest.mark.django_db
URL = reverse("projects:call-list")
TODAY = timezone.localdate()


def in_days(days: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=days)


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [call.title for call in response.context["page_obj"].object_list]


@pytest.fixture
def calls():
    """22 open hydrogen calls (20 on a page), open and past electric ones, a draft."""
    electric, hydrogen = MarketFactory(theme="electric"), MarketFactory(theme="hydrogen")
    for number in range(1, 23):
        CallFactory(title=f"Appel H2 {number:02d}", markets=[hydrogen], deadline=in_days(number))
    CallFactory(title="Appel batteries", markets=[electric], deadline=in_days(40))
    CallFactory(title="Appel mixte", markets=[electric, hydrogen], deadline=in_days(0))
    CallFactory(title="Appel clos batteries", markets=[electric], deadline=in_days(-3))
    CallFactory(title="Appel clos H2", markets=[hydrogen], deadline=in_days(-10))
    CallFactory(title="Appel clos mixte", markets=[electric, hydrogen], deadline=in_days(-1))
    CallFactory(
        title="Appel brouillon",
        markets=[electric],
        deadline=in_days(20),
        status=Call.Status.DRAFT,
    )


OPEN_ELECTRIC = ["Appel mixte", "Appel batteries"]
PAST = ["Appel clos mixte", "Appel clos batteries", "Appel clos H2"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("market=electric", OPEN_ELECTRIC),
        ("past=1", PAST),  # the latest deadline first
        ("past=1&market=electric", ["Appel clos mixte", "Appel clos batteries"]),
        ("market=hydrogen&past=1", ["Appel clos mixte", "Appel clos H2"]),
        ("market=hydrogen&page=2", ["Appel H2 20", "Appel H2 21", "Appel H2 22"]),
        ("page=2", ["Appel H2 20", "Appel H2 21", "Appel H2 22", "Appel batteries"]),
        # The last of repeated values counts.
        ("market=hydrogen&market=electric", OPEN_ELECTRIC),
        ("past=1&past=0&market=electric", OPEN_ELECTRIC),
        # Only "1" shows the past calls; unknown values are ignored.
        ("market=electric&past=0", OPEN_ELECTRIC),
        ("market=electric&past=yes", OPEN_ELECTRIC),
        ("market=electric&past=true", OPEN_ELECTRIC),
        ("market=electric&past=", OPEN_ELECTRIC),
        ("market=nowhere&past=1", PAST),
        ("market=Electric&past=1", PAST),
        ("market=electric&page=abc", OPEN_ELECTRIC),
        ("market=electric&page=9", OPEN_ELECTRIC),
        ("past=1&page=0", PAST),
    ],
)
def test_old_addresses_give_the_same_lists(client, calls, query, expected):
    assert titles(client.get(f"{URL}?{query}")) == expected


def test_staff_see_the_draft_calls_with_the_same_filters(client, calls):
    client.force_login(StaffFactory())
    assert titles(client.get(f"{URL}?market=electric")) == [
        "Appel mixte",
        "Appel brouillon",
        "Appel batteries",
    ]
    assert titles(client.get(f"{URL}?market=electric&past=1")) == [
        "Appel clos mixte",
        "Appel clos batteries",
    ]


def test_old_addresses_keep_the_count_the_chips_and_the_title(client, calls):
    response = client.get(f"{URL}?past=1&market=electric")
    assert response.context["page_obj"].paginator.count == 2
    html = response.content.decode()
    assert "<title>Appels à projets passés" in html
    assert "2 appels" in html
    assert html.count('href="?past=1&amp;market=electric" aria-current="true"') == 2
    assert 'href="?past=1">' in html  # all markets
    assert 'href="?market=electric">' in html  # the open calls
    assert 'href="?past=1&amp;market=hydrogen">' in html


def test_without_filters_the_open_and_all_chips_are_current(client, calls):
    html = client.get(f"{URL}?past=yes&market=nowhere").content.decode()
    assert html.count('aria-current="true">') == 2
    assert 'href="?past=yes" aria-current="true"' in html  # all markets
    assert 'href="?market=nowhere" aria-current="true"' in html  # open
    assert 'href="?past=1&amp;market=nowhere">' in html
    assert "<title>Appels à projets ouverts" in html
    assert "24 appels" in html


def test_a_page_of_an_old_address_keeps_its_filters_in_the_links(client, calls):
    html = client.get(f"{URL}?market=hydrogen").content.decode()
    assert "23 appels" in html
    assert "market=hydrogen&amp;page=2" in html
