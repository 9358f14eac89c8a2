"""A requester sees their requests and cancels them before the session; nobody else can."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.trainings.factories import EnrolmentFactory, PastSessionFactory, SessionFactory
from trainings.models import Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def requester(db):
    return UserFactory()


@pytest.fixture
def enrolment(requester):
    return EnrolmentFactory(requester=requester, status=Enrolment.Status.CONFIRMED)


def cancel_url(enrolment):
    return reverse("trainings:enrolment-cancel", args=[enrolment.pk])


def test_my_requests_lists_requests_made_and_received(client, requester, enrolment):
    received = EnrolmentFactory(participant_user=requester)
    EnrolmentFactory()  # someone else's
    client.force_login(requester)
    response = client.get(reverse("trainings:enrolment-list"))
    assert list(response.context["enrolments"]) == sorted(
        [enrolment, received], key=lambda e: (-e.session.start_date.toordinal(), -e.pk)
    )


def test_requester_cancels_and_staff_are_told(client, requester, enrolment, mail_on_commit):
    client.force_login(requester)
    with mail_on_commit():
        response = client.post(cancel_url(enrolment))
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED
    subjects = [message.subject for message in mail.outbox]
    assert any("Demande annulée :" in subject for subject in subjects)
    assert any("Demande annulée par le demandeur" in subject for subject in subjects)


def test_participant_may_cancel_too(client, enrolment):
    participant = UserFactory()
    enrolment.participant_user = participant
    enrolment.save()
    client.force_login(participant)
    client.post(cancel_url(enrolment))
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED


def test_someone_else_gets_404(client, enrolment, owner):
    client.force_login(owner)
    assert client.post(cancel_url(enrolment)).status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED


def test_anonymous_goes_to_login(client, enrolment):
    response = client.post(cancel_url(enrolment))
    assert response.status_code == 302
    assert reverse("account_login") in response.url
    assert client.get(reverse("trainings:enrolment-list")).status_code == 302


def test_get_does_not_cancel(client, requester, enrolment):
    client.force_login(requester)
    assert client.get(cancel_url(enrolment)).status_code == 405
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED


def test_a_started_session_cannot_be_cancelled_here(client, requester):
    enrolment = EnrolmentFactory(
        requester=requester,
        session=SessionFactory(start_date=timezone.localdate() - timedelta(days=1)),
    )
    client.force_login(requester)
    response = client.post(cancel_url(enrolment), follow=True)
    assert "ne peut plus être annulée ici" in response.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.REQUESTED


def test_page_offers_the_questionnaire_to_an_attended_participant(client, requester):
    enrolment = EnrolmentFactory(
        session=PastSessionFactory(),
        requester=requester,
        participant_user=requester,
        participant_email=requester.email,
        status=Enrolment.Status.ATTENDED,
    )
    client.force_login(requester)
    html = client.get(reverse("trainings:enrolment-list")).content.decode()
    assert enrolment.survey_path in html
