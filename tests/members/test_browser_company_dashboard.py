"""In a real browser: visitors read an organisation's profile (counted without cookies,
from the page cache too), the figures are flushed, and the organisation's admin finds them
on the company dashboard with the team and the requests waiting. axe-core checks the pages."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import audience
from members.models import Membership
from tests.billing.test_browser_journey import sign_in as sign_in_with_session
from tests.factories import StaffFactory, UserFactory
from tests.members.factories import JoinRequestFactory, MembershipFactory, OrganisationFactory
from tests.members.test_browser_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"


def test_visits_are_counted_and_the_admin_reads_them_on_the_company_dashboard(
    browser, live_server, page, assert_accessible
):
    organisation = OrganisationFactory(name="Voltaïa Essais")
    admin = UserFactory(email="admin@voltaia.example", first_name="Alix")
    MembershipFactory(organisation=organisation, user=admin, role=Membership.Role.ADMIN)
    JoinRequestFactory(organisation=organisation, user=UserFactory(first_name="Noé"))

    # Two visitors read the public profile (the second from the page cache): no cookie is
    # set, both views are counted.
    for _visitor in range(2):
        visitor = browser.new_context(base_url=live_server.url, user_agent=READER)
        visitor.new_page().goto(organisation.get_absolute_url())
        assert visitor.cookies() == []
        visitor.close()
    assert audience.flush() == 1

    # The admin goes from the personal dashboard to the company dashboard.
    sign_in(page, admin.email)
    page.get_by_role("link", name=_("Company dashboard")).first.click()
    page.wait_for_url(f"**/members/{organisation.slug}/dashboard/")
    assert_accessible(page, "company dashboard")
    assert page.locator("h1").inner_text().startswith("Voltaïa Essais")
    assert "Noé" in page.locator("#team-title").locator("..").inner_text()
    figures = page.locator("section[aria-labelledby=audience-title]").inner_text()
    views = ngettext(
        "%(counter)s view of your public profile over the last twelve months.",
        "%(counter)s views of your public profile over the last twelve months.",
        2,
    ) % {"counter": 2}
    assert views in figures

    # At 375 px the page fits the screen, and the profile leads back to the dashboard.
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.get_by_role("link", name=_("See the public profile")).click()
    page.wait_for_url(f"**/members/{organisation.slug}/")
    assert page.get_by_role("link", name=_("Company dashboard")).is_visible()


def test_staff_read_the_most_viewed_pages_in_the_back_office(
    browser, live_server, page, assert_accessible
):
    organisation = OrganisationFactory(name="Voltaïa Essais")
    for _visit in range(3):
        audience.record(audience.item_key(organisation))
    audience.flush()
    sign_in_with_session(page, live_server, StaffFactory())
    page.goto(reverse("admin:core_pageviewday_audience"))
    page.select_option("#id_period", "7")
    page.locator("#content-main form input[type=submit]").click()
    page.wait_for_url("**period=7**")
    assert_accessible(page, "audience page")
    top = page.locator("#content-main table").first.inner_text()
    assert "Voltaïa Essais" in top and "3" in top
