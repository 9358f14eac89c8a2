"""In a real browser: an organisation admin deletes a platform; the page that asks first says
what goes and what stays, then the platform is gone. axe-core checks the pages."""

import pytest
from django.utils.translation import gettext as _

from members.models import Membership, Platform
from tests.factories import PASSWORD, UserFactory
from tests.members.factories import MembershipFactory, OrganisationFactory, PlatformFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_deleting_a_platform_asks_first_and_says_what_goes(page, assert_accessible):
    organisation = OrganisationFactory(name="Essais Fictifs")
    platform = PlatformFactory(organisation=organisation, name="Banc moteur fictif")
    admin = UserFactory(email="admin@essais-fictifs.example")
    MembershipFactory(organisation=organisation, user=admin, role=Membership.Role.ADMIN)

    page.goto("/accounts/login/")
    page.locator("input[name=login]").fill(admin.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url("**/dashboard/")

    page.goto(f"/members/{organisation.slug}/platforms/{platform.slug}/edit/")
    page.get_by_role("link", name=_("Delete the platform")).click()
    page.wait_for_url(f"**/platforms/{platform.slug}/delete/")
    assert "Banc moteur fictif" in page.locator("h1").inner_text()
    assert_accessible(page, "delete confirmation")
    assert Platform.objects.filter(pk=platform.pk).exists()  # asking deleted nothing

    page.get_by_role("button", name=_("Delete for good")).click()
    page.wait_for_url(f"**/members/{organisation.slug}/")
    assert not Platform.objects.filter(pk=platform.pk).exists()
