"""Every secondary page and export runs the same number of queries with a little data and
with a lot: my requests, the questionnaire, the seat request and à-la-carte forms, the
staff exports."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from content.models import Market
from tests.factories import MarketFactory
from tests.members.factories import MembershipFactory
from tests.trainings.factories import (
    EnrolmentFactory,
    PastSessionFactory,
    SatisfactionAnswerFactory,
    SessionFactory,
    TrainingFactory,
)
from trainings.demo import generate_trainings
from trainings.models import CustomRequest, Enrolment

pytestmark = pytest.mark.django_db


def count_queries(client, url, method="get", data=None, status=200) -> int:
    with CaptureQueriesContext(connection) as context:
        response = getattr(client, method)(url, data or {})
    assert response.status_code == status, url
    return len(context.captured_queries)


@pytest.fixture
def markets():
    return [MarketFactory(theme=theme) for theme in Market.Theme.values]


def add_requests(user, count: int) -> None:
    """``count`` seat requests of ``user`` over as many trainings, and à-la-carte requests."""
    for number in range(count):
        past = number % 3 == 0
        session = (PastSessionFactory if past else SessionFactory)(
            start_date=timezone.localdate() + timedelta(days=(-60 if past else 20) + number)
        )
        status = Enrolment.Status.ATTENDED if past else Enrolment.Status.CONFIRMED
        enrolment = EnrolmentFactory(
            session=session, requester=user, participant_user=user, status=status
        )
        if past and number % 2:
            SatisfactionAnswerFactory(enrolment=enrolment)
        CustomRequest.objects.create(
            requester=user,
            name="Nina",
            email=user.email,
            company_name="Entreprise",
            training=session.training,
            need="Un besoin",
            participants=3,
            dates_wished="mars",
            place="Sochaux",
        )


def test_my_requests(client, owner):
    client.force_login(owner)
    url = reverse("trainings:enrolment-list")
    add_requests(owner, 3)
    client.get(url)
    small = count_queries(client, url)
    add_requests(owner, 40)
    assert count_queries(client, url) == small
    assert small <= 8, small


def test_questionnaire(client, markets):
    session = PastSessionFactory()
    first, second = EnrolmentFactory.create_batch(
        2, session=session, status=Enrolment.Status.ATTENDED
    )
    answer = {"rating": "4", "objectives_met": "yes", "would_recommend": "yes"}
    client.get(first.survey_path)
    small = count_queries(client, first.survey_path)
    small_answer = count_queries(client, first.survey_path, "post", answer, status=302)
    generate_trainings(200, markets, timezone.localdate())
    for _ in range(20):
        SatisfactionAnswerFactory(enrolment__session=session)
    assert count_queries(client, second.survey_path) == small
    assert count_queries(client, second.survey_path, "post", answer, status=302) == small_answer
    assert small <= 4, small


def test_seat_request_form_for_a_member(client, owner, organisation, markets):
    session = SessionFactory()
    url = reverse("trainings:enrolment-create", args=[session.pk])
    client.force_login(owner)
    MembershipFactory(organisation=organisation)
    client.get(url)
    small = count_queries(client, url)
    for _ in range(40):
        MembershipFactory(organisation=organisation)
    EnrolmentFactory.create_batch(8, session=session)
    generate_trainings(200, markets, timezone.localdate())
    assert count_queries(client, url) == small
    assert small <= 10, small


def test_a_la_carte_form(client, markets):
    url = reverse("trainings:custom-request-create")
    generate_trainings(12, markets, timezone.localdate())
    training = TrainingFactory()
    client.get(url)
    small = count_queries(client, url, data={"training": training.slug})
    generate_trainings(600, markets, timezone.localdate())
    assert count_queries(client, url, data={"training": training.slug}) == small
    assert small <= 5, small


def test_staff_exports(staff_client, provider, markets):
    session = SessionFactory()
    EnrolmentFactory.create_batch(3, session=session)
    urls = [
        reverse("trainings:catalogue-csv"),
        reverse("trainings:catalogue-lheo"),
        reverse("trainings:session-attendance-csv", args=[session.pk]),
    ]
    generate_trainings(12, markets, timezone.localdate())
    for url in urls:
        staff_client.get(url)
    small = [count_queries(staff_client, url) for url in urls]
    generate_trainings(300, markets, timezone.localdate())
    EnrolmentFactory.create_batch(40, session=session)
    assert [count_queries(staff_client, url) for url in urls] == small
    assert max(small) <= 8, small
