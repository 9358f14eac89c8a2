"""The visitor's journey in a real browser, then staff confirm the seat; axe-core on each page."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from tests.factories import MarketFactory, StaffFactory
from tests.trainings.factories import SessionFactory, TrainingFactory
from trainings.demo import load_provider
from trainings.models import Enrolment

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


def test_visitor_finds_a_training_by_market_requests_a_seat_and_staff_confirm_it(
    page, live_server, assert_accessible
):
    load_provider()
    hydrogen = MarketFactory(theme="hydrogen", name="Hydrogène")
    electric = MarketFactory(theme="electric", name="Véhicule électrique")
    training = TrainingFactory(
        title="Manipuler l'hydrogène en sécurité",
        markets=[hydrogen],
        prerequisites="Aucun prérequis technique.",
    )
    session = SessionFactory(training=training, seats=8)
    TrainingFactory(title="Sécurité des batteries", markets=[electric])

    # The visitor narrows the catalogue to the hydrogen market.
    page.goto("/trainings/")
    assert_accessible(page, "catalogue")
    page.get_by_role("link", name="Hydrogène", exact=True).click()
    page.wait_for_url(re.compile(r"market=hydrogen"))
    assert page.get_by_role("link", name="Sécurité des batteries").count() == 0
    assert_accessible(page, "catalogue filtered by market")
    page.get_by_role("link", name="Manipuler l'hydrogène en sécurité").click()

    # The training page gives the Qualiopi information before anyone enrols.
    page.get_by_role("heading", name="Manipuler l'hydrogène en sécurité", level=1).wait_for()
    for heading in ("Objectifs", "Pour qui ?", "Accessibilité aux personnes handicapées"):
        assert page.get_by_role("heading", name=heading, level=2).is_visible()
    assert page.get_by_text("Aucun prérequis technique.").is_visible()
    assert page.get_by_text(re.compile("Informations mises à jour le")).is_visible()
    # site.js reveals the print button once it runs; wait for it rather than race it.
    page.get_by_role("button", name="Imprimer le programme").wait_for(state="visible")
    assert_accessible(page, "training page")

    # The visitor requests a seat for themselves.
    page.get_by_role("link", name=re.compile("^Demander une place")).click()
    page.get_by_role("heading", name="Demander une place", level=1).wait_for()
    assert not page.get_by_label("E-mail du participant").is_visible()  # only for another person
    assert_accessible(page, "request form")
    page.get_by_label("Votre prénom").fill("Nina")
    page.get_by_label("Votre nom").fill("Visiteuse")
    page.get_by_label("Votre e-mail").fill("nina@entreprise.example")
    page.get_by_label("Nom de l'entreprise").fill("Entreprise Visiteuse")
    page.get_by_label("Aménagements nécessaires").fill("Sous-titres pour la partie vidéo")
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.get_by_text(re.compile("Votre demande pour Nina Visiteuse est enregistrée")).wait_for()
    assert page.get_by_text("7 places restantes").is_visible()
    assert_accessible(page, "training page after the request")
    enrolment = Enrolment.objects.get(session=session)
    assert enrolment.status == Enrolment.Status.REQUESTED
    assert enrolment.accessibility_needs == "Sous-titres pour la partie vidéo"

    # Staff confirm the seat in the back-office; the visitor gets an email.
    mail.outbox.clear()
    sign_in(page, live_server, StaffFactory())
    page.goto("/admin/trainings/enrolment/")
    page.get_by_role("checkbox", name=re.compile("Nina Visiteuse")).check()
    assert_accessible(page, "back-office list of requests")
    page.locator("select[name=action]").select_option(label="Confirmer les demandes sélectionnées")
    page.get_by_role("button", name="Exécuter").click()
    page.get_by_text(re.compile("1 demande mise à jour")).wait_for()
    assert_accessible(page, "back-office after confirming")
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED
    # The confirmation, and the invoice of the priced session (billing), both to the visitor.
    assert [m.to for m in mail.outbox] == [["nina@entreprise.example"]] * 2
    subjects = sorted(m.subject for m in mail.outbox)
    assert "Facture" in subjects[0] and "Place confirmée" in subjects[1]
