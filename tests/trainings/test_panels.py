"""What the trainings app adds to the market pages, the home page and the dashboard."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import MarketFactory
from tests.trainings.factories import (
    EnrolmentFactory,
    PastSessionFactory,
    SessionFactory,
    TrainingFactory,
)
from trainings.models import Enrolment, Training

pytestmark = pytest.mark.django_db


def test_market_page_lists_its_trainings(client):
    market = MarketFactory(theme="hydrogen")
    other = MarketFactory(theme="electric")
    training = TrainingFactory(title="Manipuler l'hydrogène", markets=[market])
    SessionFactory(training=training)
    TrainingFactory(title="Batteries", markets=[other])
    TrainingFactory(title="Brouillon H2", markets=[market], status=Training.Status.DRAFT)
    html = client.get(market.get_absolute_url()).content.decode()
    assert "Formations sur ce marché" in html
    assert "Manipuler l&#x27;hydrogène" in html
    assert "Batteries" not in html
    assert "Brouillon H2" not in html
    assert f"{reverse('trainings:training-list')}?market={market.slug}" in html


def test_market_without_trainings_shows_no_panel(client):
    market = MarketFactory(theme="services")
    assert "Formations sur ce marché" not in client.get(market.get_absolute_url()).content.decode()


def test_home_page_shows_the_next_sessions(client):
    soon = SessionFactory(
        training=TrainingFactory(title="Bientôt"),
        start_date=timezone.localdate() + timedelta(days=3),
    )
    PastSessionFactory(training=TrainingFactory(title="Passée"))
    SessionFactory(training=TrainingFactory(title="Cachée", status=Training.Status.DRAFT))
    html = client.get(reverse("home")).content.decode()
    assert "Prochaines sessions de formation" in html
    assert "Bientôt" in html
    assert "Passée" not in html
    assert "Cachée" not in html
    assert soon.get_absolute_url() in html


def test_dashboard_shows_my_requests_and_the_questionnaires_to_answer(client, user):
    EnrolmentFactory(requester=user, participant_last_name="Collègue", status="confirmed")
    attended = EnrolmentFactory(
        session=PastSessionFactory(training=TrainingFactory(title="Sécurité batteries")),
        participant_user=user,
        status=Enrolment.Status.ATTENDED,
    )
    client.force_login(user)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Mes formations" in html
    assert "Inès Collègue" in html
    assert "Confirmée" in html
    assert "Un questionnaire vous attend" in html
    assert attended.survey_path in html


def test_dashboard_invites_to_browse_when_there_is_nothing(client, user):
    client.force_login(user)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Vous n&#x27;avez encore demandé aucune place" in html or (
        "Vous n'avez encore demandé aucune place" in html
    )
