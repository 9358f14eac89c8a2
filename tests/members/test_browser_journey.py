"""In a real browser: an organisation admin signs in, edits the pitch, uploads a logo and
invites a colleague, who accepts; a visitor then finds the organisation through the filters.
axe-core checks every page on the way."""

import re

import pytest
from django.core import mail
from django.utils.translation import gettext as _

from members.models import Membership
from tests.factories import PASSWORD, UserFactory
from tests.members.conftest import png_bytes
from tests.members.factories import MembershipFactory, OrganisationFactory, PlatformFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, email):
    page.goto("/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url("**/dashboard/")


def test_admin_edits_uploads_invites_colleague_accepts_visitor_finds_it(
    browser, live_server, page, assert_accessible, markets
):
    organisation = OrganisationFactory(
        name="Voltaïa Essais", postcode="67000", city="Strasbourg", markets=[markets["electric"]]
    )
    OrganisationFactory(name="Autre Comtoise", postcode="25000", markets=[markets["electric"]])
    PlatformFactory(organisation=organisation, name="Banc batteries")
    admin = UserFactory(email="admin@voltaia.example", first_name="Alix")
    MembershipFactory(
        organisation=organisation,
        user=admin,
        role=Membership.Role.ADMIN,
        visibility=Membership.Visibility.PUBLIC,
    )
    colleague = UserFactory(email="colleague@voltaia.example", first_name="Camille")

    # The admin signs in and finds their organisation on the dashboard.
    sign_in(page, admin.email)
    assert_accessible(page, "dashboard")
    page.get_by_role("link", name=_("Edit the profile")).first.click()
    page.wait_for_url(f"**/members/{organisation.slug}/edit/")
    assert_accessible(page, "profile form")

    # Edit the pitch and upload a logo; the preview shows before saving.
    page.locator("#id_pitch_fr").fill("Bancs d'essai pour batteries de véhicules électriques.")
    page.locator("#id_siret").fill("73282932000074")
    page.locator("#id_logo").set_input_files(
        {"name": "logo.png", "mimeType": "image/png", "buffer": png_bytes(300, 300)}
    )
    assert page.locator("#logo-preview").is_visible()
    page.get_by_role("button", name=_("Save the profile")).click()
    page.wait_for_url(f"**/members/{organisation.slug}/")
    assert "Bancs d'essai pour batteries" in page.locator(".lead").first.inner_text()
    assert page.locator("img.org-logo").count() == 1
    assert_accessible(page, "profile (admin)")

    # Invite a colleague from the people page.
    page.get_by_role("link", name=_("People and invitations")).first.click()
    assert_accessible(page, "people page")
    page.locator("#id_email").fill(colleague.email)
    page.get_by_role("button", name=_("Send the invitation")).click()
    page.wait_for_url(f"**/members/{organisation.slug}/people/")
    assert colleague.email in page.locator("main").inner_text()
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)
    assert "/members/invitations/" in link

    # The colleague opens the link in their own browser, signs in and accepts.
    other = browser.new_context(base_url=live_server.url)
    colleague_page = other.new_page()
    colleague_page.goto(link)
    assert_accessible(colleague_page, "invitation (anonymous)")
    colleague_page.get_by_role("link", name=_("Sign in")).last.click()
    colleague_page.locator("input[name=login]").fill(colleague.email)
    colleague_page.locator("input[name=password]").fill(PASSWORD)
    colleague_page.locator("main form button[type=submit]").last.click()
    colleague_page.wait_for_url(f"**{link}")
    assert_accessible(colleague_page, "invitation (signed in)")
    colleague_page.get_by_role("button", name=_("Accept the invitation")).click()
    colleague_page.wait_for_url(f"**/members/{organisation.slug}/me/")
    assert_accessible(colleague_page, "my place")
    assert organisation.memberships.filter(user=colleague).exists()
    colleague_page.goto(link)
    assert _("This invitation cannot be used") in colleague_page.locator("h1").inner_text()
    other.close()

    # A visitor finds the organisation with the directory's filters: the selects submit the
    # form by themselves with JavaScript...
    visitor = browser.new_context(base_url=live_server.url)
    visitor_page = visitor.new_page()
    visitor_page.goto("/members/")
    assert_accessible(visitor_page, "directory")
    # Choosing an option changes nothing by itself (WCAG 3.2.2): the button applies them.
    visitor_page.locator("#id_market").select_option("electric")
    visitor_page.locator("#id_region").select_option("grand-est")
    visitor_page.wait_for_timeout(300)
    assert visitor_page.url.endswith("/members/")
    visitor_page.get_by_role("button", name=_("Show the organisations")).click()
    visitor_page.wait_for_url("**/members/?*region=grand-est*")
    assert "market=electric" in visitor_page.url
    assert visitor_page.locator("article.org-card h3").all_inner_texts() == ["Voltaïa Essais"]
    assert_accessible(visitor_page, "filtered directory")
    visitor_page.get_by_role("link", name="Voltaïa Essais").click()
    visitor_page.wait_for_url(f"**/members/{organisation.slug}/")
    assert "Alix" in visitor_page.locator("main").inner_text()
    assert admin.email not in visitor_page.content()
    assert_accessible(visitor_page, "profile (visitor)")
    visitor.close()

    # ... and with the submit button without JavaScript (axe-core needs JavaScript: the same
    # pages were checked above).
    no_script = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    plain_page = no_script.new_page()
    plain_page.goto("/members/")
    plain_page.locator("#id_market").select_option("electric")
    plain_page.locator("#id_region").select_option("grand-est")
    plain_page.get_by_role("button", name=_("Show the organisations")).click()
    plain_page.wait_for_url("**/members/?*region=grand-est*")
    assert plain_page.locator("article.org-card h3").all_inner_texts() == ["Voltaïa Essais"]
    no_script.close()


