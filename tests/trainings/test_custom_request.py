"""À-la-carte requests: anyone may ask; staff handle them in the back-office."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.trainings.factories import TrainingFactory
from trainings.models import CustomRequest

pytestmark = pytest.mark.django_db

URL = reverse("trainings:custom-request-create")
DATA = {
    "name": "Nina Visiteuse",
    "email": "nina@entreprise.example",
    "phone": "",
    "company_name": "Entreprise Visiteuse",
    "training": "",
    "need": "Former nos techniciens à la sécurité des batteries.",
    "participants": "8",
    "dates_wished": "Mars, deux jeudis",
    "place": "Dans nos locaux à Sochaux",
    "format": "in_person",
}


def test_visitor_sends_a_request_and_both_sides_are_emailed(client, mail_on_commit):
    with mail_on_commit():
        response = client.post(URL, DATA)
    assert response.status_code == 302
    request = CustomRequest.objects.get()
    assert request.status == CustomRequest.Status.NEW
    assert request.requester is None
    assert request.language == "fr"
    assert {tuple(m.to) for m in mail.outbox} == {
        ("nina@entreprise.example",),
        ("contact@vehicle-of-the-future.example",),
    }


def test_member_request_is_linked_to_their_active_organisation(client, owner, organisation):
    client.force_login(owner)
    response = client.get(URL)
    assert response.context["form"].initial["company_name"] == organisation.name
    client.post(URL, {**DATA, "company_name": organisation.name})
    request = CustomRequest.objects.get()
    assert request.requester == owner
    assert request.organisation == organisation


def test_request_can_start_from_a_training(client):
    training = TrainingFactory()
    response = client.get(URL, {"training": training.slug})
    assert response.context["form"].initial["training"] == training.pk
    client.post(URL, {**DATA, "training": training.pk})
    assert CustomRequest.objects.get().training == training


@pytest.mark.parametrize(
    ("field", "value"),
    [("participants", "0"), ("email", "nope"), ("need", ""), ("place", "")],
)
def test_bad_input_is_a_field_error_and_nothing_is_saved(client, field, value):
    response = client.post(URL, {**DATA, field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not CustomRequest.objects.exists()


def test_staff_see_requests_in_the_back_office(staff_client):
    staff_client.post(URL, DATA)
    html = staff_client.get(reverse("admin:trainings_customrequest_changelist")).content.decode()
    assert "Entreprise Visiteuse" in html
