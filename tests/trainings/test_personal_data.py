"""Download my data and account deletion, for what the trainings app keeps."""

import pytest

from accounts.personal_data import deletion_summary, export_user_data, user_delete
from tests.factories import UserFactory
from tests.trainings.factories import (
    EnrolmentFactory,
    PastSessionFactory,
    SatisfactionAnswerFactory,
    SessionFactory,
)
from trainings.models import CustomRequest, Enrolment, SatisfactionAnswer

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(db):
    return UserFactory()


@pytest.fixture
def data(person):
    future = EnrolmentFactory(
        session=SessionFactory(),
        participant_user=person,
        participant_email=person.email,
        requester=person,
        requester_email=person.email,
        status=Enrolment.Status.CONFIRMED,
        accessibility_needs="Fauteuil roulant",
    )
    past = EnrolmentFactory(
        session=PastSessionFactory(),
        participant_user=person,
        participant_email=person.email,
        status=Enrolment.Status.ATTENDED,
    )
    answer = SatisfactionAnswerFactory(enrolment=past, rating=5, comment="Très bien, merci !")
    colleague = EnrolmentFactory(requester=person, requester_email=person.email)
    custom = CustomRequest.objects.create(
        requester=person,
        name="Moi",
        email=person.email,
        company_name="Mon entreprise",
        need="Un besoin",
        participants=3,
        dates_wished="mars",
        place="chez nous",
    )
    return {
        "future": future,
        "past": past,
        "answer": answer,
        "colleague": colleague,
        "custom": custom,
    }


def test_export_contains_requests_answers_and_custom_requests(person, data):
    exported = export_user_data(person)
    assert len(exported["training_requests"]) == 3
    assert {row["adjustments_needed"] for row in exported["training_requests"]} >= {
        "Fauteuil roulant"
    }
    assert exported["training_satisfaction_answers"][0]["comment"] == "Très bien, merci !"
    assert exported["training_custom_requests"][0]["need"] == "Un besoin"


def test_deletion_summary_tells_what_happens(person, data):
    summary = " ".join(deletion_summary(person))
    assert "Vos 3 demandes de formation sont conservées sans vos nom et coordonnées" in summary
    assert "Votre demande de formation à la carte est supprimée." in summary
    assert "perdent leurs commentaires" in summary


def test_deletion_anonymises_requests_cancels_future_ones_and_keeps_ratings(person, data):
    user_delete(user=person)
    future = Enrolment.objects.get(pk=data["future"].pk)
    assert future.status == Enrolment.Status.CANCELLED
    assert (future.participant_email, future.requester_email, future.accessibility_needs) == (
        "",
        "",
        "",
    )
    assert future.participant_last_name == "(compte supprimé)"
    past = Enrolment.objects.get(pk=data["past"].pk)
    assert past.status == Enrolment.Status.ATTENDED  # attendance records stay
    assert past.participant_user is None
    answer = SatisfactionAnswer.objects.get(pk=data["answer"].pk)
    assert (answer.rating, answer.comment) == (5, "")
    colleague = Enrolment.objects.get(pk=data["colleague"].pk)
    assert colleague.status == Enrolment.Status.REQUESTED  # the colleague's seat is kept
    assert colleague.requester_name == "(compte supprimé)"
    assert colleague.participant_email  # the colleague's own details stay
    assert not CustomRequest.objects.exists()
