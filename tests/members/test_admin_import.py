"""Importing an existing member list in the back-office, as staff really receive it: the
sample file shipped with the app, French spreadsheets (semicolons, byte order mark, French
dates, oui/non), and the mistakes that must stop the import before anything is saved."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content.models import Market
from members.models import Organisation
from tests.factories import MarketFactory
from tests.members.factories import CertificationFactory, CompetencyFactory

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / "members" / "samples" / "member_list_example.csv"


@pytest.fixture
def vocabulary(db):
    """The markets, competencies and certifications the sample file names."""
    for theme, slug in [
        ("electric", "vehicule-electrique"),
        ("autonomous", "vehicule-autonome-connecte"),
        ("services", "services-de-mobilite"),
        ("industry", "industrie-du-futur"),
    ]:
        MarketFactory(theme=theme, slug=slug)
    for slug in ["usinage", "emboutissage", "systemes-batteries", "simulation", "adas"]:
        CompetencyFactory(slug=slug, name=slug.capitalize())
    CompetencyFactory(slug="vehicule-connecte", name="Véhicule connecté")
    for slug, name in [("iso-9001", "ISO 9001"), ("iatf-16949", "IATF 16949")]:
        CertificationFactory(slug=slug, name=name)


def preview(staff_client, content: bytes, name="members.csv"):
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    return staff_client.post(
        reverse("admin:members_organisation_import"), {"import_file": upload, "format": "0"}
    )


def confirm(staff_client, response):
    form = response.context["confirm_form"]
    return staff_client.post(reverse("admin:members_organisation_process_import"), form.initial)


def row_errors(response) -> list[dict]:
    return [row.field_specific_errors for row in response.context["result"].invalid_rows]


def test_the_sample_file_is_previewed_then_imported(staff_client, vocabulary):
    response = preview(staff_client, SAMPLE.read_bytes(), SAMPLE.name)
    result = response.context["result"]
    assert not result.has_errors() and not result.has_validation_errors(), row_errors(response)
    assert not Organisation.objects.exists()  # a preview saves nothing
    assert confirm(staff_client, response).status_code == 302
    forges = Organisation.objects.get(slug="forges-imaginaires-de-lure-demo")
    assert (forges.department, forges.region) == ("70", "bfc")
    assert forges.member_since.isoformat() == "2019-09-12"  # 12/09/2019 is French
    assert set(forges.markets.values_list("slug", flat=True)) == {
        "vehicule-electrique",
        "industrie-du-futur",
    }
    assert set(forges.certifications.values_list("slug", flat=True)) == {"iso-9001", "iatf-16949"}
    assert "emboutissage" in forges.search_text
    assert forges.is_listed
    navettes = Organisation.objects.get(slug="navettes-du-sundgau-demo")
    assert navettes.is_public is False  # "non"
    assert Organisation.objects.count() == 3


def test_a_comma_separated_file_with_iso_dates_is_read_too(staff_client, vocabulary):
    text = (
        "name,kind,siret,postcode,city,pitch,member_since,is_public\n"
        'Labo Virgule,company,732 829 320 00074,25000,Besançon,"Essais, mesures",2020-01-31,1\n'
    )
    response = preview(staff_client, text.encode())
    assert not response.context["result"].has_validation_errors(), row_errors(response)
    confirm(staff_client, response)
    imported = Organisation.objects.get()
    assert imported.member_since.isoformat() == "2020-01-31"
    assert imported.siret == "73282932000074"


def test_mistakes_are_row_errors_and_nothing_is_saved(staff_client, vocabulary):
    text = (
        "name;kind;siret;postcode;city;website;pitch;markets;competencies;member_since;is_public\n"
        "Ligne Juste;company;;25000;Besançon;;Pitch;vehicule-electrique;;2024-01-01;oui\n"
        "Marché Inconnu;company;;25000;Besançon;;Pitch;vehicule-electrique,fusee;robots;;\n"
        "Date Américaine;company;;25000;Besançon;;Pitch;;;03/31/2024;peut-être\n"
        "Mauvais SIRET;company;12345678901234;99999;Nulle Part;pas-un-site;Pitch;;;;\n"
    )
    response = preview(staff_client, text.encode("utf-8"))
    errors = row_errors(response)
    assert len(errors) == 3
    assert {"markets", "competencies"} <= set(errors[0])
    assert "fusee" in str(errors[0]["markets"]) and "robots" in str(errors[0]["competencies"])
    assert {"member_since", "is_public"} <= set(errors[1])
    assert {"siret", "postcode", "website"} <= set(errors[2])
    assert response.context.get("confirm_form") is None
    assert not Organisation.objects.exists()


def test_a_file_without_the_expected_columns_gets_a_clear_error(staff_client, vocabulary):
    response = preview(staff_client, b"nom;type;ville\nAtelier;entreprise;Dijon\n")
    result = response.context["result"]
    assert result.has_errors()
    message = str(result.base_errors[0].error)
    assert "name, kind, city, pitch" in message and "nom, type, ville" in message
    assert not Organisation.objects.exists()


def test_the_export_can_be_imported_again(staff_client, vocabulary):
    response = preview(staff_client, SAMPLE.read_bytes(), SAMPLE.name)
    confirm(staff_client, response)
    exported = staff_client.post(
        reverse("admin:members_organisation_export"),
        {
            "format": "0",
            "resource": "0",
            **{
                f"organisationresource_{name}": "on"
                for name in ["slug", "name", "kind", "postcode", "city", "pitch", "markets"]
                + ["member_since", "is_public", "competencies", "certifications"]
            },
        },
    )
    assert exported.status_code == 200
    content = exported.content
    Market.objects.filter(slug="industrie-du-futur").update(name="Industrie du futur")
    Organisation.objects.filter(slug="navettes-du-sundgau-demo").update(pitch="Changé")
    response = preview(staff_client, content, "export.csv")
    assert not response.context["result"].has_validation_errors(), row_errors(response)
    confirm(staff_client, response)
    assert Organisation.objects.count() == 3
    assert Organisation.objects.get(slug="navettes-du-sundgau-demo").pitch != "Changé"
