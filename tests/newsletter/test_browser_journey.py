"""The newsletter and alerts in a real browser, axe-core on every page visited: a visitor
subscribes from the home page, confirms from the email, receives an issue and leaves with
the one-click unsubscribe of the mail program; a member follows a market and receives a
digest listing a new matching partner search, whose author sees how many were alerted."""

import io
import re
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client

from members.models import Membership
from newsletter.models import Follow, Issue, Subscriber
from tests.factories import MarketFactory, StaffFactory
from tests.members.factories import MembershipFactory, OrganisationFactory
from tests.newsletter.factories import IssueFactory
from tests.projects.factories import PartnerSearchFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def path_of(url: str) -> str:
    parts = urlparse(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_subscribe_confirm_receive_unsubscribe(page, live_server, assert_accessible, settings):
    settings.NEWSLETTER_BATCH_PAUSE = 0
    settings.SITE_URL = live_server.url
    MarketFactory(theme="electric")

    # A visitor subscribes from the box of the home page.
    page.goto("/")
    assert_accessible(page, "home page with the newsletter box")
    page.locator("#id_email_home").fill("visiteur@example.org")
    page.locator("section.newsletter-band form.subscribe-box button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/newsletter/subscribe/done/$"))
    assert_accessible(page, "check your inbox")
    assert len(mail.outbox) == 1
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING

    # The confirmation link of the email.
    link = re.search(r"\S+/newsletter/confirm/\S+/", mail.outbox[0].body).group(0)
    page.goto(path_of(link))
    assert_accessible(page, "subscription confirmed")
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed

    # Staff send an issue from the back-office, seeing the number of recipients first.
    issue = IssueFactory(subject="Lettre du parcours")
    staff_page = page.context.browser.new_context(base_url=live_server.url).new_page()
    sign_in(staff_page, live_server, StaffFactory())
    staff_page.goto(f"/admin/newsletter/issue/{issue.pk}/send/")
    assert staff_page.locator("#recipient-count strong").inner_text() == "1"
    staff_page.locator("input.default[type=submit]").click()
    staff_page.wait_for_url(re.compile(rf".*/admin/newsletter/issue/{issue.pk}/change/"))
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    message = mail.outbox[-1]
    assert message.to == ["visiteur@example.org"] and "Lettre du parcours" in message.subject

    # The mail program's "Unsubscribe" button: a POST to the List-Unsubscribe address.
    unsubscribe = re.search(r"<(https?://[^>]+)>", message.extra_headers["List-Unsubscribe"])[1]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    response = page.request.post(
        unsubscribe, form={"List-Unsubscribe": "One-Click"}, max_redirects=0
    )
    assert response.status == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED

    # The links of the email: the unsubscribe page and the preferences.
    page.goto(path_of(unsubscribe))
    assert_accessible(page, "unsubscribed page")
    page.goto(subscriber.get_absolute_url())
    assert_accessible(page, "preferences page")

    # The public archive shows the issue, in French and in English.
    page.goto(issue.get_absolute_url())
    assert page.locator("h1").inner_text() == "Lettre du parcours"
    assert_accessible(page, "issue in the archive")
    page.goto("/en/newsletter/")
    assert_accessible(page, "archive in English")
    page.goto("/newsletter/subscribe/")
    assert_accessible(page, "sign-up page")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_member_follows_a_market_and_gets_a_digest(page, live_server, assert_accessible, settings):
    settings.SITE_URL = live_server.url
    market = MarketFactory(theme="hydrogen")
    reader = MembershipFactory(role=Membership.Role.COLLEAGUE).user
    author_org = OrganisationFactory(name="Hydrogène fictif SAS")
    author = MembershipFactory(organisation=author_org, role=Membership.Role.ADMIN).user

    # One click on the market's page.
    sign_in(page, live_server, reader)
    page.goto(market.get_absolute_url())
    page.locator("form.follow-form button[aria-pressed=false]").click()
    page.locator("form.follow-form button[aria-pressed=true]").wait_for()
    assert_accessible(page, "market page, followed")
    assert Follow.objects.filter(user=reader, market=market).exists()
    page.goto("/newsletter/mine/")
    assert_accessible(page, "my subscriptions and alerts")

    # Another member posts a matching partner search; the daily job sends the digest.
    search = PartnerSearchFactory(
        organisation=author_org, author=author, title="Réservoir composite", markets=[market]
    )
    call_command("send_digests", stdout=io.StringIO())
    [digest] = [m for m in mail.outbox if m.to == [reader.email]]
    assert "Réservoir composite" in digest.body
    assert search.get_absolute_url() in digest.alternatives[0][0]

    # The author sees on the post how many members were alerted.
    sign_in(page, live_server, author)
    page.goto(search.get_absolute_url())
    assert page.locator("#alerted-title").is_visible()
    assert "1" in page.locator("#alerted-title + p").inner_text()
    assert_accessible(page, "partner search with the alerted count")
