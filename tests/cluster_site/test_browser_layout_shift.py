"""No layout shift: the main pages do not move once drawn, with JavaScript on or off.

The cumulative layout shift (CLS) is read from the browser's own ``layout-shift``
performance entries after the page has loaded and its deferred scripts have run: with
JavaScript on, by a buffered PerformanceObserver in the page (the shifts before it started
count too); with JavaScript off, where no script of the page runs, from the same entries
through the DevTools protocol (PerformanceTimeline). The menu
used to be open without JavaScript and to collapse when site.js ran: 0.342 on every page.
"""

import pytest
from django.urls import reverse

from tests.events.factories import EventFactory
from tests.factories import ArticleFactory, MarketFactory
from tests.members.factories import OrganisationFactory, PlatformFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAYOUT_SHIFT = """
() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) total += entry.value;
    }
  }).observe({type: "layout-shift", buffered: true});
  // Two frames and a pause: deferred scripts and late styles have had their effect.
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(total), 300)));
})
"""

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def pages(db):
    market = MarketFactory(theme="electric")
    organisation = OrganisationFactory(name="Volta Essais", markets=[market])
    PlatformFactory(organisation=organisation, markets=[market])
    event = EventFactory(markets=[market], organiser=organisation)
    ArticleFactory(markets=[market])
    return {
        "home": reverse("home"),
        "directory": reverse("members:organisation-list"),
        "profile": organisation.get_absolute_url(),
        "event": event.get_absolute_url(),
        "market": market.get_absolute_url(),
    }


def layout_shifts(browser, live_server, urls, *, javascript: bool, viewport) -> dict:
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, java_script_enabled=javascript
    )
    try:
        tab = context.new_page()
        timeline = []
        devtools = context.new_cdp_session(tab)
        devtools.on("PerformanceTimeline.timelineEventAdded", lambda e: timeline.append(e["event"]))
        devtools.send("PerformanceTimeline.enable", {"eventTypes": ["layout-shift"]})
        shifts = {}
        for name, url in urls.items():
            timeline.clear()
            tab.goto(url, wait_until="load")
            if javascript:
                shifts[name] = tab.evaluate(LAYOUT_SHIFT)
            else:
                tab.wait_for_timeout(500)
                shifts[name] = sum(
                    event["layoutShiftDetails"]["value"]
                    for event in timeline
                    if not event["layoutShiftDetails"]["hadRecentInput"]
                )
        return shifts
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_no_layout_shift_on_the_main_pages(browser, live_server, pages, javascript, viewport):
    shifts = layout_shifts(browser, live_server, pages, javascript=javascript, viewport=viewport)
    assert shifts == dict.fromkeys(pages, 0), shifts


def test_the_menu_opens_on_a_phone_without_javascript(browser, live_server, pages):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    tab = context.new_page()
    tab.goto(pages["home"])
    menu = tab.locator("#site-nav")
    assert not menu.is_visible()
    tab.locator(".navbar-toggler").click()
    assert menu.is_visible()
    assert tab.locator("#site-nav .nav-link").first.is_visible()
    context.close()


def test_the_menu_opens_and_closes_on_a_phone_with_javascript(browser, live_server, pages):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    tab = context.new_page()
    tab.goto(pages["home"])
    menu = tab.locator("#site-nav")
    toggler = tab.locator(".navbar-toggler")
    assert not menu.is_visible()
    toggler.click()
    menu.locator(".nav-link").first.wait_for(state="visible")
    assert toggler.get_attribute("aria-expanded") == "true"
    assert "#site-nav" not in tab.url  # Bootstrap handled it in place
    toggler.click()
    menu.wait_for(state="hidden")
    context.close()
