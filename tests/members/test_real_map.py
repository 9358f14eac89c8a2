"""The members map drawn from the real outlines of the 18 departments of the two regions."""

import re

import pytest
from django.urls import reverse

from members.map import directory_map, outlines
from members.models import Organisation
from tests.members.factories import OrganisationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

CODES = {"21", "25", "39", "58", "70", "71", "89", "90"}
CODES |= {"08", "10", "51", "52", "54", "55", "57", "67", "68", "88"}
LINK = re.compile(r'<a href="([^"]+)" class="map-department[^"]*" aria-label="([^"]+)">')


def test_the_outlines_are_the_18_departments_of_the_two_regions():
    shapes = outlines()["departments"]
    assert set(shapes) == CODES
    for shape in shapes.values():
        # A real outline: a closed path of many points, not a tile.
        assert shape["d"].startswith("M") and shape["d"].count("Z") >= 1
        assert shape["d"].count("C") + shape["d"].count("L") > 25


def test_the_map_page_draws_each_department_as_a_link_with_its_count(client):
    OrganisationFactory.create_batch(2, postcode="25200")
    OrganisationFactory(postcode="67000")
    OrganisationFactory(postcode="67000", membership_status=Organisation.Status.LAPSED)
    content = client.get(reverse("members:organisation-map")).content.decode()
    links = LINK.findall(content)
    assert len(links) == 18
    assert len(re.findall(r"<a href=[^>]+map-department[^>]+>\s*<path d=\"M", content)) == 18
    # The counts on the map equal an independent count of the directory.
    for url, label in links:
        code = url.rsplit("=", 1)[1]
        expected = Organisation.objects.in_directory().filter(department=code).count()
        assert f"({code}): {expected} member" in label
    # The table beside it gives the same figures.
    assert re.search(r"Doubs \(25\)</a></th><td[^>]*>2</td>", content)
    assert "label-content-name-mismatch" not in content


def test_a_department_link_filters_the_directory(client):
    OrganisationFactory(name="Doubs Mobilité", postcode="25200")
    OrganisationFactory(name="Alsace Hydro", postcode="67000")
    url = next(t["url"] for t in directory_map()["tiles"] if t["code"] == "25")
    content = client.get(url).content.decode()
    assert "Doubs Mobilité" in content and "Alsace Hydro" not in content


def test_the_legend_covers_every_count_with_a_shade():
    OrganisationFactory.create_batch(7, postcode="25200")
    OrganisationFactory(postcode="67000")
    data = directory_map()
    legend = data["legend"]
    assert legend[0] == {"level": 0, "low": 0, "high": 0}
    assert legend[-1]["high"] == 7
    for tile in data["tiles"]:
        step = next(s for s in legend if s["level"] == tile["level"])
        assert step["low"] <= tile["count"] <= step["high"]


def test_the_home_panel_shows_the_real_map(client):
    OrganisationFactory(postcode="25200")
    content = client.get(reverse("home")).content.decode()
    assert content.count('class="map-department') == 18


def test_no_filter_or_sort_navigates_on_change():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sources = [*root.glob("static/js/*.js"), *root.glob("templates/**/*.html")]
    sources += [*root.glob("*/forms.py"), *root.glob("*/filters.py")]
    for source in sources:
        text = source.read_text()
        assert "onchange" not in text.lower(), source
        assert "autosubmit" not in text, source
        assert "requestSubmit" not in text and ".submit()" not in text, source


def test_french_text_on_english_pages_is_marked_french(client):
    from django.utils import translation

    OrganisationFactory(name="Sans Traduction", pitch_fr="Essais de batteries.", pitch_en="")
    OrganisationFactory(name="Traduite", pitch_fr="Moteurs.", pitch_en="Engines.")
    with translation.override("en"):
        content = client.get(reverse("members:organisation-list")).content.decode()
    assert '<p class="card-text text-muted line-clamp-2" lang="fr">Essais de batteries.' in content
    assert '<p class="card-text text-muted line-clamp-2">Engines.' in content


@pytest.mark.parametrize("organisations", [3, 40])
def test_the_map_page_makes_a_bounded_number_of_queries(
    client, organisations, django_assert_max_num_queries
):
    for number in range(organisations):
        OrganisationFactory(postcode=["25200", "67000", "21000", "51100"][number % 4])
    with django_assert_max_num_queries(6):
        assert client.get(reverse("members:organisation-map")).status_code == 200
