"""Results on the training page are computed from recorded answers and attendance."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.trainings.factories import (
    CertifyingTrainingFactory,
    EnrolmentFactory,
    PastSessionFactory,
    SatisfactionAnswerFactory,
    SessionFactory,
    TrainingFactory,
)
from trainings.models import Enrolment

pytestmark = pytest.mark.django_db

ATTENDED = Enrolment.Status.ATTENDED
ABSENT = Enrolment.Status.ABSENT


def answer(session, rating, **fields):
    enrolment = EnrolmentFactory(session=session, status=ATTENDED)
    return SatisfactionAnswerFactory(enrolment=enrolment, rating=rating, **fields)


def test_satisfaction_rate_counts_ratings_of_four_and_five():
    training = TrainingFactory()
    first = PastSessionFactory(training=training, start_date=date(2025, 3, 4))
    second = PastSessionFactory(training=training, start_date=date(2025, 9, 9))
    answer(first, 5)
    answer(first, 4, objectives_met="partly")
    answer(second, 3, objectives_met="partly", would_recommend=False)
    answer(second, 2, objectives_met="no", would_recommend=False)
    results = training.results()
    assert results.answers == 4
    assert results.satisfaction_rate == 50
    assert results.average_rating == pytest.approx(3.5)
    assert results.objectives_rate == 25
    assert results.recommend_rate == 50
    assert (results.survey_from, results.survey_to) == (date(2025, 3, 4), date(2025, 9, 10))


def test_completion_rate_counts_attended_against_attended_and_absent_of_finished_sessions():
    training = TrainingFactory()
    past = PastSessionFactory(training=training)
    for status in (ATTENDED, ATTENDED, ATTENDED, ABSENT):
        EnrolmentFactory(session=past, status=status)
    EnrolmentFactory(session=past, status=Enrolment.Status.CANCELLED)
    upcoming = SessionFactory(training=training)
    EnrolmentFactory(session=upcoming, status=Enrolment.Status.CONFIRMED)
    results = training.results()
    assert (results.attended, results.absent) == (3, 1)
    assert results.completion_rate == 75


def test_pass_rate_comes_from_recorded_certification_results():
    training = CertifyingTrainingFactory()
    past = PastSessionFactory(training=training)
    for result in ("passed", "passed", "passed", "failed", ""):
        EnrolmentFactory(session=past, status=ATTENDED, certification_result=result)
    results = training.results()
    assert results.certification_results == 4
    assert results.pass_rate == 75


def test_no_data_means_no_rate():
    results = TrainingFactory().results()
    assert results.satisfaction_rate is None
    assert results.completion_rate is None
    assert results.pass_rate is None
    assert not results.has_any


def test_training_page_shows_the_computed_results(client):
    training = CertifyingTrainingFactory()
    session = PastSessionFactory(
        training=training, start_date=timezone.localdate() - timedelta(days=60)
    )
    answer(session, 5)
    answer(session, 4)
    answer(session, 2)
    EnrolmentFactory(session=session, status=ABSENT)
    Enrolment.objects.filter(session=session, status=ATTENDED).update(certification_result="passed")
    html = client.get(training.get_absolute_url()).content.decode()
    assert "67\u00a0%" in html  # 2 satisfied answers out of 3
    assert "3 réponses" in html
    assert "75\u00a0%" in html  # 3 attended out of 4 expected
    assert "des 4 participants attendus" in html
    assert "100\u00a0%" in html  # 3 passed out of 3 results
    assert "Taux de réussite à la certification" in html


def test_training_page_says_when_there_are_no_results_yet(client):
    training = TrainingFactory()
    html = client.get(training.get_absolute_url()).content.decode()
    assert "Pas encore de résultats" in html


def test_page_shows_rate_answers_and_period_from_known_data(client):
    """Two sessions, March and September 2025: four answers (5, 4, 3, 2) and attendance of
    five attended, one absent, one cancelled request; nothing typed in by hand."""
    training = TrainingFactory()
    march = PastSessionFactory(training=training, start_date=date(2025, 3, 4))
    september = PastSessionFactory(training=training, start_date=date(2025, 9, 9))
    answer(march, 5)
    answer(march, 4)
    answer(september, 3, would_recommend=False)
    answer(september, 2, objectives_met="no", would_recommend=False)
    EnrolmentFactory(session=march, status=ATTENDED)
    EnrolmentFactory(session=september, status=ABSENT)
    EnrolmentFactory(session=september, status=Enrolment.Status.CANCELLED)
    french = client.get(training.get_absolute_url()).content.decode()
    assert "50\u00a0%" in french  # 2 answers of 4 or 5 out of 4
    assert "moyenne 3,5/5 · 4 réponses" in french
    assert french.count("Sessions de mars 2025 à septembre 2025") == 2  # survey and attendance
    assert "83\u00a0%" in french  # 5 attended out of 6 expected
    assert "des 6 participants attendus ont suivi toute la session" in french
    english = client.get("/en" + training.get_absolute_url()).content.decode()
    assert "50%" in english
    assert "average 3.5/5 · 4 answers" in english
    assert "Sessions from March 2025 to September 2025" in english
    assert "83%" in english
