"""Every back-office page of the trainings app opens for staff."""

import pytest
from django.urls import reverse

from tests.trainings.factories import EnrolmentFactory, SatisfactionAnswerFactory, SessionFactory
from trainings.models import CustomRequest

pytestmark = pytest.mark.django_db


def test_back_office_pages_open(staff_client, provider):
    session = SessionFactory()
    enrolment = EnrolmentFactory(session=session)
    answer = SatisfactionAnswerFactory()
    custom = CustomRequest.objects.create(
        name="Nina",
        email="n@x.example",
        company_name="X",
        need="Un besoin",
        participants=2,
        dates_wished="mars",
        place="Sochaux",
    )
    training = session.training
    urls = [
        reverse("admin:trainings_training_changelist"),
        reverse("admin:trainings_training_add"),
        reverse("admin:trainings_training_change", args=[training.pk]),
        reverse("admin:trainings_training_history", args=[training.pk]),
        reverse("admin:trainings_session_changelist"),
        reverse("admin:trainings_session_add") + f"?training={training.pk}",
        reverse("admin:trainings_session_change", args=[session.pk]),
        reverse("admin:trainings_enrolment_changelist"),
        reverse("admin:trainings_enrolment_add"),
        reverse("admin:trainings_enrolment_change", args=[enrolment.pk]),
        reverse("admin:trainings_satisfactionanswer_changelist"),
        reverse("admin:trainings_satisfactionanswer_change", args=[answer.pk]),
        reverse("admin:trainings_customrequest_changelist"),
        reverse("admin:trainings_customrequest_change", args=[custom.pk]),
        reverse("admin:trainings_trainingprovider_changelist"),
        reverse("admin:trainings_trainingprovider_change", args=[provider.pk]),
        reverse("admin:autocomplete")
        + "?app_label=trainings&model_name=session&field_name=training&term=Form",
    ]
    for url in urls:
        assert staff_client.get(url).status_code == 200, url


def test_answers_are_read_only_and_the_provider_row_is_unique(staff_client, provider):
    answer = SatisfactionAnswerFactory()
    url = reverse("admin:trainings_satisfactionanswer_change", args=[answer.pk])
    response = staff_client.post(url, {"rating": "1"})
    assert response.status_code == 403
    answer.refresh_from_db()
    assert answer.rating == 5
    assert staff_client.get(reverse("admin:trainings_trainingprovider_add")).status_code == 403
