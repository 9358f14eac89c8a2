"""The guided import of the back-office: templates that list the allowed values, CSV and
Excel files, errors in plain words in their cells, nothing saved before the confirmation and
nothing saved half-way."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from core.imports import columns_of
from members.models import Organisation
from members.resources import OrganisationResource
from tests.factories import MarketFactory, UserFactory
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

IMPORT = "admin:members_organisation_import"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = ["name", "kind", "postcode", "city", "country", "pitch", "markets"]


def template(client, extension):
    return client.get(reverse("admin:members_organisation_import_template", args=[extension]))


def upload(client, content: bytes, name: str):
    """Upload a file as the page does: with its hidden fields and no format (the format
    follows the file's name)."""
    kind = XLSX if name.endswith("xlsx") else "text/csv"
    return client.post(
        reverse(IMPORT),
        {
            "import_file": SimpleUploadedFile(name, content, content_type=kind),
            "resource": "0",
            "format": "",
        },
    )


def confirm(client, response):
    form = response.context["confirm_form"]
    return client.post(reverse("admin:members_organisation_process_import"), form.initial)


def xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def test_the_import_page_offers_the_templates_and_the_allowed_values(staff_client, in_english):
    response = staff_client.get(reverse(IMPORT))
    html = response.content.decode()
    assert reverse("admin:members_organisation_import_template", args=["csv"]) in html
    assert reverse("admin:members_organisation_import_template", args=["xlsx"]) in html
    assert "<code>startup</code> Start-up" in html  # the kinds, with their meaning
    assert "<code>DE</code> " in html and "<code>bfc</code> Bourgogne" in html
    assert {column.name for column in response.context["guide_columns"]} >= {"kind", "country"}


def test_the_import_page_asks_for_a_file_and_no_format(staff_client, in_english):
    html = staff_client.get(reverse(IMPORT)).content.decode()
    form = html.split('enctype="multipart/form-data"')[1].split("</form>")[0]
    assert "<select" not in form and "---" not in form and "Format" not in form
    assert 'accept=".csv,.xlsx"' in form
    assert "the format follows the file&#x27;s name" in form
    assert "guess_format" not in html


def test_a_file_neither_csv_nor_excel_is_refused_in_plain_words(staff_client, in_english):
    response = upload(staff_client, b"name;kind\nA;company\n", "membres.txt")
    html = response.content.decode()
    assert "“membres.txt” is neither a CSV file (.csv) nor an Excel file (.xlsx)." in html
    assert response.context.get("confirm_form") is None
    assert not Organisation.objects.exists()


def test_the_csv_template_names_the_columns_and_their_allowed_values(staff_client, in_english):
    MarketFactory(slug="vehicule-electrique", theme="electric")
    response = template(staff_client, "csv")
    assert response["Content-Disposition"].endswith('organisation-import-template.csv"')
    lines = response.content.decode("utf-8-sig").splitlines()
    assert {"slug", "name", "kind", "country", "markets"} <= set(lines[0].split(";"))
    notes = "\n".join(lines[1:])
    assert all(line.startswith(("#", '"#')) for line in lines[1:])
    assert "# kind · required" in notes and "company (" in notes
    assert "bfc (Bourgogne-Franche-Comté)" in notes
    assert "FR (France)" in notes and "DE (" in notes and "vehicule-electrique" in notes


def test_the_excel_template_has_a_sheet_of_allowed_values_and_dropdowns(staff_client, in_english):
    response = template(staff_client, "xlsx")
    assert response["Content-Type"] == XLSX
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[:2] == ["Data", "Allowed values"]
    data = workbook["Data"]
    assert {"name", "kind", "country"} <= {cell.value for cell in data[1]}
    guide = {row[0]: row for row in workbook["Allowed values"].iter_rows(values_only=True)}
    assert guide["kind"][1] in ("yes", "oui") and "startup (Start-up)" in guide["kind"][3]
    assert "DE (" in guide["country"][3]
    assert data.data_validations.dataValidation, "coded columns offer a drop-down list"


def test_the_template_is_for_staff_only(client):
    client.force_login(UserFactory())
    assert template(client, "csv").status_code == 302


def test_the_columns_say_what_they_accept():
    columns = {column.name: column for column in columns_of(OrganisationResource())}
    assert columns["name"].required and not columns["website"].required
    assert "lab" in [value for value, _meaning in columns["kind"].allowed]
    assert "31/12/2026" in columns["member_since"].hint
    assert columns["markets"].many


def test_an_excel_file_is_previewed_then_imported(staff_client):
    content = xlsx(
        [
            HEADER,
            ["Atelier Tableur", "company", 25000, "Besançon", "Allemagne", "Essais", None],
            ["Labo Cellule", "lab", "21000", "Dijon", "FR", "Cellules", None],
        ]
    )
    response = upload(staff_client, content, "membres.xlsx")
    result = response.context["result"]
    assert not result.has_validation_errors(), [r.error_dict for r in result.invalid_rows]
    assert not Organisation.objects.exists()  # a preview saves nothing
    confirm(staff_client, response)
    atelier = Organisation.objects.get(name="Atelier Tableur")
    assert atelier.postcode == "25000" and atelier.country == "DE"
    assert Organisation.objects.count() == 2


def test_a_bad_row_shows_its_error_in_the_cell_and_nothing_is_saved(staff_client, in_english):
    text = (
        "name;kind;postcode;city;country;pitch\n"
        "Ligne Juste;company;25000;Besançon;France;Pitch\n"
        "Ligne Fausse;fusée;25000;Besançon;Atlantide;Pitch\n"
    )
    response = upload(staff_client, text.encode(), "membres.csv")
    html = response.content.decode()
    assert response.context.get("confirm_form") is None
    rows = response.context["error_rows"]
    assert [row.number for row in rows] == [2]
    cells = {cell.value: cell.errors for cell in rows[0].cells}
    assert "“Atlantide” is not a country of the list" in cells["Atlantide"][0]
    assert cells["fusée"][0].startswith("“fusée” is not allowed in “kind”: write one of company,")
    assert cells["Besançon"] == []
    assert '<td class="cell-error">Atlantide<span class="cell-error-message">' in html
    assert not Organisation.objects.exists()


def test_the_fixed_file_is_confirmed_and_everything_is_saved(staff_client):
    text = (
        "name;kind;postcode;city;country;pitch\n"
        "Ligne Juste;company;25000;Besançon;France;Pitch\n"
        "Ligne Corrigée;startup;25000;Besançon;Suisse;Pitch\n"
    )
    response = upload(staff_client, text.encode(), "membres.csv")
    assert confirm(staff_client, response).status_code == 302
    assert set(Organisation.objects.values_list("country", flat=True)) == {"FR", "CH"}


def test_a_confirmation_that_fails_half_way_saves_nothing(staff_client):
    text = (
        "slug;name;kind;postcode;city;pitch\n"
        "premiere-ligne;Première Ligne;company;25000;Besançon;Pitch\n"
        "seconde-ligne;Seconde Ligne;company;25000;Besançon;Pitch\n"
    )
    response = upload(staff_client, text.encode(), "membres.csv")
    # Between the preview and the confirmation, an organisation with an invalid SIRET takes
    # the second row's slug: the second row now fails, after the first was written.
    OrganisationFactory(slug="seconde-ligne", name="Déjà Là", siret="12345678901234")
    confirmed = confirm(staff_client, response)
    assert confirmed.status_code == 200 and confirmed.context["nothing_saved"]
    assert not Organisation.objects.filter(slug="premiere-ligne").exists()


@pytest.mark.parametrize("page", ["form", "preview"])
def test_the_import_pages_keep_their_query_count_as_the_directory_grows(staff_client, page):
    """The import form and the preview of a three-row file cost as many queries with 5 or
    205 organisations in the directory. The preview is a dry run of the import in a
    transaction rolled back (each row looked up by its own key, saved with its history and
    links): its count follows the rows of the file, never the size of the directory."""
    text = (
        "name;kind;postcode;city;country;pitch\n"
        "Ligne Une;company;25000;Besançon;France;Pitch\n"
        "Ligne Deux;lab;21000;Dijon;France;Pitch\n"
        "Ligne Trois;startup;90000;Belfort;Suisse;Pitch\n"
    ).encode()

    def queries():
        staff_client.get(reverse(IMPORT))  # first-use rows (session, settings)
        with CaptureQueriesContext(connection) as captured:
            if page == "form":
                response = staff_client.get(reverse(IMPORT))
            else:
                response = upload(staff_client, text, "membres.csv")
        assert response.status_code == 200
        return len(captured)

    OrganisationFactory.create_batch(5)
    small = queries()
    OrganisationFactory.create_batch(200)
    assert queries() == small
    assert small <= (12 if page == "form" else 8 + 25 * 3)
