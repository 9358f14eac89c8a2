"""`manage.py send_training_surveys` and the admin action: due questionnaires, never twice."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from tests.trainings.factories import (
    EnrolmentFactory,
    PastSessionFactory,
    SatisfactionAnswerFactory,
    SessionFactory,
)
from trainings.models import Enrolment

pytestmark = pytest.mark.django_db(transaction=True)


def test_command_sends_to_attended_participants_of_finished_sessions_only_once():
    past = PastSessionFactory()
    attended = EnrolmentFactory(session=past, status=Enrolment.Status.ATTENDED)
    EnrolmentFactory(session=past, status=Enrolment.Status.ABSENT)
    EnrolmentFactory(session=SessionFactory(), status=Enrolment.Status.CONFIRMED)
    SatisfactionAnswerFactory()  # already answered: nothing to send
    call_command("send_training_surveys", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [attended.participant_email]
    assert "Comment s'est passée votre formation ?" in message.subject
    assert attended.survey_path in message.body
    attended.refresh_from_db()
    assert attended.survey_sent_at is not None

    call_command("send_training_surveys", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_admin_action_sends_the_session_questionnaires_once(client, staff):
    client.force_login(staff)
    past = PastSessionFactory()
    EnrolmentFactory.create_batch(3, session=past, status=Enrolment.Status.ATTENDED)
    url = reverse("admin:trainings_session_changelist")
    data = {"action": "send_surveys", "_selected_action": [past.pk]}
    response = client.post(url, data, follow=True)
    assert "3 questionnaires envoyés" in response.content.decode()
    assert len(mail.outbox) == 3
    client.post(url, data, follow=True)
    assert len(mail.outbox) == 3
