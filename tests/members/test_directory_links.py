"""Addresses of the directory shared before its filters moved to a FilterSet keep giving the
same lists: parameter names and values, sort orders, pages, and bad values ignored."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from members.models import Organisation
from tests.members.factories import (
    CertificationFactory,
    CompetencyFactory,
    MembershipFactory,
    OrganisationFactory,
    PlatformFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("members:organisation-list")
PLATFORMS = reverse("members:platform-list")


def names(response) -> list[str]:
    assert response.status_code == 200
    return [organisation.name for organisation in response.context["page_obj"].object_list]


@pytest.fixture
def directory(markets):
    """26 hydrogen organisations in Besançon (24 on a page), and a few others."""
    robotics = CompetencyFactory(slug="robotique", name="Robotique")
    iso = CertificationFactory(slug="iso-9001", name="ISO 9001")
    for number in range(1, 27):
        OrganisationFactory(
            name=f"Hydro {number:02d}",
            pitch="Piles à combustible et réservoirs d'hydrogène",
            markets=[markets["hydrogen"]],
            member_since=date(1990 + number, 1, 1),
        )
    OrganisationFactory(
        name="Dijon Labo",
        postcode="21000",
        city="Dijon",
        kind=Organisation.Kind.LAB,
        size_band=Organisation.SizeBand.LARGE,
        markets=[markets["electric"]],
        competencies=[robotics],
        member_since=None,
    )
    strasbourg = OrganisationFactory(
        name="Strasbourg Robots",
        postcode="67000",
        city="Strasbourg",
        markets=[markets["electric"]],
        competencies=[robotics],
        pitch="Robots de soudage pour l'hydrogène",
        member_since=date(2020, 1, 1),
    )
    strasbourg.certifications.add(iso)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("market=hydrogen&q=hydrogene&page=2", ["Hydro 25", "Hydro 26"]),
        ("market=electric", ["Dijon Labo", "Strasbourg Robots"]),
        ("region=grand-est", ["Strasbourg Robots"]),
        ("region=bfc&department=21", ["Dijon Labo"]),
        ("kind=lab&size=large", ["Dijon Labo"]),
        ("competency=robotique&certification=iso-9001", ["Strasbourg Robots"]),
        ("q=soudage", ["Strasbourg Robots"]),
        ("sort=newest&market=electric", ["Strasbourg Robots", "Dijon Labo"]),
        ("sort=newest&page=2", ["Hydro 03", "Hydro 02", "Hydro 01", "Dijon Labo"]),
        ("market=hydrogen&page=2", ["Hydro 25", "Hydro 26"]),
        # Unknown values are ignored, the other filters still apply.
        ("market=nope&region=mars&kind=castle&size=huge&sort=zzz&q=soudage", ["Strasbourg Robots"]),
        (
            "department=99&competency=nope&certification=nope&market=electric",
            ["Dijon Labo", "Strasbourg Robots"],
        ),
        ("market=electric&page=abc", ["Dijon Labo", "Strasbourg Robots"]),
        ("market=electric&page=9", ["Dijon Labo", "Strasbourg Robots"]),
        ("market=electric&sort=", ["Dijon Labo", "Strasbourg Robots"]),
    ],
)
def test_old_addresses_give_the_same_lists(client, directory, query, expected):
    assert names(client.get(f"{URL}?{query}")) == expected


def test_old_addresses_keep_their_counts_and_page_links(client, directory):
    response = client.get(f"{URL}?market=hydrogen&q=hydrogene")
    assert response.context["page_obj"].paginator.count == 26
    html = response.content.decode()
    assert "market=hydrogen&amp;q=hydrogene&amp;page=2" in html
    assert '<option value="hydrogen" selected>' in html
    assert 'value="hydrogene"' in html


def test_a_search_puts_the_best_matches_first_unless_sorted_by_name_or_date(client, directory):
    # Every organisation matches; without a sort order a query means relevance (PostgreSQL)
    # and the name breaks ties, so the two lists are the same set.
    relevance = names(client.get(f"{URL}?q=hydrogene&sort=relevance"))
    default = names(client.get(f"{URL}?q=hydrogene"))
    assert default == relevance and len(default) == 24
    assert names(client.get(f"{URL}?q=hydrogene&sort=newest"))[0] == "Strasbourg Robots"


def test_the_chips_remove_one_filter_from_an_old_address(client, directory):
    response = client.get(f"{URL}?market=electric&region=grand-est&sort=newest&page=2")
    chips = {chip["name"]: chip["remove_url"] for chip in response.context["active_filters"]}
    assert chips == {
        "market": "?region=grand-est&sort=newest",
        "region": "?market=electric&sort=newest",
    }


def test_the_export_follows_the_same_addresses(client, directory):
    client.force_login(MembershipFactory().user)
    response = client.get(
        reverse("members:organisation-export"), {"market": "electric", "sort": "newest"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    names = [row[0] for row in rows[1:]]
    assert names[:2] == ["Strasbourg Robots", "Dijon Labo"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=soudure&market=electric", ["Banc de soudure"]),
        ("region=grand-est", ["Banc de soudure"]),
        ("access=members", ["Banc ouvert"]),
        ("access=nope&market=nope&region=mars", ["Banc de soudure", "Banc ouvert"]),
    ],
)
def test_old_platform_addresses_give_the_same_lists(client, markets, query, expected):
    alsace = OrganisationFactory(postcode="67000", city="Strasbourg")
    PlatformFactory(
        organisation=alsace,
        name="Banc de soudure",
        equipment="Soudure laser",
        markets=[markets["electric"]],
    )
    PlatformFactory(name="Banc ouvert", access="members")
    response = client.get(f"{PLATFORMS}?{query}")
    assert response.status_code == 200
    assert sorted(p.name for p in response.context["page_obj"].object_list) == expected
