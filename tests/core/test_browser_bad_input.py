"""In a real browser: a search with a NUL byte gets the site's 400 page, accessible, from
which the visitor goes back home."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_malformed_search_shows_the_400_page_and_leads_home(page, assert_accessible):
    response = page.goto("/en/search/?q=a%00b")
    assert response.status == 400
    assert page.locator("h1").inner_text() == "This request could not be understood"
    assert_accessible(page, "400 (en)")

    response = page.goto("/trainings/?q=a%00")
    assert response.status == 400
    assert page.locator("html").get_attribute("lang") == "fr"
    assert_accessible(page, "400 (fr)")
    page.get_by_role("link", name="Retour à l'accueil").click()
    page.wait_for_url("**/")
    assert page.locator("h1").count() == 1
