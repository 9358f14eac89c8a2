"""The contact relay: messages reach people by email, addresses stay hidden, abuse is limited."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext as _

from members import services
from members.models import ContactMessage, Membership
from tests.factories import UserFactory
from tests.members.factories import MembershipFactory, PlatformFactory

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


def test_the_limit_counts_every_relay_form_together(
    client, organisation, owner, person, mail_on_commit
):
    """People, organisations and platforms share one allowance: switching forms does not
    reset it."""
    platform = PlatformFactory(organisation=organisation)
    forms = [
        person_url(organisation, person),
        reverse("members:contact-organisation", args=[organisation.slug]),
        reverse("members:platform-request-access", args=[platform.slug]),
    ]
    client.force_login(UserFactory())
    with mail_on_commit():
        for number in range(5):
            assert client.post(forms[number % 3], message(number)).status_code == 302
        refused = [client.post(url, message(9)) for url in forms]
    assert [response.status_code for response in refused] == [200, 200, 200]
    assert ContactMessage.objects.count() == 5
    assert len(mail.outbox) == 5


def test_the_daily_limit_holds_after_the_hourly_one_resets(
    client, organisation, person, mail_on_commit
):
    from django.core.cache import cache

    from core import ratelimit

    sender = UserFactory()
    client.force_login(sender)
    with mail_on_commit():
        for _hour in range(4):
            for number in range(5):
                client.post(person_url(organisation, person), message(number))
            # An hour passes: the hourly counter expires, the daily one stays.
            cache.delete(ratelimit._key("contact", str(sender.pk), services.CONTACT_RATES[0]))
        response = client.post(person_url(organisation, person), message())
    assert response.status_code == 200
    assert ContactMessage.objects.filter(sender=sender).count() == 20


def test_the_staff_log_shows_who_wrote_to_whom_and_the_message(
    staff_client, organisation, owner, person, mail_on_commit
):
    from tests.conftest import LanguageSafeClient

    platform = PlatformFactory(organisation=organisation, name="Banc consigné")
    sender = UserFactory(email="curieux@example.org")
    client = LanguageSafeClient()
    client.force_login(sender)
    with mail_on_commit():
        client.post(
            reverse("members:platform-request-access", args=[platform.slug]),
            {"subject": "Essais\nen mars", "body": "Nous voudrions réserver le banc."},
        )
    logged = ContactMessage.objects.get()
    assert (logged.kind, logged.platform, logged.delivered_to) == ("platform", platform, 1)
    assert mail.outbox[0].subject.endswith("Essais en mars")  # no header break
    changelist = staff_client.get(reverse("admin:members_contactmessage_changelist"))
    content = changelist.content.decode()
    assert "Banc consigné" in content and "curieux@example.org" in content
    detail = staff_client.get(reverse("admin:members_contactmessage_change", args=[logged.pk]))
    assert detail.status_code == 200
    assert "Nous voudrions réserver le banc." in detail.content.decode()
    # The log is read-only, and closed to people who are not staff.
    assert (
        staff_client.post(
            reverse("admin:members_contactmessage_change", args=[logged.pk]), {"subject": "x"}
        ).status_code
        == 403
    )
    client.force_login(person.user)
    assert client.get(reverse("admin:members_contactmessage_changelist")).status_code == 302
