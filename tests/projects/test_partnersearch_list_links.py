"""Addresses of the partner-search list shared among members before its filters moved to a
FilterSet (``?market=...&competency=...&page=...``) keep giving the same lists; bad values
are ignored. The competencies offered are those sought by the open posts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import MarketFactory
from tests.members.factories import CompetencyFactory, OrganisationFactory
from tests.projects.factories import PartnerSearchFactory

pytestmark = pytest.mark.django_db
URL = reverse("projects:partnersearch-list")
TODAY = timezone.localdate()


def in_days(days: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=days)


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [search.title for search in response.context["page_obj"].object_list]


@pytest.fixture
def posts(organisation):
    """22 open hydrogen posts seeking sensors (20 on a page), open electric ones; an expired
    post of another organisation and one of the reader's, each seeking a competency no
    open post seeks."""
    electric, hydrogen = MarketFactory(theme="electric"), MarketFactory(theme="hydrogen")
    batteries = CompetencyFactory(name="Batteries", slug="batteries")
    sensors = CompetencyFactory(name="Capteurs", slug="capteurs")
    welding = CompetencyFactory(name="Soudure", slug="soudure")
    painting = CompetencyFactory(name="Peinture", slug="peinture")
    for number in range(1, 23):
        PartnerSearchFactory(
            title=f"Station H2 {number:02d}",
            markets=[hydrogen],
            competencies=[sensors],
            deadline=in_days(number),
        )
    PartnerSearchFactory(
        title="Pack batterie", markets=[electric], competencies=[batteries], deadline=in_days(40)
    )
    PartnerSearchFactory(
        title="Capteur batterie",
        markets=[electric],
        competencies=[sensors, batteries],
        deadline=in_days(0),
    )
    PartnerSearchFactory(
        title="Soudure expirée",
        organisation=OrganisationFactory(),
        markets=[electric],
        competencies=[welding],
        deadline=in_days(-2),
    )
    PartnerSearchFactory(
        title="Notre annonce expirée",
        organisation=organisation,
        markets=[electric],
        competencies=[painting],
        deadline=in_days(-5),
    )


ELECTRIC = ["Capteur batterie", "Pack batterie"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("market=electric", ELECTRIC),
        ("competency=batteries", ELECTRIC),
        ("competency=capteurs&market=electric", ["Capteur batterie"]),
        ("market=hydrogen&page=2", ["Station H2 21", "Station H2 22"]),
        ("competency=capteurs&page=2", ["Station H2 20", "Station H2 21", "Station H2 22"]),
        # The last of repeated values counts.
        ("competency=batteries&competency=capteurs&market=electric", ["Capteur batterie"]),
        # Unknown values are ignored, the other filters still apply; so are competencies
        # sought by no open post, even the reader's own expired one.
        (
            "market=nowhere&competency=capteurs&page=2",
            ["Station H2 20", "Station H2 21", "Station H2 22"],
        ),
        ("market=electric&competency=soudure", ELECTRIC),
        ("market=electric&competency=peinture", ELECTRIC),
        ("market=electric&competency=Batteries", ELECTRIC),
        ("market=Electric&competency=batteries", ELECTRIC),
        ("market=electric&competency=", ELECTRIC),
        ("market=electric&page=abc", ELECTRIC),
        ("market=electric&page=9", ELECTRIC),
    ],
)
def test_old_addresses_give_the_same_lists(client, colleague, posts, query, expected):
    client.force_login(colleague)
    assert titles(client.get(f"{URL}?{query}")) == expected


def test_old_addresses_keep_the_count_the_chips_and_the_own_posts(client, colleague, posts):
    client.force_login(colleague)
    response = client.get(f"{URL}?market=electric&competency=capteurs")
    assert response.context["page_obj"].paginator.count == 1
    html = response.content.decode()
    assert "1 annonce ouverte" in html
    assert html.count('href="?market=electric&amp;competency=capteurs" aria-current="true"') == 2
    assert 'href="?market=electric">' in html  # all competencies
    assert 'href="?competency=capteurs">' in html  # all markets
    assert 'href="?market=electric&amp;competency=batteries">' in html
    assert 'href="?market=hydrogen&amp;competency=capteurs">' in html
    # Only the competencies of open posts are offered.
    assert "competency=soudure" not in html and "competency=peinture" not in html
    assert "Notre annonce expirée" in html  # in "my organisation's posts"


def test_without_filters_the_all_chips_are_current(client, colleague, posts):
    client.force_login(colleague)
    html = client.get(f"{URL}?market=nowhere&competency=soudure").content.decode()
    assert html.count('aria-current="true">') == 2
    assert 'href="?competency=soudure" aria-current="true"' in html
    assert 'href="?market=nowhere" aria-current="true"' in html
    assert "24 annonces ouvertes" in html
    assert "market=nowhere&amp;competency=soudure&amp;page=2" in html


def test_visitors_with_an_old_address_are_offered_sign_in_back_to_it(client):
    from urllib.parse import quote

    address = f"{URL}?market=electric&competency=capteurs"
    response = client.get(address)
    assert response.status_code == 200
    assert (
        f"{reverse('account_login')}?next={quote(address, safe='/')}" in response.content.decode()
    )
