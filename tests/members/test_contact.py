"""The contact relay: messages reach people by email, addresses stay hidden, abuse is limited."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext as _

from members.models import ContactMessage, Membership
from tests.factories import UserFactory
from tests.members.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(organisation):
    return MembershipFactory(
        organisation=organisation,
        visibility=Membership.Visibility.PUBLIC,
        user=UserFactory(phone="+33 6 98 76 54 32"),
    )


def person_url(organisation, membership):
    return reverse("members:contact-person", args=[organisation.slug, membership.pk])


def message(number=1):
    return {"subject": f"Projet commun {number}", "body": "Bonjour, parlons batteries."}


def test_anonymous_visitors_are_sent_to_the_login_page(client, organisation, person):
    response = client.get(person_url(organisation, person))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    client.post(person_url(organisation, person), message())
    assert not ContactMessage.objects.exists()


def test_a_message_reaches_the_person_by_email_and_is_logged(
    client, organisation, person, mail_on_commit
):
    sender = UserFactory(first_name="Nina", last_name="Expéditrice")
    client.force_login(sender)
    page = client.get(person_url(organisation, person)).content.decode()
    assert person.user.email not in page and "98 76 54 32" not in page
    with mail_on_commit():
        response = client.post(person_url(organisation, person), message())
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [person.user.email]
    assert email.reply_to == [sender.email]
    assert "Projet commun 1" in email.subject
    assert "parlons batteries" in email.body and "Nina Expéditrice" in email.body
    logged = ContactMessage.objects.get()
    assert (logged.kind, logged.sender, logged.recipient) == ("person", sender, person.user)


def test_a_message_to_the_organisation_goes_to_its_admins(
    client, organisation, owner, colleague, mail_on_commit
):
    client.force_login(UserFactory())
    with mail_on_commit():
        client.post(reverse("members:contact-organisation", args=[organisation.slug]), message())
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert ContactMessage.objects.get().kind == "organisation"


def test_hidden_people_cannot_be_written_to(client, organisation, member):
    hidden = MembershipFactory(organisation=organisation, visibility=Membership.Visibility.HIDDEN)
    client.force_login(member)
    assert client.post(person_url(organisation, hidden), message()).status_code == 404
    assert not mail.outbox


def test_members_only_people_are_reachable_by_members_only(client, organisation, member):
    reserved = MembershipFactory(
        organisation=organisation, visibility=Membership.Visibility.MEMBERS
    )
    client.force_login(UserFactory())
    assert client.get(person_url(organisation, reserved)).status_code == 404
    client.force_login(member)
    assert client.get(person_url(organisation, reserved)).status_code == 200


def test_sending_is_rate_limited_per_person(client, organisation, person, mail_on_commit):
    sender = UserFactory()
    client.force_login(sender)
    with mail_on_commit():
        for number in range(5):
            assert client.post(person_url(organisation, person), message(number)).status_code == 302
        response = client.post(person_url(organisation, person), message(6))
    assert response.status_code == 200
    assert _("You have sent many messages in a short time. Please try again later.") in (
        response.content.decode()
    )
    assert len(mail.outbox) == 5
    assert ContactMessage.objects.count() == 5
    # Another person is not affected by the first one's limit.
    client.force_login(UserFactory())
    assert client.post(person_url(organisation, person), message()).status_code == 302


def test_staff_see_the_log_in_the_back_office(staff_client, organisation, person):
    ContactMessage.objects.create(
        kind="person",
        sender=UserFactory(),
        recipient=person.user,
        organisation=organisation,
        subject="Sujet consigné",
        body="Texte",
    )
    response = staff_client.get(reverse("admin:members_contactmessage_changelist"))
    assert "Sujet consigné" in response.content.decode()


def test_an_empty_message_is_a_field_error(client, organisation, person):
    client.force_login(UserFactory())
    response = client.post(person_url(organisation, person), {"subject": "", "body": ""})
    assert set(response.context["form"].errors) == {"subject", "body"}
    assert not ContactMessage.objects.exists()