def test_map_platforms_and_application_pages_are_accessible(page, assert_accessible, markets):
    organisation = OrganisationFactory(postcode="25000", markets=[markets["hydrogen"]])
    PlatformFactory(organisation=organisation, name="Banc hydrogène", markets=[markets["hydrogen"]])
    for url, label in [
        ("/members/map/", "map"),
        ("/members/platforms/?q=hydrogene", "platforms"),
        ("/members/apply/", "application form"),
        ("/en/members/", "directory in English"),
    ]:
        page.goto(url)
        assert page.locator("h1").count() == 1
        assert_accessible(page, label)
    page.goto("/members/platforms/?q=hydrogene")
    assert page.locator("article.platform-card").count() == 1
    # The directory at 375 px wide: no horizontal scrolling.
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/members/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page, "directory at 375 px")


def test_every_members_page_fits_375_px_and_a_missing_logo_shows_initials(
    page, assert_accessible, markets
):
    from members.models import Organisation
    from tests.members.factories import JoinRequestFactory, invitation_for

    organisation = OrganisationFactory(
        name="Établissements Très Longuement Nommés de Franche-Comté",
        postcode="25000",
        markets=list(markets.values()),
    )
    # A logo whose file is gone (a restored database without its media, say).
    Organisation.objects.filter(pk=organisation.pk).update(logo="logos/disparu.png")
    admin = UserFactory(email="admin@longue.example", first_name="Maximilienne")
    MembershipFactory(organisation=organisation, user=admin, role=Membership.Role.ADMIN)
    MembershipFactory(organisation=organisation, job_title="Responsable des essais climatiques")
    JoinRequestFactory(organisation=organisation, message="Un message " * 30)
    platform = PlatformFactory(organisation=organisation, name="Chambre climatique et vibratoire")
    # An invitation to another organisation, sent to an address the admin does not have.
    _invitation, token = invitation_for(
        OrganisationFactory(name="Atelier Voisin"), email="someone.else@voisin.example"
    )

    page.goto("/members/")
    card = page.locator("article.org-card", has_text="Longuement")
    card.locator(".org-logo-placeholder").wait_for()
    assert card.locator(".org-logo-placeholder").inner_text() == "ÉT"
    assert card.locator("img").count() == 0

    sign_in(page, admin.email)
    page.set_viewport_size({"width": 375, "height": 800})
    slug = organisation.slug
    for url in [
        "/members/",
        "/members/map/",
        "/members/platforms/",
        f"/members/platforms/{platform.slug}/",
        f"/members/{slug}/",
        f"/members/{slug}/edit/",
        f"/members/{slug}/people/",
        f"/members/{slug}/me/",
        f"/members/{slug}/platforms/new/",
        "/members/apply/",
        f"/members/invitations/{token}/",
        "/en/members/",
    ]:
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, (url, width)
    # The invitation of another address asks the signed-in person to confirm.
    page.goto(f"/members/invitations/{token}/")
    assert page.locator("input[name=confirm_account]").count() == 1
    assert_accessible(page, "invitation for another address, 375 px")
    page.goto(f"/members/{slug}/people/")
    assert_accessible(page, "people page, 375 px")
