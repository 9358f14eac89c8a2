"""Only the person, the admins of their organisation and staff see or cancel a registration."""

import pytest
from django.urls import reverse

from events.models import Registration
from members.models import Membership
from tests.events.factories import RegistrationFactory
from tests.members.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration(colleague, organisation):
    """A registration of ``colleague``, a plain member of ``organisation``, made for it."""
    return RegistrationFactory(user=colleague, organisation=organisation)


def detail_url(registration):
    return reverse("events:registration-detail", kwargs={"pk": registration.pk})


def cancel_url(registration):
    return reverse("events:registration-cancel", kwargs={"pk": registration.pk})


def assert_cancelled(registration, expected: bool):
    registration.refresh_from_db()
    assert (registration.status == Registration.Status.CANCELLED) is expected


def test_the_person_sees_and_cancels(client, colleague, registration):
    client.force_login(colleague)
    assert client.get(detail_url(registration)).status_code == 200
    client.post(cancel_url(registration))
    assert_cancelled(registration, True)


def test_an_admin_of_their_organisation_sees_and_cancels(client, owner, registration):
    client.force_login(owner)
    assert client.get(detail_url(registration)).status_code == 200
    assert registration.user.last_name in client.get(reverse("events:my-events")).content.decode()
    client.post(cancel_url(registration))
    assert_cancelled(registration, True)


def test_a_plain_colleague_of_the_same_organisation_gets_404(client, organisation, registration):
    other_colleague = MembershipFactory(
        organisation=organisation, role=Membership.Role.COLLEAGUE
    ).user
    client.force_login(other_colleague)
    assert client.get(detail_url(registration)).status_code == 404
    assert client.post(cancel_url(registration)).status_code == 404
    assert_cancelled(registration, False)


def test_the_admin_of_another_organisation_gets_404(client, outsider, registration):
    client.force_login(outsider)
    assert client.get(detail_url(registration)).status_code == 404
    assert client.post(cancel_url(registration)).status_code == 404
    assert (
        registration.user.last_name not in client.get(reverse("events:my-events")).content.decode()
    )
    assert_cancelled(registration, False)


def test_anonymous_gets_the_login_page(client, registration):
    for response in (client.get(detail_url(registration)), client.post(cancel_url(registration))):
        assert response.status_code == 302
        assert reverse("account_login") in response.url
    assert_cancelled(registration, False)


def test_staff_see_and_cancel_any_registration(staff_client, registration):
    assert staff_client.get(detail_url(registration)).status_code == 200
    staff_client.post(cancel_url(registration))
    assert_cancelled(registration, True)


def test_cancel_needs_a_post(client, colleague, registration):
    client.force_login(colleague)
    response = client.get(cancel_url(registration))
    assert response.status_code == 302 and response.url == detail_url(registration)
    assert_cancelled(registration, False)
