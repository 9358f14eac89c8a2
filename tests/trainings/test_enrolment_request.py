"""Requesting a seat: visitors, non-members and members (for themselves or colleagues)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members.models import Membership, Organisation
from tests.factories import UserFactory
from tests.members.factories import MembershipFactory, OrganisationFactory
from tests.trainings.factories import EnrolmentFactory, SessionFactory, TrainingFactory
from trainings.models import Enrolment, Session, Training

pytestmark = pytest.mark.django_db

VISITOR = {
    "requester_first_name": "Nina",
    "requester_last_name": "Visiteuse",
    "requester_email": "nina@entreprise.example",
    "requester_phone": "03 81 00 00 00",
    "company_name": "Entreprise Visiteuse",
    "company_siret": "",
    "company_address": "2 rue du Port",
    "company_postcode": "68100",
    "company_city": "Mulhouse",
    "who": "self",
}


def url(session):
    return reverse("trainings:enrolment-create", args=[session.pk])


def test_visitor_requests_a_seat_for_themselves(client, mail_on_commit):
    session = SessionFactory()
    with mail_on_commit():
        response = client.post(url(session), VISITOR)
    assert response.status_code == 302
    enrolment = Enrolment.objects.get()
    assert enrolment.status == Enrolment.Status.REQUESTED
    assert enrolment.requester is None
    assert (enrolment.participant_first_name, enrolment.participant_email) == (
        "Nina",
        "nina@entreprise.example",
    )
    assert enrolment.price_category == Enrolment.PriceCategory.NON_MEMBER
    assert enrolment.price_excl_vat == 1000
    recipients = [message.to for message in mail.outbox]
    assert ["nina@entreprise.example"] in recipients
    assert ["contact@vehicle-of-the-future.example"] in recipients
    requester_mail = next(m for m in mail.outbox if m.to == ["nina@entreprise.example"])
    assert "Nous avons bien reçu votre demande" in requester_mail.subject


def test_visitor_names_another_participant(client):
    session = SessionFactory()
    data = {
        **VISITOR,
        "who": "other",
        "participant_first_name": "Paul",
        "participant_last_name": "Salarié",
        "participant_email": "paul@entreprise.example",
        "participant_job_title": "Technicien",
    }
    assert client.post(url(session), data).status_code == 302
    enrolment = Enrolment.objects.get()
    assert enrolment.participant_name == "Paul Salarié"
    assert enrolment.requester_email == "nina@entreprise.example"


def test_member_enrols_a_colleague_at_the_member_price(client, owner, colleague, organisation):
    session = SessionFactory()
    client.force_login(owner)
    membership = Membership.objects.get(user=colleague)
    response = client.post(
        url(session),
        {
            "requester_first_name": "Olga",
            "requester_last_name": "Admin",
            "organisation": organisation.pk,
            "who": "colleague",
            "colleague": membership.pk,
        },
    )
    assert response.status_code == 302
    enrolment = Enrolment.objects.get()
    assert enrolment.requester == owner
    assert enrolment.participant_user == colleague
    assert enrolment.participant_email == colleague.email
    assert enrolment.organisation == organisation
    assert enrolment.company_name == organisation.name
    assert enrolment.price_category == Enrolment.PriceCategory.MEMBER
    assert enrolment.price_excl_vat == 800


def test_member_form_offers_only_colleagues_of_their_organisation(client, owner, colleague):
    stranger = MembershipFactory()
    client.force_login(owner)
    html = client.get(url(SessionFactory())).content.decode()
    assert colleague.last_name in html
    assert stranger.user.last_name not in html


def test_forged_colleague_or_organisation_is_refused(client, owner, outsider):
    session = SessionFactory()
    client.force_login(owner)
    other_membership = Membership.objects.get(user=outsider)
    response = client.post(
        url(session),
        {
            "requester_first_name": "Olga",
            "requester_last_name": "Admin",
            "organisation": other_membership.organisation.pk,
            "who": "colleague",
            "colleague": other_membership.pk,
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "organisation" in form.errors
    assert "colleague" in form.errors
    assert not Enrolment.objects.exists()


def test_member_of_a_lapsed_organisation_requests_as_a_non_member(client):
    lapsed = OrganisationFactory(membership_status=Organisation.Status.LAPSED)
    person = MembershipFactory(organisation=lapsed).user
    client.force_login(person)
    session = SessionFactory()
    response = client.get(url(session))
    assert "company_name" in response.context["form"].fields
    data = {key: value for key, value in VISITOR.items() if key != "requester_email"}
    client.post(url(session), data)
    enrolment = Enrolment.objects.get()
    assert enrolment.price_category == Enrolment.PriceCategory.NON_MEMBER
    assert enrolment.organisation is None
    assert enrolment.requester_email == person.email


def test_missing_details_are_field_errors_and_nothing_is_saved(client):
    session = SessionFactory()
    data = {**VISITOR, "requester_email": "not-an-email", "company_name": "", "who": "other"}
    response = client.post(url(session), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"requester_email", "company_name", "participant_email"} <= set(errors)
    assert not Enrolment.objects.exists()


def test_the_same_person_cannot_request_twice(client):
    session = SessionFactory()
    client.post(url(session), VISITOR)
    response = client.post(url(session), VISITOR)
    assert response.status_code == 200
    assert "a déjà une demande pour cette session" in response.content.decode()
    assert Enrolment.objects.count() == 1


def test_a_full_session_refuses_a_plain_request_and_offers_the_waiting_list(client):
    session = SessionFactory(seats=1)
    EnrolmentFactory(session=session, status=Enrolment.Status.CONFIRMED)
    response = client.post(url(session), VISITOR)
    html = response.content.decode()
    assert "Cette session est complète : il ne reste aucune place" in html
    assert "Rejoindre la liste d'attente" in html
    assert Enrolment.objects.count() == 1
    response = client.post(url(session), {**VISITOR, "waiting_list": "1"})
    assert response.status_code == 302
    assert Enrolment.objects.get(participant_email=VISITOR["requester_email"]).status == (
        Enrolment.Status.WAITING_LIST
    )


@pytest.mark.parametrize(
    ("session_kwargs", "message"),
    [
        ({"status": Session.Status.CANCELLED}, "Cette session a été annulée."),
        ({"start_date_offset": -1}, "Cette session a déjà commencé ou a eu lieu."),
        ({"start_date_offset": 5}, "Les demandes pour cette session ont fermé le"),
    ],
)
def test_closed_sessions_refuse_requests(client, session_kwargs, message):
    offset = session_kwargs.pop("start_date_offset", 30)
    session = SessionFactory(
        start_date=timezone.localdate() + timedelta(days=offset), **session_kwargs
    )
    assert message in client.get(url(session)).content.decode()
    response = client.post(url(session), VISITOR)
    assert message in response.content.decode()
    assert not Enrolment.objects.exists()


def test_sessions_of_unpublished_trainings_are_not_found(client):
    session = SessionFactory(training=TrainingFactory(status=Training.Status.DRAFT))
    assert client.get(url(session)).status_code == 404
    assert client.post(url(session), VISITOR).status_code == 404


def test_signed_in_requester_lands_on_their_requests(client):
    user = UserFactory()
    client.force_login(user)
    data = {key: value for key, value in VISITOR.items() if key != "requester_email"}
    response = client.post(url(SessionFactory()), data)
    assert response.url == reverse("trainings:enrolment-list")
    assert Enrolment.objects.get().requester == user


def test_a_request_made_in_english_gets_english_emails(client, mail_on_commit, provider):
    training = TrainingFactory(title="Sécurité des batteries", title_en="Battery safety")
    session = SessionFactory(training=training, venue="Salle Peugeot", venue_en="Peugeot room")
    english_url = "/en" + url(session)
    with mail_on_commit():
        assert client.post(english_url, VISITOR).status_code == 302
    enrolment = Enrolment.objects.get()
    assert enrolment.language == "en"
    to_requester = next(m for m in mail.outbox if m.to == [VISITOR["requester_email"]])
    assert "We received your request: Battery safety" in to_requester.subject
    body = to_requester.body
    assert "Training: Battery safety" in body
    assert "Peugeot room" in body
    assert "€1,000 excl. VAT (Non-member price)" in body
    assert "/en/trainings/" in body
    assert "Sécurité" not in body and "Salle" not in body
    to_staff = next(m for m in mail.outbox if m.to != [VISITOR["requester_email"]])
    assert "Nouvelle demande de formation : Sécurité des batteries" in to_staff.subject
