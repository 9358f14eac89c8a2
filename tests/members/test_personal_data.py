"""What the members app keeps about a person: in the data export, and on account deletion."""

import json

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.personal_data import deletion_blockers, export_user_data, user_delete
from members.models import (
    ConsentRecord,
    ContactMessage,
    Membership,
    MembershipApplication,
)
from tests.members.factories import (
    ApplicationFactory,
    JoinRequestFactory,
    MembershipFactory,
    invitation_for,
)

pytestmark = pytest.mark.django_db


def test_the_export_holds_memberships_consents_messages_requests_and_applications(
    client, organisation, colleague
):
    ConsentRecord.objects.create(
        user=colleague, organisation=organisation, visibility="public", source="person"
    )
    ContactMessage.objects.create(
        kind="organisation",
        sender=colleague,
        organisation=organisation,
        subject="Mon message",
        body="Texte",
    )
    JoinRequestFactory(user=colleague)
    ApplicationFactory(user=colleague, contact_phone="03 00 00 00 01")
    data = export_user_data(colleague)
    assert data["memberships"][0]["organisation"] == organisation.name
    assert data["consent_log"][0]["name_shown_to"] == "public"
    assert data["contact_messages"][0]["subject"] == "Mon message"
    assert len(data["join_requests"]) == 1
    assert data["membership_applications"][0]["contact_phone"] == "03 00 00 00 01"
    client.force_login(colleague)
    exported = json.loads(client.get(reverse("accounts:export")).content)
    assert exported["memberships"][0]["role"] == "colleague"


def test_the_last_admin_of_an_organisation_with_other_members_cannot_delete_their_account(
    organisation, owner, colleague
):
    assert deletion_blockers(owner)
    assert organisation.name in deletion_blockers(owner)[0]
    assert not deletion_blockers(colleague)
    MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN)
    assert not deletion_blockers(owner)


def test_a_sole_admin_without_colleagues_may_leave(owner):
    assert not deletion_blockers(owner)


def test_deleting_an_account_removes_the_persons_data_and_keeps_the_organisation(
    organisation, colleague
):
    ConsentRecord.objects.create(
        user=colleague, organisation=organisation, visibility="public", source="person"
    )
    ContactMessage.objects.create(
        kind="organisation", sender=colleague, organisation=organisation, subject="S", body="B"
    )
    application = ApplicationFactory(user=colleague, contact_email=colleague.email)
    invitation_for(organisation, email=colleague.email)
    membership_id = colleague.memberships.get().pk
    user_delete(user=colleague)
    assert not User.objects.filter(pk=colleague.pk).exists()
    assert not Membership.objects.filter(pk=membership_id).exists()
    assert not Membership.history.filter(id=membership_id).exists()
    assert not ConsentRecord.objects.exists()
    assert not ContactMessage.objects.exists()
    assert not organisation.invitations.exists()
    application.refresh_from_db()
    assert application.user is None
    assert application.contact_email != colleague.email and application.contact_phone == ""
    assert MembershipApplication.objects.count() == 1
    organisation.refresh_from_db()


def test_the_deletion_page_explains_what_goes(client, organisation, colleague):
    client.force_login(colleague)
    response = client.get(reverse("accounts:delete"))
    assert response.status_code == 200
    assert any("1" in line for line in response.context["summary"])
