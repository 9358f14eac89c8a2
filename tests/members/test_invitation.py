"""The life of an invitation link: open, accept once, expired, withdrawn, organisation gone."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from members.models import Invitation, Membership, Organisation
from tests.factories import UserFactory
from tests.members.factories import invitation_for

pytestmark = pytest.mark.django_db


def accept_url(token):
    return reverse("members:invitation-accept", args=[token])


def test_an_anonymous_visitor_is_asked_to_sign_in_or_sign_up(client, organisation):
    _invitation, token = invitation_for(organisation)
    response = client.get(accept_url(token))
    assert response.status_code == 200
    content = response.content.decode()
    assert organisation.name in content
    assert reverse("account_login") + "?next=" in content
    assert reverse("account_signup") + "?next=" in content


def test_an_existing_account_accepts_and_joins_with_the_invited_role(client, organisation):
    invitation, token = invitation_for(
        organisation, email="Invitee@Example.org", role=Membership.Role.ADMIN
    )
    person = UserFactory(email="invitee@example.org")
    client.force_login(person)
    page = client.get(accept_url(token))
    assert page.context["matches"] is True
    assert 'name="confirm_account"' not in page.content.decode()
    response = client.post(accept_url(token))
    assert response.status_code == 302
    membership = Membership.objects.get(user=person, organisation=organisation)
    assert membership.role == Membership.Role.ADMIN
    invitation.refresh_from_db()
    assert invitation.accepted_by == person and invitation.accepted_at
    assert person.consent_records.get().source == "default"


def test_the_page_shows_the_invited_address_masked(client, organisation):
    _invitation, token = invitation_for(organisation, email="nouvelle.recrue@example.org")
    for signed_in in (False, True):
        if signed_in:
            client.force_login(UserFactory())
        content = client.get(accept_url(token)).content.decode()
        assert "n•••e@example.org" in content
        assert "nouvelle.recrue@example.org" not in content


def test_another_account_must_confirm_that_the_invitation_is_for_them(client, organisation):
    """Holding the link is the proof (it went to the invited address only); an account
    without that address is told so and joins only once the person confirms."""
    invitation, token = invitation_for(organisation, email="invitee@example.org")
    person = UserFactory(email="private.address@example.net")
    client.force_login(person)
    page = client.get(accept_url(token))
    assert page.context["matches"] is False
    assert 'name="confirm_account"' in page.content.decode()
    refused = client.post(accept_url(token))
    assert refused.status_code == 200
    assert refused.context["needs_confirmation"] is True
    assert _("Tick the box to confirm that the invitation is for you.") in (
        refused.content.decode()
    )
    assert not organisation.memberships.exists()
    invitation.refresh_from_db()
    assert invitation.is_pending
    response = client.post(accept_url(token), {"confirm_account": "1"})
    assert response.status_code == 302
    assert organisation.memberships.filter(user=person).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_by == person


def test_an_unverified_copy_of_the_invited_address_does_not_count(client, organisation):
    _invitation, token = invitation_for(organisation, email="invitee@example.org")
    person = UserFactory(email="someone@example.net")
    EmailAddress.objects.create(user=person, email="invitee@example.org", verified=False)
    client.force_login(person)
    assert client.get(accept_url(token)).context["matches"] is False
    assert client.post(accept_url(token)).status_code == 200
    assert not organisation.memberships.exists()


def test_a_used_link_shows_a_clear_page(client, organisation):
    _invitation, token = invitation_for(organisation)
    client.force_login(UserFactory(email="invitee@example.org"))
    client.post(accept_url(token))
    client.force_login(UserFactory())
    confirmed = {"confirm_account": "1"}
    for response in (client.get(accept_url(token)), client.post(accept_url(token), confirmed)):
        assert response.status_code == 410
        assert response.context["reason"] == "used"
        assert (
            escape(_("This invitation has already been used. Each link works only once."))
            in response.content.decode()
        )
    assert organisation.memberships.count() == 1


def test_an_expired_link_shows_a_clear_page(client, organisation):
    _invitation, token = invitation_for(
        organisation, expires_at=timezone.now() - timedelta(minutes=1)
    )
    client.force_login(UserFactory(email="invitee@example.org"))
    response = client.post(accept_url(token))
    assert response.status_code == 410
    assert response.context["reason"] == "expired"
    assert not organisation.memberships.exists()


def test_the_expiry_is_14_days(organisation):
    invitation, _token = invitation_for(organisation)
    lifetime = invitation.expires_at - timezone.now()
    assert timedelta(days=13, hours=23) < lifetime <= timedelta(days=14)


def test_a_withdrawn_link_shows_a_clear_page(client, organisation, owner):
    invitation, token = invitation_for(organisation)
    client.force_login(owner)
    client.post(reverse("members:invitation-revoke", args=[organisation.slug, invitation.pk]))
    response = client.get(accept_url(token))
    assert response.status_code == 410
    assert response.context["reason"] == "revoked"


def test_a_link_for_a_removed_organisation_shows_a_clear_page(client, organisation):
    _invitation, token = invitation_for(organisation)
    Organisation.objects.filter(pk=organisation.pk).update(
        membership_status=Organisation.Status.FORMER
    )
    assert client.get(accept_url(token)).context["reason"] == "organisation"
    organisation.delete()
    response = client.get(accept_url(token))
    assert response.status_code == 404
    assert response.context["reason"] == "unknown"


def test_a_made_up_link_shows_a_clear_page(client):
    response = client.get(accept_url("made-up-token"))
    assert response.status_code == 404
    assert _("This invitation cannot be used") in response.content.decode()


def test_a_new_account_finds_the_invitation_in_its_space(client, organisation):
    invitation, _token = invitation_for(organisation, email="Nouvelle@Example.org")
    person = UserFactory(email="nouvelle@example.org")
    client.force_login(person)
    dashboard = client.get(reverse("dashboard")).content.decode()
    url = reverse("members:invitation-accept-pending", args=[invitation.pk])
    assert url in dashboard
    assert client.post(url).status_code == 302
    assert organisation.memberships.filter(user=person).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_by == person


def test_an_invitation_to_someone_else_cannot_be_accepted_from_the_dashboard(client, organisation):
    invitation, _token = invitation_for(organisation, email="someone@example.org")
    intruder = UserFactory(email="intruder@example.org")
    EmailAddress.objects.create(user=intruder, email="someone@example.org", verified=False)
    client.force_login(intruder)
    url = reverse("members:invitation-accept-pending", args=[invitation.pk])
    assert client.post(url).status_code == 404
    assert not organisation.memberships.filter(user=intruder).exists()


def test_only_the_organisations_admins_can_withdraw_an_invitation(
    client, organisation, colleague, outsider
):
    invitation, _token = invitation_for(organisation)
    url = reverse("members:invitation-revoke", args=[organisation.slug, invitation.pk])
    client.force_login(colleague)
    assert client.post(url).status_code == 403
    client.force_login(outsider)
    assert client.post(url).status_code == 404
    invitation.refresh_from_db()
    assert invitation.is_pending
    assert Invitation.objects.pending().count() == 1


def test_someone_already_in_the_organisation_does_not_use_up_the_link(
    client, organisation, colleague
):
    invitation, token = invitation_for(organisation, email="newcomer@example.org")
    client.force_login(colleague)
    page = client.get(accept_url(token))
    assert page.context["already_member"] is True
    assert "confirm_account" not in page.content.decode()
    response = client.post(accept_url(token), {"confirm_account": "1"})
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    invitation.refresh_from_db()
    assert invitation.is_pending
    assert colleague.memberships.get().role == Membership.Role.COLLEAGUE
