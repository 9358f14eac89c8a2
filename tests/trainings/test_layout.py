"""Layouts beyond the desktop screen: every trainings page fits a 375 px phone without
sideways scrolling (and passes axe-core there), and the training page prints as a clean
programme: one column, no navigation or buttons, the page's address and the print date."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.trainings.factories import (
    CertifyingTrainingFactory,
    EnrolmentFactory,
    PastSessionFactory,
    SatisfactionAnswerFactory,
    SessionFactory,
)
from tests.trainings.test_browser_journey import sign_in
from trainings.models import Enrolment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_training_page_prints_as_a_programme(page, live_server, provider):
    training = CertifyingTrainingFactory(title="Animer un chantier lean")
    SessionFactory(training=training)
    page.goto(training.get_absolute_url())
    request_button = page.get_by_role("link", name=re.compile("^Demander une place"))
    assert request_button.is_visible()
    assert not page.locator(".print-source").is_visible()

    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".breadcrumb", "[data-print]"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert not request_button.is_visible()
    main = page.locator(".training-main").bounding_box()
    aside = page.locator(".training-aside").bounding_box()
    assert aside["x"] == main["x"] and aside["width"] == main["width"]  # one column
    assert aside["y"] >= main["y"] + main["height"]
    for heading in ("Objectifs", "Programme", "Accessibilité aux personnes handicapées"):
        assert page.get_by_role("heading", name=heading, level=2).is_visible()
    source = page.locator(".print-source")
    assert source.is_visible()
    assert training.get_absolute_url() in source.inner_text()

    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 5, pages


def test_every_page_fits_a_phone(page, live_server, provider, assert_accessible):
    training = CertifyingTrainingFactory(
        title="Sécurité fonctionnelle ISO 26262 : les bases, pour les équipes de conception"
    )
    session = SessionFactory(training=training, venue="Pôle Véhicule du Futur – salle Peugeot")
    past = PastSessionFactory(training=training)
    person = UserFactory()
    for status in ("confirmed", "waiting_list", "attended"):
        EnrolmentFactory(
            session=past if status == "attended" else session,
            requester=person,
            participant_user=person,
            participant_email=person.email if status == "attended" else "",
            company_name="Entreprise au nom particulièrement long (démo)",
            status=status,
        )
    SatisfactionAnswerFactory(enrolment__session=past)
    attended = Enrolment.objects.get(status="attended", requester=person)
    closed = SessionFactory(training=training, start_date=timezone.localdate() + timedelta(days=2))
    pages = [
        reverse("trainings:training-list"),
        reverse("trainings:training-list") + "?market=electric&upcoming=1&q=batterie",
        training.get_absolute_url(),
        reverse("trainings:enrolment-create", args=[session.pk]),
        reverse("trainings:enrolment-create", args=[closed.pk]),
        reverse("trainings:custom-request-create"),
        attended.survey_path,
        "/trainings/survey/not-a-token/",
    ]
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, live_server, person)
    pages.append(reverse("trainings:enrolment-list"))
    for path in pages + ["/en" + path for path in pages]:
        page.goto(path)
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], (path, widths)
        if not path.startswith("/en/"):  # the English pages have the same markup
            assert_accessible(page, f"at 375 px: {path}")
