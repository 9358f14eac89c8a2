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


def test_a_session_save_refused_under_the_lock_says_so(staff_client, monkeypatch):
    from trainings import services

    session = SessionFactory(seats=10)

    def refuse(*, session):
        raise services.EnrolmentRefused("Non enregistré : 11 personnes ont maintenant une place.")

    monkeypatch.setattr(services, "session_save", refuse)
    url = reverse("admin:trainings_session_change", args=[session.pk])
    data = {
        "training": session.training.pk,
        "status": session.status,
        "seats": "8",
        "start_date": session.start_date.isoformat(),
        "end_date": session.end_date.isoformat(),
        "start_time": "09:00",
        "end_time": "17:00",
        "address": session.address,
        "postcode": session.postcode,
        "city": session.city,
        "enrolments-TOTAL_FORMS": "0",
        "enrolments-INITIAL_FORMS": "0",
        "enrolments-MIN_NUM_FORMS": "0",
        "enrolments-MAX_NUM_FORMS": "1000",
    }
    response = staff_client.post(url, data, follow=True)
    html = response.content.decode()
    assert "11 personnes ont maintenant une place" in html
    assert "a été modifié avec succès" not in html
    session.refresh_from_db()
    assert session.seats == 10


def test_staff_add_a_session(staff_client):
    from tests.trainings.factories import TrainingFactory

    training = TrainingFactory()
    data = {
        "training": training.pk,
        "status": "planned",
        "seats": "8",
        "start_date": "2030-03-04",
        "end_date": "2030-03-05",
        "start_time": "09:00",
        "end_time": "17:00",
        "venue_fr": "Salle Peugeot",
        "venue_en": "Peugeot room",
        "address": "1 rue X",
        "postcode": "25460",
        "city": "Étupes",
        "enrolments-TOTAL_FORMS": "0",
        "enrolments-INITIAL_FORMS": "0",
        "enrolments-MIN_NUM_FORMS": "0",
        "enrolments-MAX_NUM_FORMS": "1000",
    }
    response = staff_client.post(reverse("admin:trainings_session_add"), data)
    assert response.status_code == 302
    session = training.sessions.get()
    assert session.seats == 8
    assert (session.venue_fr, session.venue_en) == ("Salle Peugeot", "Peugeot room")
