"""Staff move requests through their statuses; the requester gets an email each time."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.trainings.factories import EnrolmentFactory, PastSessionFactory, SessionFactory
from trainings import services
from trainings.models import Enrolment

pytestmark = pytest.mark.django_db

SUBJECTS = {
    Enrolment.Status.CONFIRMED: "Place confirmée",
    Enrolment.Status.WAITING_LIST: "En liste d'attente",
    Enrolment.Status.CANCELLED: "Demande annulée",
    Enrolment.Status.ATTENDED: "Merci de votre participation",
    Enrolment.Status.ABSENT: "Noté absent",
    Enrolment.Status.REQUESTED: "Nous avons bien reçu votre demande",
}


def test_each_status_change_emails_the_requester_with_the_participant_in_copy(mail_on_commit):
    session = PastSessionFactory(start_date=timezone.localdate())  # started today
    # Free (no price): a priced confirmation would also bring billing's invoice email.
    enrolment = EnrolmentFactory(
        session=session,
        requester_email="rh@entreprise.example",
        participant_email="p@x.example",
        price_excl_vat=None,
    )
    for status in (
        Enrolment.Status.WAITING_LIST,
        Enrolment.Status.CONFIRMED,
        Enrolment.Status.ATTENDED,
        Enrolment.Status.ABSENT,
        Enrolment.Status.CANCELLED,
        Enrolment.Status.REQUESTED,
    ):
        mail.outbox.clear()
        with mail_on_commit():
            services.enrolment_change_status(enrolment=enrolment, status=status)
        assert len(mail.outbox) == 1, status
        message = mail.outbox[0]
        assert message.to == ["rh@entreprise.example"]
        assert message.cc == ["p@x.example"]
        assert SUBJECTS[status] in message.subject
        assert session.training.title in message.subject
        enrolment.refresh_from_db()
        assert enrolment.status == status


def test_setting_the_same_status_sends_nothing(mail_on_commit):
    enrolment = EnrolmentFactory(status=Enrolment.Status.CONFIRMED)
    with mail_on_commit():
        services.enrolment_change_status(enrolment=enrolment, status=Enrolment.Status.CONFIRMED)
    assert mail.outbox == []


def test_the_email_goes_out_only_after_commit(django_capture_on_commit_callbacks):
    enrolment = EnrolmentFactory(price_excl_vat=None)  # free: no invoice
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.enrolment_change_status(enrolment=enrolment, status=Enrolment.Status.CONFIRMED)
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_taking_a_seat_again_is_refused_when_the_session_is_full():
    session = SessionFactory(seats=1)
    EnrolmentFactory(session=session, status=Enrolment.Status.CONFIRMED)
    waiting = EnrolmentFactory(session=session, status=Enrolment.Status.WAITING_LIST)
    with pytest.raises(services.EnrolmentRefused, match="Il ne reste aucune place"):
        services.enrolment_change_status(enrolment=waiting, status=Enrolment.Status.CONFIRMED)
    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.WAITING_LIST


def test_moving_between_seat_holding_statuses_needs_no_free_seat():
    session = SessionFactory(seats=1)
    enrolment = EnrolmentFactory(session=session, status=Enrolment.Status.REQUESTED)
    services.enrolment_change_status(enrolment=enrolment, status=Enrolment.Status.CONFIRMED)
    assert Enrolment.objects.get().status == Enrolment.Status.CONFIRMED


def test_attendance_is_refused_before_the_session_starts():
    enrolment = EnrolmentFactory(status=Enrolment.Status.CONFIRMED)
    with pytest.raises(services.EnrolmentRefused, match="une fois la session commencée"):
        services.enrolment_change_status(enrolment=enrolment, status=Enrolment.Status.ATTENDED)


def test_admin_action_confirms_and_emails(staff_client, mail_on_commit):
    enrolments = EnrolmentFactory.create_batch(2, price_excl_vat=None)  # free: no invoice
    with mail_on_commit():
        response = staff_client.post(
            reverse("admin:trainings_enrolment_changelist"),
            {"action": "mark_confirmed", "_selected_action": [e.pk for e in enrolments]},
            follow=True,
        )
    assert response.status_code == 200
    assert set(Enrolment.objects.values_list("status", flat=True)) == {"confirmed"}
    assert len(mail.outbox) == 2


def test_admin_action_reports_refusals(staff_client):
    session = SessionFactory(seats=1)
    EnrolmentFactory(session=session, status=Enrolment.Status.CONFIRMED)
    waiting = EnrolmentFactory(session=session, status=Enrolment.Status.WAITING_LIST)
    response = staff_client.post(
        reverse("admin:trainings_enrolment_changelist"),
        {"action": "mark_confirmed", "_selected_action": [waiting.pk]},
        follow=True,
    )
    assert "Il ne reste aucune place" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.WAITING_LIST


def change_form_data(enrolment, **changes):
    data = {
        "session": enrolment.session_id,
        "status": enrolment.status,
        "certification_result": "",
        "participant_first_name": enrolment.participant_first_name,
        "participant_last_name": enrolment.participant_last_name,
        "participant_email": enrolment.participant_email,
        "requester_name": enrolment.requester_name,
        "requester_email": enrolment.requester_email,
        "language": "fr",
        "company_name": enrolment.company_name,
        "price_category": enrolment.price_category,
        "price_excl_vat": str(enrolment.price_excl_vat),
    }
    data.update(changes)
    return data


def test_admin_change_form_changes_the_status_through_the_service(staff_client, mail_on_commit):
    enrolment = EnrolmentFactory()
    url = reverse("admin:trainings_enrolment_change", args=[enrolment.pk])
    with mail_on_commit():
        response = staff_client.post(url, change_form_data(enrolment, status="confirmed"))
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED
    assert [m.subject for m in mail.outbox if "Place confirmée" in m.subject]


def test_admin_change_form_refuses_a_seat_that_does_not_exist(staff_client):
    session = SessionFactory(seats=1)
    EnrolmentFactory(session=session, status=Enrolment.Status.CONFIRMED)
    waiting = EnrolmentFactory(session=session, status=Enrolment.Status.WAITING_LIST)
    url = reverse("admin:trainings_enrolment_change", args=[waiting.pk])
    response = staff_client.post(url, change_form_data(waiting, status="confirmed"))
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.WAITING_LIST


def test_admin_can_record_a_phone_request_within_the_seats(staff_client, mail_on_commit):
    session = SessionFactory(seats=1)
    template = EnrolmentFactory.build(session=session)
    data = change_form_data(template, status="requested")
    with mail_on_commit():
        response = staff_client.post(reverse("admin:trainings_enrolment_add"), data)
    assert response.status_code == 302
    assert Enrolment.objects.filter(session=session).count() == 1
    assert len(mail.outbox) == 1
    second = change_form_data(EnrolmentFactory.build(session=session), status="requested")
    response = staff_client.post(reverse("admin:trainings_enrolment_add"), second)
    assert response.status_code == 200
    assert Enrolment.objects.filter(session=session).count() == 1


def test_non_staff_cannot_reach_the_enrolment_admin(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:trainings_enrolment_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_staff_session_page_links_to_the_attendance_list(staff_client):
    session = SessionFactory(start_date=timezone.localdate() + timedelta(days=3))
    html = staff_client.get(
        reverse("admin:trainings_session_change", args=[session.pk])
    ).content.decode()
    assert reverse("trainings:session-attendance-csv", args=[session.pk]) in html


def test_confirmation_of_a_remote_session_gives_the_link(mail_on_commit):
    session = SessionFactory(
        venue="", address="", postcode="", city="", remote_url="https://visio.example/classe"
    )
    enrolment = EnrolmentFactory(session=session, price_excl_vat=None)  # free: no invoice
    with mail_on_commit():
        services.enrolment_change_status(enrolment=enrolment, status=Enrolment.Status.CONFIRMED)
    assert "https://visio.example/classe" in mail.outbox[0].body


def test_requested_email_does_not_give_the_remote_link(mail_on_commit):
    session = SessionFactory(
        venue="", address="", postcode="", city="", remote_url="https://visio.example/classe"
    )
    enrolment = EnrolmentFactory(session=session, status=Enrolment.Status.WAITING_LIST)
    with mail_on_commit():
        services.enrolment_change_status(enrolment=enrolment, status=Enrolment.Status.REQUESTED)
    assert "https://visio.example/classe" not in mail.outbox[0].body


def test_staff_record_certification_results(staff_client):
    from tests.trainings.factories import CertifyingTrainingFactory

    session = PastSessionFactory(training=CertifyingTrainingFactory())
    attended = EnrolmentFactory(session=session, status=Enrolment.Status.ATTENDED)
    absent = EnrolmentFactory(session=session, status=Enrolment.Status.ABSENT)
    staff_client.post(
        reverse("admin:trainings_enrolment_changelist"),
        {"action": "record_passed", "_selected_action": [attended.pk, absent.pk]},
    )
    attended.refresh_from_db()
    absent.refresh_from_db()
    assert (attended.certification_result, absent.certification_result) == ("passed", "")
    assert session.training.results().pass_rate == 100


def test_cancelling_a_session_cancels_its_open_requests_and_tells_each_requester(
    staff_client, mail_on_commit
):
    session = SessionFactory()
    for status in ("requested", "confirmed", "waiting_list", "cancelled"):
        EnrolmentFactory(session=session, status=status)
    with mail_on_commit():
        staff_client.post(
            reverse("admin:trainings_session_changelist"),
            {"action": "cancel_sessions", "_selected_action": [session.pk]},
        )
    session.refresh_from_db()
    assert session.status == "cancelled"
    assert set(session.enrolments.values_list("status", flat=True)) == {"cancelled"}
    assert len(mail.outbox) == 3
    assert all("Demande annulée" in message.subject for message in mail.outbox)


def test_a_request_cannot_be_moved_into_another_session_from_its_page(staff_client):
    full = SessionFactory(seats=1)
    EnrolmentFactory(session=full, status=Enrolment.Status.CONFIRMED)
    enrolment = EnrolmentFactory(status=Enrolment.Status.CONFIRMED)
    origin = enrolment.session
    url = reverse("admin:trainings_enrolment_change", args=[enrolment.pk])
    response = staff_client.post(url, change_form_data(enrolment, session=full.pk))
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.session == origin  # the full session keeps its single seat holder
    assert full.enrolments.filter(status__in=["requested", "confirmed"]).count() == 1
