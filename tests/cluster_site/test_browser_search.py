"""A visitor searches the portal in a real browser: types words without accents, narrows
the results by a facet with the "Apply" button (choosing a facet does not move the page),
and finds the words highlighted; axe-core on each step, at desktop and phone widths."""

import pytest

from tests.events.factories import EventFactory
from tests.factories import ArticleFactory, MarketFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_filter_by_facet_and_see_the_words_highlighted(page, assert_accessible):
    hydrogen = MarketFactory(theme="hydrogen", name="Hydrogène", slug="hydrogene")
    ArticleFactory(title="Stations à hydrogène : un bilan", markets=[hydrogen])
    ArticleFactory(title="Hydrogène et batteries")
    EventFactory(title="Atelier hydrogène à Belfort", markets=[hydrogen])

    page.goto("/")
    page.goto("/search/")
    page.fill("#search-q", "hydrogene")
    page.click("main form button[type=submit] >> nth=0")
    page.wait_for_url("**/search/?q=hydrogene")
    assert page.locator("#search-results-title").inner_text().startswith("4 ")
    assert_accessible(page, "(results)")

    # Choosing a facet changes nothing until "Apply" is pressed (WCAG 3.2.2).
    page.check("#facet-type-event")
    page.wait_for_timeout(200)
    assert "type=" not in page.url
    page.click("main form .search-facets button[type=submit]")
    page.wait_for_url("**type=event**")
    results = page.locator(".search-result")
    assert results.count() == 1
    assert results.first.locator("mark").first.inner_text() == "hydrogène"
    assert "Atelier" in results.first.inner_text()
    assert page.locator("#facet-type-event").is_checked()
    assert_accessible(page, "(filtered)")

    page.set_viewport_size({"width": 375, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    assert_accessible(page, "(375 px)")
