"""Deleting an account keeps its training history, anonymised: attendance never changes."""

import pytest
from django.db.models import Count

from accounts.personal_data import user_delete
from tests.trainings.factories import EnrolmentFactory, PastSessionFactory
from trainings.models import Enrolment

pytestmark = pytest.mark.django_db


def _figures(session) -> dict:
    rows = Enrolment.objects.filter(session=session).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def test_deleting_an_account_keeps_the_attendance_of_past_sessions(
    user, django_capture_on_commit_callbacks
):
    session = PastSessionFactory()
    mine = EnrolmentFactory(
        session=session,
        status="attended",
        participant_user=user,
        participant_email=user.email,
        requester=user,
    )
    EnrolmentFactory(session=session, status="attended")
    EnrolmentFactory(session=session, status="absent")
    before = _figures(session)

    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=user)

    assert _figures(session) == before
    mine.refresh_from_db()
    assert mine.participant_user is None and mine.requester is None
    assert mine.participant_email == "" and mine.requester_email == ""
    assert mine.status == "attended"
