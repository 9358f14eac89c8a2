"""Joining the cluster: a visitor applies, staff accept or decline, the applicant follows."""

import pytest
from django.core import mail
from django.urls import reverse

from members.models import Invitation, Membership, MembershipApplication, Organisation
from tests.factories import UserFactory
from tests.members.factories import ApplicationFactory

pytestmark = pytest.mark.django_db
URL = reverse("members:application-create")


def test_a_visitor_applies_staff_and_applicant_are_told(
    client, application_data, settings, mail_on_commit
):
    settings.STAFF_NOTIFICATION_EMAILS = ["staff-list@example.org"]
    with mail_on_commit():
        response = client.post(URL, application_data)
    application = MembershipApplication.objects.get()
    assert response.status_code == 302
    assert response["Location"] == application.get_absolute_url()
    organisation = application.organisation
    assert organisation.membership_status == Organisation.Status.APPLICANT
    assert organisation.slug == "nouvelle-mobilite"
    assert (organisation.department, organisation.region) == ("25", "bfc")
    assert not organisation.is_listed
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["lina@nouvelle-mobilite.example", "staff-list@example.org"]
    applicant_mail = next(m for m in mail.outbox if m.to == ["lina@nouvelle-mobilite.example"])
    assert application.get_absolute_url() in applicant_mail.body


def test_the_applicant_follows_the_status(client):
    application = ApplicationFactory()
    response = client.get(application.get_absolute_url())
    assert response.status_code == 200
    assert application.organisation.name in response.content.decode()
    assert response.context["application"].status == "pending"


def test_an_unknown_status_link_is_404(client):
    url = reverse("members:application-status", args=["6f1d1d1e-0000-4000-8000-000000000000"])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("siret", "73282932000075"),
        ("website", "nope"),
        ("postcode", "99999"),
        ("contact_email", "nope"),
        ("markets", []),
        ("consent", ""),
        ("motivation", ""),
    ],
)
def test_bad_input_is_a_field_error_and_nothing_is_created(client, application_data, field, value):
    response = client.post(URL, {**application_data, field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Organisation.objects.exists()
    assert not MembershipApplication.objects.exists()


def review_url(application):
    return reverse("admin:members_membershipapplication_review", args=[application.pk])


def test_staff_accept_and_an_existing_account_becomes_admin(staff_client, mail_on_commit):
    applicant = UserFactory(email="lina@example.org")
    application = ApplicationFactory(contact_email="lina@example.org")
    assert staff_client.get(review_url(application)).status_code == 200
    with mail_on_commit():
        response = staff_client.post(review_url(application), {"accept": "1"})
    assert response.status_code == 302
    application.refresh_from_db()
    organisation = application.organisation
    assert application.status == MembershipApplication.Status.ACCEPTED
    assert organisation.membership_status == Organisation.Status.ACTIVE
    assert organisation.member_since and organisation.paid_until
    assert organisation.is_listed
    assert organisation.memberships.get(user=applicant).role == Membership.Role.ADMIN
    assert mail.outbox[-1].to == ["lina@example.org"]
    assert reverse("members:organisation-edit", args=[organisation.slug]) in mail.outbox[-1].body


def test_staff_accept_and_an_applicant_without_account_gets_an_admin_invitation(
    staff_client, mail_on_commit
):
    application = ApplicationFactory(contact_email="newcomer@example.org")
    with mail_on_commit():
        staff_client.post(review_url(application), {"accept": "1"})
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role) == ("newcomer@example.org", "admin")
    accepted_mail = next(m for m in mail.outbox if "invitations/" in m.body and m.subject)
    assert accepted_mail.to == ["newcomer@example.org"]


def test_staff_decline_with_a_reason_the_applicant_sees_it(staff_client, client, mail_on_commit):
    application = ApplicationFactory()
    response = staff_client.post(review_url(application), {"decline": "1", "reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    application.refresh_from_db()
    assert application.status == "pending"
    with mail_on_commit():
        staff_client.post(review_url(application), {"decline": "1", "reason": "Hors périmètre."})
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.DECLINED
    assert "Hors périmètre." in mail.outbox[-1].body
    assert "Hors périmètre." in client.get(application.get_absolute_url()).content.decode()
    assert not application.organisation.is_listed


def test_a_decided_application_cannot_be_decided_again(staff_client):
    application = ApplicationFactory()
    staff_client.post(review_url(application), {"accept": "1"})
    staff_client.post(review_url(application), {"decline": "1", "reason": "Trop tard"})
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.ACCEPTED


def test_people_who_are_not_staff_cannot_review(client, owner):
    application = ApplicationFactory()
    client.force_login(owner)
    response = client.post(review_url(application), {"accept": "1"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    application.refresh_from_db()
    assert application.status == "pending"


def test_a_signed_in_applicant_sees_the_application_in_their_space(client, application_data):
    person = UserFactory()
    client.force_login(person)
    client.post(URL, application_data)
    application = MembershipApplication.objects.get()
    assert application.user == person
    assert application.get_absolute_url() in client.get(reverse("dashboard")).content.decode()


def test_applications_are_rate_limited_per_visitor_address(client, application_data, settings):
    """Five applications an hour from one address; behind the proxy, the visitor's address
    (X-Forwarded-For, as allauth reads it) counts, not the proxy's."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    application_data = {**application_data, "kind": "lab", "siret": ""}
    for number in range(5):
        data = {**application_data, "name": f"Candidate {number}"}
        response = client.post(URL, data, HTTP_X_FORWARDED_FOR="203.0.113.7")
        assert response.status_code == 302
    refused = client.post(
        URL, {**application_data, "name": "Candidate 6"}, HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert refused.status_code == 200
    assert refused.context["form"].non_field_errors()
    assert MembershipApplication.objects.count() == 5
    other = client.post(
        URL, {**application_data, "name": "Other visitor"}, HTTP_X_FORWARDED_FOR="198.51.100.9"
    )
    assert other.status_code == 302
    assert MembershipApplication.objects.count() == 6


def test_an_organisation_already_on_the_portal_cannot_apply_twice(client, application_data):
    from tests.members.factories import OrganisationFactory

    OrganisationFactory(siret="73282932000074")
    response = client.post(URL, {**application_data, "siret": "732 829 320 00074"})
    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["siret"]] == ["siret_taken"]
    assert not MembershipApplication.objects.exists()
    # A former member may apply again.
    Organisation.objects.update(membership_status=Organisation.Status.FORMER)
    assert client.post(URL, application_data).status_code == 302
