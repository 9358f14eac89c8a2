"""Sign-up, mandatory email verification, login by email, password reset, throttling."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def sign_up(client, email="new.person@example.org"):
    return client.post(
        reverse("account_signup"),
        {
            "first_name": "Nina",
            "last_name": "Essai",
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def test_sign_up_sends_a_verification_email_and_stores_the_name(client):
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert (user.first_name, user.last_name, user.language) == ("Nina", "Essai", "fr")
    assert len(mail.outbox) == 1
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_sign_up_in_english_records_english_as_the_preferred_language(client):
    client.post(
        "/en" + reverse("account_signup"),
        {
            "first_name": "Nina",
            "last_name": "Test",
            "email": "nina@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert User.objects.get(email="nina@example.org").language == "en"


def test_sign_up_with_a_taken_address_creates_nothing_and_warns_its_owner(client):
    # allauth prevents account enumeration: the page looks the same, the owner is told.
    UserFactory(email="taken@example.org")
    sign_up(client, email="Taken@Example.org")
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["taken@example.org"]


def test_unverified_person_cannot_log_in_until_they_follow_the_link(client):
    sign_up(client)
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "new.person@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    confirm_url = link_in(mail.outbox[0])
    assert client.get(confirm_url).status_code == 200
    client.post(confirm_url)
    assert EmailAddress.objects.get(email="new.person@example.org").verified

    response = client.post(
        reverse("account_login"), {"login": "new.person@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    assert client.session["_auth_user_id"]


def test_login_is_by_email_address_in_any_case(client, user):
    response = client.post(
        reverse("account_login"), {"login": user.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_login_takes_an_english_speaker_to_the_english_site(client):
    person = UserFactory(language="en")
    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert response.url == "/en/dashboard/"


def test_wrong_password_gets_an_error_and_no_session(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": "nope"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_repeated_failed_logins_are_throttled_with_a_message(client, user):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Trop de tentatives de connexion" in response.content.decode()


def test_logout_needs_a_post(client, user):
    client.force_login(user)
    client.get(reverse("account_logout"))
    assert "_auth_user_id" in client.session
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email_link(client, user):
    client.post(reverse("account_reset_password"), {"email": user.email})
    assert len(mail.outbox) == 1
    response = client.get(link_in(mail.outbox[0]), follow=True)
    form_url = response.redirect_chain[-1][0]
    client.post(
        form_url, {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"}
    )
    user.refresh_from_db()
    assert user.check_password("a-brand-new-passphrase")


def test_password_change_requires_the_current_password(client, user):
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "wrong",
            "password1": "another-long-pass",
            "password2": "another-long-pass",
        },
    )
    assert response.context["form"].errors["oldpassword"]
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_email_is_stored_lower_case_and_unique_whatever_the_case(db):
    person = User.objects.create_user("Mixed.Case@Example.ORG", "pw")
    assert person.email == "mixed.case@example.org"
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email="MIXED.case@example.org")])
