"""Organisation admins manage their colleagues: invite, change roles, remove."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from members import services
from members.models import Invitation, Membership
from tests.members.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def people_url(organisation):
    return reverse("members:organisation-people", args=[organisation.slug])


def role_url(organisation, membership):
    return reverse("members:membership-role", args=[organisation.slug, membership.pk])


def remove_url(organisation, membership):
    return reverse("members:membership-remove", args=[organisation.slug, membership.pk])


def test_the_owner_sees_the_people_page(client, organisation, owner, colleague):
    client.force_login(owner)
    response = client.get(people_url(organisation))
    assert response.status_code == 200
    content = response.content.decode()
    assert colleague.get_full_name() in content
    assert colleague.email not in content


def test_the_owner_invites_a_colleague_by_email(client, organisation, owner, mail_on_commit):
    client.force_login(owner)
    with mail_on_commit():
        response = client.post(
            people_url(organisation), {"email": "nouvelle@example.org", "role": "colleague"}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.invited_by) == (
        "nouvelle@example.org",
        "colleague",
        owner,
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nouvelle@example.org"]
    link = reverse("members:invitation-accept", args=["TOKEN"]).replace("TOKEN/", "")
    assert link in mail.outbox[0].body
    token = mail.outbox[0].body.split(link)[1].split("/")[0]
    # Only a hash of the link's token is kept.
    assert invitation.token_hash == Invitation.hash_token(token)
    assert token not in invitation.token_hash


def test_inviting_again_withdraws_the_previous_invitation(client, organisation, owner):
    client.force_login(owner)
    for _round in range(2):
        client.post(people_url(organisation), {"email": "x@example.org", "role": "colleague"})
    assert Invitation.objects.pending().count() == 1
    assert Invitation.objects.filter(revoked_at__isnull=False).count() == 1


def test_inviting_someone_already_in_the_organisation_is_a_field_error(
    client, organisation, owner, colleague
):
    client.force_login(owner)
    response = client.post(
        people_url(organisation), {"email": colleague.email.upper(), "role": "colleague"}
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_a_bad_email_address_is_a_field_error(client, organisation, owner):
    client.force_login(owner)
    response = client.post(people_url(organisation), {"email": "not-an-email", "role": "x"})
    assert set(response.context["form"].errors) == {"email", "role"}
    assert not Invitation.objects.exists()


def test_the_owner_changes_a_role_and_removes_a_colleague(client, organisation, owner, colleague):
    membership = colleague.memberships.get()
    client.force_login(owner)
    client.post(role_url(organisation, membership), {"role": "admin"})
    membership.refresh_from_db()
    assert membership.role == Membership.Role.ADMIN
    client.post(remove_url(organisation, membership))
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_last_admin_cannot_remove_or_demote_themself(client, organisation, owner):
    membership = owner.memberships.get()
    client.force_login(owner)
    response = client.post(remove_url(organisation, membership), follow=True)
    assert Membership.objects.filter(pk=membership.pk).exists()
    message = _(
        "The last admin of an organisation cannot be removed: make someone else admin first."
    )
    assert escape(message) in response.content.decode()
    client.post(role_url(organisation, membership), {"role": "colleague"})
    membership.refresh_from_db()
    assert membership.role == Membership.Role.ADMIN
    leave = reverse("members:membership-leave", args=[organisation.slug])
    client.post(leave)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_with_two_admins_one_may_leave(client, organisation, owner):
    MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN)
    client.force_login(owner)
    response = client.post(reverse("members:membership-leave", args=[organisation.slug]))
    assert response.status_code == 302
    assert not organisation.memberships.filter(user=owner).exists()


@pytest.mark.parametrize("who", ["colleague", "outsider", "anonymous"])
def test_others_cannot_manage_people_even_with_forged_posts(
    client, organisation, owner, colleague, outsider, who
):
    expected = {"colleague": 403, "outsider": 404, "anonymous": 302}[who]
    if who != "anonymous":
        client.force_login(colleague if who == "colleague" else outsider)
    target = owner.memberships.get()
    responses = [
        client.get(people_url(organisation)),
        client.post(people_url(organisation), {"email": "spy@example.org", "role": "admin"}),
        client.post(role_url(organisation, target), {"role": "colleague"}),
        client.post(remove_url(organisation, target)),
    ]
    assert [r.status_code for r in responses] == [expected] * 4
    if who == "anonymous":
        assert all(r["Location"].startswith(reverse("account_login")) for r in responses)
    target.refresh_from_db()
    assert target.role == Membership.Role.ADMIN
    assert not Invitation.objects.exists()


def test_an_admin_cannot_touch_a_membership_of_another_organisation(
    client, organisation, owner, outsider
):
    other = outsider.memberships.get()
    client.force_login(owner)
    assert client.post(remove_url(organisation, other)).status_code == 404
    assert Membership.objects.filter(pk=other.pk).exists()


def test_a_person_chooses_their_visibility_and_the_choice_is_logged(
    client, organisation, colleague
):
    membership = colleague.memberships.get()
    url = reverse("members:membership-self", args=[organisation.slug])
    client.force_login(colleague)
    assert client.get(url).status_code == 200
    client.post(url, {"job_title": "Ingénieure essais", "visibility": "public"})
    membership.refresh_from_db()
    assert (membership.job_title, membership.visibility) == ("Ingénieure essais", "public")
    record = colleague.consent_records.get()
    assert (record.visibility, record.source) == ("public", "person")


def test_nobody_else_reaches_someone_elses_visibility_page(client, organisation, outsider):
    client.force_login(outsider)
    url = reverse("members:membership-self", args=[organisation.slug])
    assert client.get(url).status_code == 404


def test_invitations_are_rate_limited_per_organisation(client, organisation, owner):
    """An admin account taken over cannot send the portal's emails to thousands of people."""

    limit = services.INVITATION_RATES[0].limit
    client.force_login(owner)
    for number in range(limit):
        response = client.post(
            people_url(organisation),
            {"email": f"invitee{number}@elsewhere.example", "role": "colleague"},
        )
        assert response.status_code == 302
    refused = client.post(
        people_url(organisation), {"email": "one.more@example.org", "role": "colleague"}
    )
    assert refused.status_code == 200
    assert (
        _("Too many invitations were sent today. Try again tomorrow.")
        in (refused.context["form"].errors["email"])
    )
    assert Invitation.objects.count() == limit
