"""Who may change what, tried from outside: the requester, a colleague of their
organisation, the admin of another organisation, an anonymous visitor and staff, with
forged posts for the public forms."""

import pytest
from django.urls import reverse

from members.permissions import can_edit_organisation
from tests.trainings.factories import (
    EnrolmentFactory,
    PastSessionFactory,
    SessionFactory,
    TrainingFactory,
)
from tests.trainings.test_custom_request import DATA as CUSTOM_DATA
from tests.trainings.test_enrolment_request import VISITOR
from trainings.models import CustomRequest, Enrolment, SatisfactionAnswer, Training

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(owner, organisation):
    """A seat the organisation's admin requested for themselves."""
    return EnrolmentFactory(
        requester=owner,
        participant_user=owner,
        participant_email=owner.email,
        organisation=organisation,
        status=Enrolment.Status.CONFIRMED,
    )


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("owner", 302),  # the requester
        ("colleague", 404),  # same organisation, not their request
        ("outsider", 404),  # admin of another organisation
        ("staff", 404),  # staff change requests in the back-office, not here
        ("anonymous", "login"),
    ],
)
def test_cancelling_a_request(client, request, enrolment, persona, expected):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("trainings:enrolment-cancel", args=[enrolment.pk]))
    enrolment.refresh_from_db()
    if expected == "login":
        assert response.status_code == 302
        assert reverse("account_login") in response.url
    else:
        assert response.status_code == expected
    cancelled = enrolment.status == Enrolment.Status.CANCELLED
    assert cancelled is (persona == "owner")


@pytest.mark.parametrize("persona", ["colleague", "outsider", "staff"])
def test_others_do_not_see_the_request_in_their_space(client, request, enrolment, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("trainings:enrolment-list"))
    assert enrolment not in response.context["enrolments"]
    assert reverse("trainings:enrolment-cancel", args=[enrolment.pk]) not in (
        response.content.decode()
    )


def test_a_visitor_cannot_forge_a_member_price(client, organisation):
    session = SessionFactory()
    forged = {
        **VISITOR,
        "organisation": organisation.pk,
        "price_category": "member",
        "price_excl_vat": "1",
        "status": "confirmed",
    }
    assert client.post(reverse("trainings:enrolment-create", args=[session.pk]), forged).url
    enrolment = Enrolment.objects.get()
    assert enrolment.organisation is None
    assert enrolment.price_category == Enrolment.PriceCategory.NON_MEMBER
    assert enrolment.price_excl_vat == 1000
    assert enrolment.status == Enrolment.Status.REQUESTED


def test_staff_previewing_a_draft_cannot_request_a_seat_in_it(staff_client):
    session = SessionFactory(training=TrainingFactory(status=Training.Status.DRAFT))
    url = reverse("trainings:enrolment-create", args=[session.pk])
    response = staff_client.post(url, VISITOR)
    assert "pas ouverte aux inscriptions" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_a_la_carte_post_cannot_set_staff_fields(client, outsider):
    client.force_login(outsider)
    forged = {
        **CUSTOM_DATA,
        "status": "accepted",
        "staff_notes": "Accord donné",
        "requester": "1",
        "organisation": "1",
    }
    client.post(reverse("trainings:custom-request-create"), forged)
    request = CustomRequest.objects.get()
    assert request.status == CustomRequest.Status.NEW
    assert request.staff_notes == ""
    assert request.requester == outsider
    assert can_edit_organisation(outsider, request.organisation)


def test_a_questionnaire_link_answers_only_for_its_own_participant(client, outsider):
    session = PastSessionFactory()
    mine = EnrolmentFactory(session=session, status=Enrolment.Status.ATTENDED)
    other = EnrolmentFactory(session=session, status=Enrolment.Status.ATTENDED)
    client.force_login(outsider)  # being signed in gives no access to anyone's questionnaire
    answer = {
        "rating": "1",
        "objectives_met": "no",
        "would_recommend": "no",
        "enrolment": other.pk,
    }
    assert client.post(mine.survey_path, answer).status_code == 302
    assert SatisfactionAnswer.objects.get().enrolment == mine
    forged_path = mine.survey_path.replace(mine.survey_token.split(":")[0], "OTk5")
    assert client.post(forged_path, answer).status_code == 404
    assert SatisfactionAnswer.objects.count() == 1
