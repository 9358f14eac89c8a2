"""The guided import in a real browser: staff upload a member list with one bad row, read the
error in its cell, upload the fixed file and confirm; every step passes axe-core."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from members.models import Organisation
from tests.factories import StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = "name;kind;postcode;city;country;pitch\n"
GOOD = "Atelier Navette Fictive;startup;25000;Besançon;France;Navettes autonomes d'essai\n"


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def upload(page, text: str) -> None:
    page.set_input_files(
        "#content form input[type=file]",
        files=[{"name": "membres.csv", "mimeType": "text/csv", "buffer": text.encode()}],
    )
    page.locator("#content form input[type=submit]").first.click()


def test_upload_a_bad_row_read_the_error_fix_it_and_confirm(page, live_server, assert_accessible):
    sign_in(page, live_server, StaffFactory())
    page.goto(reverse("admin:members_organisation_import"))
    assert page.locator("a[href$='template.xlsx']").count() == 1
    assert page.locator("a[href$='template.csv']").count() == 1
    # No format to choose: it follows the file's name, as the field's help says.
    assert page.locator("#content form select").count() == 0
    upload_field = page.locator("#content form input[type=file]")
    assert upload_field.get_attribute("accept") == ".csv,.xlsx"
    help_id = upload_field.get_attribute("aria-describedby")
    assert "le format suit le nom du fichier" in page.locator(f"#{help_id}").inner_text()
    assert_accessible(page, "the import page")

    # One row is wrong: the country does not exist. Nothing is saved.
    upload(page, HEADER + GOOD + "Forge Fictive;company;70200;Lure;Atlantide;Forge\n")
    error = page.locator("td.cell-error")
    error.first.wait_for()
    assert error.count() == 1
    assert "Atlantide" in error.inner_text() and "DE" in error.inner_text()
    assert page.locator("input[name=confirm]").count() == 0
    assert_accessible(page, "the preview with an error")
    assert not Organisation.objects.exists()

    # The fixed file shows a preview; confirming saves both rows.
    upload(page, HEADER + GOOD + "Forge Fictive;company;70200;Lure;Allemagne;Forge\n")
    page.locator("input[name=confirm]").wait_for()
    assert page.locator("td.cell-error").count() == 0
    assert_accessible(page, "the preview to confirm")
    page.locator("input[name=confirm]").click()
    page.wait_for_url("**/members/organisation/")
    assert set(Organisation.objects.values_list("country", flat=True)) == {"FR", "DE"}
