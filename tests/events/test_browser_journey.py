"""The registration journey in a real browser, with axe-core on every page it visits."""

import re
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from events.models import Event, Registration
from members.models import Membership
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import MarketFactory
from tests.members.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, user):
    """Open a session for ``user`` and hand its cookie to the browser."""
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


def test_member_registers_second_waits_first_cancels_second_claims(
    page, live_server, assert_accessible
):
    market = MarketFactory(theme="electric")
    event = EventFactory(
        title="Atelier batterie",
        capacity=1,
        audience=Event.Audience.MEMBERS,
        markets=[market],
        online_url="https://visio.example/atelier",
    )
    first = MembershipFactory(role=Membership.Role.ADMIN).user
    second = MembershipFactory(role=Membership.Role.COLLEAGUE).user
    page.on("dialog", lambda dialog: dialog.accept())

    # A member registers in one click.
    sign_in(page, live_server, first)
    page.goto(event.get_absolute_url())
    assert_accessible(page, "event page before registering")
    page.get_by_role("button", name="S’inscrire").click()
    page.get_by_text("Vous êtes inscrit.", exact=True).wait_for()
    assert page.get_by_role("link", name="Rejoindre en ligne").is_visible()
    assert_accessible(page, "event page once registered")

    # The event is full: a second member lands on the waiting list.
    sign_in(page, live_server, second)
    page.goto(event.get_absolute_url())
    page.get_by_role("button", name="Rejoindre la liste d’attente").click()
    page.get_by_text("Vous êtes numéro 1 sur la liste d’attente.").wait_for()
    assert page.get_by_role("link", name="Rejoindre en ligne").count() == 0
    assert_accessible(page, "event page on the waiting list")

    # The first cancels from "My events".
    sign_in(page, live_server, first)
    page.goto("/events/mine/")
    assert_accessible(page, "my events")
    page.get_by_role("button", name=re.compile("^Annuler")).click()
    page.get_by_text("est annulée").first.wait_for()
    assert Registration.objects.get(user=first).status == Registration.Status.CANCELLED

    # The second gets an email with a link and claims the seat through it.
    offer = next(m for m in mail.outbox if m.to == [second.email] and "/offers/" in m.body)
    link = re.search(r"https?://\S+/events/offers/\S+/", offer.body).group(0)
    sign_in(page, live_server, second)
    page.goto(urlparse(link).path)
    assert_accessible(page, "seat offer page")
    page.get_by_role("button", name="Confirmer ma place").click()
    page.get_by_text("Vous êtes inscrit.", exact=True).wait_for()
    assert Registration.objects.get(user=second).status == Registration.Status.CONFIRMED
    # The link cannot be used twice.
    page.goto(urlparse(link).path)
    page.get_by_role("heading", name="Vous avez déjà confirmé cette place.").wait_for()
    assert_accessible(page, "used seat offer page")


def test_calendar_and_staff_pages_are_accessible(page, live_server, assert_accessible, staff):
    market = MarketFactory(theme="hydrogen")
    event = EventFactory(title="Conférence hydrogène", markets=[market], capacity=2)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=Registration.Status.WAITING, waiting_rank=1)
    for url in (
        "/events/",
        f"/events/?market={market.slug}",
        "/events/calendar/",
        "/events/archive/",
    ):
        page.goto(url)
        assert_accessible(page, url)
    sign_in(page, live_server, staff)
    for url in (
        "/events/staff/",
        f"/events/{event.slug}/attendees/",
        f"/events/{event.slug}/check-in/",
    ):
        page.goto(url)
        assert_accessible(page, url)
    # Check-in on a phone: search a name, mark present.
    page.set_viewport_size({"width": 375, "height": 800})
    person = event.registrations.filter(status="confirmed").first().user
    page.get_by_label("Nom, e-mail ou organisation").fill(person.last_name)
    page.get_by_role("button", name="Rechercher").click()
    page.get_by_role("button", name=re.compile("^Présent")).first.click()
    page.get_by_text("1 présent sur 2 inscrits").wait_for()
    assert_accessible(page, "check-in on a phone")
