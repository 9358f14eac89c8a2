"""The public directory: filters, accent-insensitive search, sorting, paging, CSV export."""

import csv
import io
import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from members.models import Organisation
from tests.factories import UserFactory
from tests.members.factories import (
    CertificationFactory,
    CompetencyFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("members:organisation-list")


def names(response) -> list[str]:
    return [organisation.name for organisation in response.context["page_obj"].object_list]


def test_the_directory_lists_organisations_with_a_count(client, organisation):
    OrganisationFactory(name="Cachée", is_public=False)
    OrganisationFactory(name="Ancienne", membership_status=Organisation.Status.FORMER)
    response = client.get(URL)
    assert response.status_code == 200
    assert names(response) == [organisation.name]
    content = response.content.decode()
    assert response.context["page_obj"].paginator.count == 1
    assert organisation.pitch in content
    assert "Cachée" not in content and "Ancienne" not in content


def test_market_filter(client, markets):
    electric = OrganisationFactory(name="Électrique", markets=[markets["electric"]])
    OrganisationFactory(name="Hydrogène", markets=[markets["hydrogen"]])
    response = client.get(URL, {"market": "electric"})
    assert names(response) == [electric.name]


def test_region_and_department_filters(client):
    OrganisationFactory(name="Bisontine", postcode="25000", city="Besançon")
    OrganisationFactory(name="Dijonnaise", postcode="21000", city="Dijon")
    OrganisationFactory(name="Strasbourgeoise", postcode="67000", city="Strasbourg")
    assert names(client.get(URL, {"region": "grand-est"})) == ["Strasbourgeoise"]
    assert names(client.get(URL, {"region": "bfc"})) == ["Bisontine", "Dijonnaise"]
    assert names(client.get(URL, {"department": "21"})) == ["Dijonnaise"]


def test_kind_and_size_filters(client):
    OrganisationFactory(name="Labo", kind=Organisation.Kind.LAB)
    OrganisationFactory(name="Grande", size_band=Organisation.SizeBand.LARGE)
    assert names(client.get(URL, {"kind": "lab"})) == ["Labo"]
    assert names(client.get(URL, {"size": "large"})) == ["Grande"]


def test_competency_and_certification_filters(client):
    robotics = CompetencyFactory(slug="robotique", name="Robotique")
    iso = CertificationFactory(slug="iso-9001", name="ISO 9001")
    robots = OrganisationFactory(name="Robots", competencies=[robotics])
    certified = OrganisationFactory(name="Certifiée")
    certified.certifications.add(iso)
    assert names(client.get(URL, {"competency": "robotique"})) == [robots.name]
    assert names(client.get(URL, {"certification": "iso-9001"})) == [certified.name]


def test_filters_combine_and_an_unknown_value_is_ignored(client, markets):
    OrganisationFactory(name="A", postcode="67000", markets=[markets["electric"]])
    OrganisationFactory(name="B", postcode="25000", markets=[markets["electric"]])
    assert names(client.get(URL, {"market": "electric", "region": "grand-est"})) == ["A"]
    response = client.get(URL, {"market": "nope", "region": "mars"})
    assert response.status_code == 200
    assert names(response) == ["A", "B"]


@pytest.mark.parametrize(
    "query",
    [
        "vehicule",
        "VÉHICULE",
        "véhicules",
        "Vehicule electrique",
        "électri",
        "le véhicule",
        "l'électrique",
    ],
)
def test_search_ignores_accents_and_case(client, query):
    OrganisationFactory(name="Mobilis", pitch="Le véhicule électrique pour tous")
    OrganisationFactory(name="Autre", pitch="Des pièces forgées")
    assert names(client.get(URL, {"q": query})) == ["Mobilis"]


def test_search_looks_into_description_competencies_and_keywords(client):
    cells = CompetencyFactory(name_fr="Piles à combustible", name_en="Fuel cells")
    OrganisationFactory(name="Par compétence", competencies=[cells])
    OrganisationFactory(name="Par mot-clé", keywords="rétrofit, autobus")
    OrganisationFactory(name="Par description", description="Nous fabriquons des **autobus**.")
    assert names(client.get(URL, {"q": "combustible"})) == ["Par compétence"]
    assert names(client.get(URL, {"q": "fuel cells"})) == ["Par compétence"]
    assert names(client.get(URL, {"q": "retrofit"})) == ["Par mot-clé"]
    assert set(names(client.get(URL, {"q": "autobus"}))) == {"Par mot-clé", "Par description"}


def test_a_search_without_result_says_so(client, organisation):
    response = client.get(URL, {"q": "introuvable"})
    assert names(response) == []
    assert _("No organisation matches this search.") in response.content.decode()


def test_sorting_by_name_ignores_accents_and_by_newest(client):
    OrganisationFactory(name="Zèbre", member_since=date(2010, 1, 1))
    OrganisationFactory(name="Électro", member_since=date(2024, 1, 1))
    OrganisationFactory(name="avenir", member_since=date(2015, 1, 1))
    assert names(client.get(URL)) == ["avenir", "Électro", "Zèbre"]
    assert names(client.get(URL, {"sort": "newest"})) == ["Électro", "avenir", "Zèbre"]
    # Without a date (an imported list), last: PostgreSQL would put them first.
    OrganisationFactory(name="Sans date", member_since=None)
    assert names(client.get(URL, {"sort": "newest"}))[-1] == "Sans date"


def test_pages_of_24_and_the_filters_stay_in_the_page_links(client, markets):
    OrganisationFactory.create_batch(30, markets=[markets["industry"]])
    response = client.get(URL, {"market": "industry"})
    assert len(names(response)) == 24
    assert "market=industry&amp;page=2" in response.content.decode()
    assert len(names(client.get(URL, {"market": "industry", "page": 2}))) == 6


def test_the_filter_form_works_without_javascript(client):
    content = client.get(URL).content.decode()
    assert 'method="get"' in content
    assert 'type="submit"' in content


def test_active_filters_can_be_removed_one_by_one(client, markets):
    OrganisationFactory(markets=[markets["electric"]])
    response = client.get(URL, {"market": "electric", "q": "fictive"})
    chips = response.context["active_filters"]
    assert [chip["name"] for chip in chips] == ["q", "market"]
    assert chips[1]["remove_url"] == "?q=fictive"


def test_the_csv_export_is_for_members_only(client, organisation):
    export = reverse("members:organisation-export")
    response = client.get(export)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(export).status_code == 403
    assert _("Download this list (CSV)") not in client.get(URL).content.decode()


def test_a_member_exports_the_filtered_list_without_personal_data(client, markets):
    member = MembershipFactory().user
    electric = OrganisationFactory(name="Volta Export", markets=[markets["electric"]])
    OrganisationFactory(name="Autre Export", markets=[markets["hydrogen"]])
    MembershipFactory(organisation=electric)
    client.force_login(member)
    page = client.get(URL, {"market": "electric"}).content.decode()
    assert _("Download this list (CSV)") in page
    response = client.get(reverse("members:organisation-export"), {"market": "electric"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["Volta Export"]
    assert "@" not in response.content.decode().replace("https://", "")


def test_the_export_cannot_smuggle_spreadsheet_formulas(client):
    member = MembershipFactory().user
    OrganisationFactory(name='=HYPERLINK("http://evil.example","clic")')
    client.force_login(member)
    response = client.get(reverse("members:organisation-export"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert any(row[0].startswith("'=HYPERLINK") for row in rows)


def test_cards_show_the_logo_or_the_initials_never_an_empty_box(client, organisation):
    from django.core.files.base import ContentFile

    from tests.members.conftest import png_bytes

    with_logo = OrganisationFactory(name="Avec Logo")
    with_logo.logo = ContentFile(png_bytes(), name="logo.png")
    with_logo.save()
    OrganisationFactory(name="Zèbre Sans Logo")
    content = client.get(URL).content.decode()
    # No logo: the initials on a coloured tile.
    assert "org-logo-placeholder logo-tint-" in content and ">ZS</span>" in content
    # A logo: loaded at once (a lazy image is an empty box until it scrolls in), and it
    # carries the initials members.js shows if the file cannot be loaded.
    logo = content[content.index('<img class="org-logo') :].split(">", 1)[0]
    assert 'data-initials="AL"' in logo and "data-tint=" in logo
    assert "loading=" not in logo


def test_competencies_are_listed_alphabetically_in_the_readers_language(client):
    CompetencyFactory(slug="economie", name_fr="Économie circulaire", name_en="Circular economy")
    CompetencyFactory(slug="batteries", name_fr="Systèmes de batteries", name_en="Battery systems")
    CompetencyFactory(slug="acoustique", name_fr="Acoustique", name_en="Acoustics")
    CompetencyFactory(slug="usinage", name_fr="Usinage", name_en="Machining")

    def order(language):
        content = client.get("/en" + URL if language == "en" else URL).content.decode()
        select = content.split('name="competency"', 1)[1].split("</select>", 1)[0]
        return re.findall(r'<option value="[^"]+">([^<]+)</option>', select)

    assert order("fr") == ["Acoustique", "Économie circulaire", "Systèmes de batteries", "Usinage"]
    assert order("en") == ["Acoustics", "Battery systems", "Circular economy", "Machining"]


def test_the_search_chip_quotes_the_words_as_each_language_does(client, organisation):
    french = client.get(URL, {"q": "batterie"}).context["active_filters"][0]["label"]
    english = client.get("/en" + URL, {"q": "batterie"}).content.decode()
    assert french == "« batterie »"
    assert "“batterie”" in english and "«" not in english
