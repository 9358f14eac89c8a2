"""In a real browser, a visitor goes from the home page's "Join" button to the join page
(benefits, fees, steps), then writes to the membership team through the contact form.
axe-core checks every page on the way; the pages fit a 375 px screen."""

import pytest
from django.utils import timezone

from content.models import ContactRequest, ContactSettings
from core.models import OutgoingEmail
from tests.billing.factories import FeeScaleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits(page, width: int) -> bool:
    page.set_viewport_size({"width": width, "height": 800})
    return page.evaluate("document.documentElement.scrollWidth") <= width


def test_visitor_joins_from_the_home_page_and_writes_to_the_membership_team(
    page, assert_accessible
):
    ContactSettings.objects.create(
        street="1 rue de la Démonstration",
        postcode="25460",
        city="Étupes",
        phone="+33 3 00 00 00 00",
        opening_hours_en="Monday to Friday, 9 am to 5 pm",
        membership_email="adhesion@team.example",
        projects_email="projets@team.example",
        training_email="formation@team.example",
        events_email="evenements@team.example",
        press_email="presse@team.example",
    )
    FeeScaleFactory(year=timezone.localdate().year, is_published=True)

    page.goto("/en/")
    assert_accessible(page, "home")
    page.locator(".hero").get_by_role("link", name="Join").click()
    page.wait_for_url("**/en/members/apply/")
    assert page.get_by_role("heading", name="What members get").is_visible()
    assert page.get_by_role("heading", name="Steps and delays").is_visible()
    fees = page.locator("table").first.inner_text()
    assert "€1,200" in fees and "€400" in fees
    assert "within 20 working days" in page.locator("main").inner_text()
    assert_accessible(page, "join page")
    assert fits(page, 375)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Contact us").first.click()
    page.wait_for_url("**/en/contact/?topic=membership")
    assert "Monday to Friday" in page.locator("main").inner_text()
    assert "@team.example" not in page.content()
    assert_accessible(page, "contact page")
    assert fits(page, 375)
    page.set_viewport_size({"width": 1280, "height": 900})

    # A first try with a message too short: the error shows next to the field.
    assert page.locator("main #id_topic").input_value() == "membership"
    page.locator("main #id_name").fill("Alice Exemple")
    page.locator("main #id_email").fill("alice@visitor.example")
    page.locator("main #id_subject").fill("Joining as a start-up")
    page.locator("main #id_message").fill("Too short")
    page.locator("main form [type=submit]").click()
    assert page.locator("#id_message.is-invalid").is_visible()
    assert_accessible(page, "contact form with an error")

    page.locator("main #id_message").fill("We are a start-up in Belfort: can we join this year?")
    page.locator("main form [type=submit]").click()
    page.wait_for_url("**/en/contact/sent/")
    assert_accessible(page, "message sent")

    sent = ContactRequest.objects.get()
    assert (sent.topic, sent.routed_to) == ("membership", "adhesion@team.example")
    assert OutgoingEmail.objects.get().recipients == "adhesion@team.example"
