"""My account: details, personal data export, account deletion."""

import json

import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["accounts:me", "accounts:export", "accounts:delete", "dashboard"])
def test_anonymous_people_are_sent_to_the_login_page(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_forged_delete_post_from_an_anonymous_visitor_deletes_nothing(client, user):
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert User.objects.filter(pk=user.pk).exists()


def test_a_person_updates_their_details(client, user):
    client.force_login(user)
    response = client.post(
        reverse("accounts:me"),
        {
            "first_name": "Jeanne",
            "last_name": "Essai",
            "job_title": "Ingénieure batteries",
            "phone": "+33 3 81 00 00 00",
            "language": "en",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.first_name, user.job_title, user.language) == (
        "Jeanne",
        "Ingénieure batteries",
        "en",
    )


def test_bad_details_get_field_errors_and_nothing_is_saved(client, user):
    client.force_login(user)
    response = client.post(
        reverse("accounts:me"),
        {"first_name": "", "last_name": "Essai", "phone": "call me maybe", "language": "xx"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"first_name", "phone", "language"}
    user.refresh_from_db()
    assert user.last_name != "Essai"


def test_export_downloads_every_registered_section_as_json(client, user):
    client.force_login(user)
    response = client.get(reverse("accounts:export"))
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert data["email_addresses"] == [{"email": user.email, "verified": True, "primary": True}]
    assert "two_factor" in data


def test_export_contains_only_the_requesting_persons_data(client, user):
    other = UserFactory()
    client.force_login(user)
    assert other.email not in client.get(reverse("accounts:export")).content.decode()


def test_deletion_page_lists_what_is_removed(client, user):
    client.force_login(user)
    html = client.get(reverse("accounts:delete")).content.decode()
    assert "Votre compte, votre nom" in html
    assert "Vos adresses e-mail" in html


def test_deletion_needs_the_password_and_the_confirmation(client, user):
    client.force_login(user)
    response = client.post(reverse("accounts:delete"), {"password": "wrong", "confirm": "on"})
    assert response.context["form"].errors["password"]
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.context["form"].errors["confirm"]
    assert User.objects.filter(pk=user.pk).exists()


def test_deletion_removes_the_account_and_signs_out(client, user):
    client.force_login(user)
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert "_auth_user_id" not in client.session
