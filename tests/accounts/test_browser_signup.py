"""The visitor's first journey, in a real browser: home, English, sign up, verify, log in."""

import re

import pytest
from django.core import mail

from tests.factories import ArticleFactory, MarketFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_switches_to_english_signs_up_verifies_and_logs_in(page, assert_accessible):
    MarketFactory(name="Véhicule électrique", name_en="Electric vehicle")
    ArticleFactory(title="Une actualité", title_en="A news item")

    page.goto("/")
    assert page.locator("h1").count() == 1
    assert_accessible(page, "home (fr)")

    page.get_by_role("link", name="EN English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_text("A news item").is_visible()
    assert_accessible(page, "home (en)")

    page.get_by_role("link", name="Create an account").first.click()
    page.wait_for_url("**/en/accounts/signup/")
    assert_accessible(page, "sign-up form")
    page.get_by_label("First name").fill("Alice")
    page.get_by_label("Last name").fill("Testeuse")
    page.locator("main").get_by_label("Email").fill("alice@example.org")
    page.locator("#id_password1").fill("a-long-and-unusual-passphrase")
    page.locator("#id_password2").fill("a-long-and-unusual-passphrase")
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url("**/en/accounts/confirm-email/")
    assert_accessible(page, "verification sent")

    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)
    page.goto(link)
    assert_accessible(page, "confirm email")
    page.get_by_role("button", name="Confirm").click()

    page.goto("/en/accounts/login/")
    assert_accessible(page, "login")
    page.locator("main").get_by_label("Email").fill("alice@example.org")
    page.get_by_label("Password").fill("a-long-and-unusual-passphrase")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/en/dashboard/")
    assert page.get_by_role("heading", level=1).inner_text() == "Hello Alice"
    assert_accessible(page, "dashboard")
