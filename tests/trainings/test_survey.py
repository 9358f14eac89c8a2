"""The satisfaction questionnaire: one personal link per participant, one answer, attended only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.trainings.factories import EnrolmentFactory, PastSessionFactory, SessionFactory
from trainings.models import Enrolment, SatisfactionAnswer

pytestmark = pytest.mark.django_db

ANSWER = {"rating": "4", "objectives_met": "partly", "would_recommend": "yes", "comment": "Bien."}


@pytest.fixture
def attended():
    return EnrolmentFactory(session=PastSessionFactory(), status=Enrolment.Status.ATTENDED)


def test_participant_answers_through_their_link(client, attended):
    response = client.get(attended.survey_path)
    assert response.status_code == 200
    assert "comment évaluez-vous cette formation ?" in response.content.decode()
    response = client.post(attended.survey_path, ANSWER)
    assert response.status_code == 302
    answer = SatisfactionAnswer.objects.get()
    assert (answer.enrolment, answer.rating, answer.objectives_met) == (attended, 4, "partly")
    assert answer.would_recommend is True
    assert attended.session.training.results().answers == 1


def test_answering_twice_is_refused_with_a_clear_page(client, attended):
    client.post(attended.survey_path, ANSWER)
    for method in (client.get, client.post):
        response = (
            method(attended.survey_path, ANSWER)
            if method == client.post
            else method(attended.survey_path)
        )
        assert response.status_code == 403
        assert "Vous avez déjà répondu" in response.content.decode()
    assert SatisfactionAnswer.objects.count() == 1


@pytest.mark.parametrize("status", ["absent", "cancelled", "confirmed", "waiting_list"])
def test_someone_who_did_not_attend_is_refused(client, status):
    enrolment = EnrolmentFactory(session=PastSessionFactory(), status=status)
    response = client.post(enrolment.survey_path, ANSWER)
    assert response.status_code == 403
    assert "réservé aux participants présents" in response.content.decode()
    assert not SatisfactionAnswer.objects.exists()


def test_the_questionnaire_waits_for_the_end_of_the_session(client):
    session = SessionFactory(start_date=timezone.localdate() - timedelta(days=1))
    enrolment = EnrolmentFactory(session=session, status=Enrolment.Status.ATTENDED)
    response = client.get(enrolment.survey_path)
    assert response.status_code == 403
    assert "pas encore ouvert" in response.content.decode()


@pytest.mark.parametrize("token", ["nonsense", "MQ:1tampered:signature"])
def test_a_forged_link_is_not_found(client, token, attended):
    response = client.get(f"/trainings/survey/{token}/")
    assert response.status_code == 404
    assert "Ce lien ne fonctionne pas" in response.content.decode()


def test_each_participant_has_their_own_stable_link(attended):
    other = EnrolmentFactory(session=attended.session, status=Enrolment.Status.ATTENDED)
    assert attended.survey_token != other.survey_token
    assert attended.survey_token == Enrolment.objects.get(pk=attended.pk).survey_token


def test_bad_answers_are_field_errors(client, attended):
    response = client.post(attended.survey_path, {"rating": "9", "objectives_met": "maybe"})
    assert response.status_code == 200
    assert {"rating", "objectives_met", "would_recommend"} <= set(response.context["form"].errors)
    assert not SatisfactionAnswer.objects.exists()
