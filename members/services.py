"""Use cases of the members app that write several rows, take locks or send mail."""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import hooks, ratelimit
from core.errors import PortalError
from core.text import unique_slug
from members import emails
from members.models import (
    ConsentRecord,
    ContactMessage,
    Invitation,
    JoinRequest,
    Membership,
    MembershipApplication,
    Organisation,
    Platform,
)

# Addresses of the members pages that an organisation slug must never take.
RESERVED_SLUGS = {"platforms", "map", "apply", "invitations", "export", "export-csv"}
# The slug of a name without any letter or digit.
SLUG_FALLBACK = "organisation"

# A person may relay this many messages (to people, organisations or platforms).
CONTACT_RATES = (ratelimit.Rate(5, 60 * 60), ratelimit.Rate(20, 24 * 60 * 60))
# Invitations an organisation admin may send.
INVITATION_RATES = (ratelimit.Rate(30, 24 * 60 * 60),)


class MembersError(PortalError):
    """A use case of the members app refused (see ``core.errors.PortalError``)."""


class InvitationInvalid(MembersError):
    """An invitation link that cannot be used; ``reason`` says why."""


def verified_emails(user) -> list[str]:
    return list(
        EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    )


# --- The profile -------------------------------------------------------------------------


def organisation_update(*, form) -> Organisation:
    """Save an organisation form and its markets, competencies and certifications as a
    single history entry (who and when come from the request), live at once."""
    organisation = form.instance
    with transaction.atomic():
        organisation.skip_history_when_saving = True
        try:
            form.save()
        finally:
            del organisation.skip_history_when_saving
        # Saving again records one history entry holding the final many-to-many values and
        # refreshes the search text with the new competencies.
        organisation.save()
    return organisation


def platform_save(*, form, organisation: Organisation) -> Platform:
    platform = form.save(commit=False)
    with transaction.atomic():
        platform.organisation = organisation
        if not platform.slug:
            platform.slug = unique_slug(
                Platform.objects.all(),
                f"{platform.name} {organisation.name}",
                fallback=SLUG_FALLBACK,
                reserved=RESERVED_SLUGS,
            )
        platform.save()
        form.save_m2m()
    return platform


# --- People ------------------------------------------------------------------------------


def membership_create(
    *, organisation: Organisation, user, role: str, job_title: str = ""
) -> Membership:
    """Add ``user`` to ``organisation`` (or give them ``role`` if already in) and log the
    default visibility of their name in the consent log."""
    membership, created = Membership.objects.get_or_create(
        organisation=organisation,
        user=user,
        defaults={"role": role, "job_title": job_title or user.job_title},
    )
    if created:
        ConsentRecord.objects.create(
            user=user,
            organisation=organisation,
            visibility=membership.visibility,
            source=ConsentRecord.Source.DEFAULT,
        )
    elif role == Membership.Role.ADMIN and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role", "updated_at"])
    return membership


def _locked_admin_count(organisation_id) -> int:
    admins = Membership.objects.select_for_update().filter(
        organisation_id=organisation_id, role=Membership.Role.ADMIN
    )
    return len(list(admins))


def membership_set_role(*, membership: Membership, role: str) -> Membership:
    with transaction.atomic():
        admins = _locked_admin_count(membership.organisation_id)
        membership.refresh_from_db(fields=["role"])
        if membership.is_admin and role != Membership.Role.ADMIN and admins <= 1:
            raise MembersError(
                _("An organisation keeps at least one admin: make someone else admin first.")
            )
        membership.role = role
        membership.save(update_fields=["role", "updated_at"])
    return membership


def membership_remove(*, membership: Membership) -> None:
    """Remove a person from an organisation; the last admin stays."""
    with transaction.atomic():
        admins = _locked_admin_count(membership.organisation_id)
        membership.refresh_from_db(fields=["role"])
        if membership.is_admin and admins <= 1:
            raise MembersError(
                _(
                    "The last admin of an organisation cannot be removed: make someone else "
                    "admin first."
                )
            )
        membership.delete()


def membership_update_self(*, membership: Membership, job_title: str, visibility: str):
    """A person changes their job title or who sees their name; each choice is logged."""
    with transaction.atomic():
        stored = Membership.objects.select_for_update().get(pk=membership.pk)
        changed_visibility = visibility != stored.visibility
        membership.job_title = job_title
        membership.visibility = visibility
        membership.save(update_fields=["job_title", "visibility", "updated_at"])
        if changed_visibility:
            ConsentRecord.objects.create(
                user=membership.user,
                organisation=membership.organisation,
                visibility=visibility,
                source=ConsentRecord.Source.PERSON,
            )
    return membership


# --- Invitations -------------------------------------------------------------------------


def invitation_create(
    *, organisation: Organisation, email: str, role: str, invited_by
) -> Invitation:
    """Invite ``email`` into ``organisation``: a single-use link valid for 14 days, sent by
    email. An earlier pending invitation to the same address is withdrawn."""
    email = email.strip()
    already = Membership.objects.filter(organisation=organisation).filter(
        user__emailaddress__email__iexact=email
    ) | Membership.objects.filter(organisation=organisation, user__email__iexact=email)
    if already.exists():
        raise MembersError(_("This person already belongs to the organisation."))
    if not ratelimit.hit("invitation", organisation.pk, INVITATION_RATES):
        raise MembersError(_("Too many invitations were sent today. Try again tomorrow."))
    token, token_hash = Invitation.new_token()
    with transaction.atomic():
        organisation.invitations.pending().filter(email__iexact=email).update(
            revoked_at=timezone.now()
        )
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            token_hash=token_hash,
            invited_by=invited_by,
            expires_at=Invitation.default_expiry(),
        )
        emails.send_invitation(invitation, token=token, inviter=invited_by)
    invitation.token = token
    return invitation


def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.is_pending:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def invitation_for_token(token: str) -> Invitation:
    """The invitation of a link, or InvitationInvalid saying why it cannot be used."""
    try:
        invitation = Invitation.objects.select_related("organisation").get(
            token_hash=Invitation.hash_token(token)
        )
    except Invitation.DoesNotExist:
        raise InvitationInvalid(
            _(
                "This invitation link is not valid. It may have been mistyped, or the "
                "organisation it was for has left the portal."
            ),
            reason="unknown",
        ) from None
    state = invitation.state
    if state == Invitation.State.ACCEPTED:
        raise InvitationInvalid(
            _("This invitation has already been used. Each link works only once."),
            reason="used",
        )
    if state == Invitation.State.REVOKED:
        raise InvitationInvalid(
            _("This invitation was withdrawn by the organisation."), reason="revoked"
        )
    if state == Invitation.State.EXPIRED:
        raise InvitationInvalid(
            _(
                "This invitation has expired: links are valid for 14 days. Ask the "
                "organisation's admin for a new one."
            ),
            reason="expired",
        )
    if invitation.organisation.membership_status == Organisation.Status.FORMER:
        raise InvitationInvalid(
            _("The organisation of this invitation is no longer a member of the cluster."),
            reason="organisation",
        )
    return invitation


def invitation_matches(*, invitation: Invitation, user) -> bool:
    """Whether ``user`` has a verified address the invitation was sent to."""
    invited = invitation.email.lower()
    return any(email.lower() == invited for email in verified_emails(user))


def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """Use an invitation: ``user`` joins the organisation with the invited role, once."""
    with transaction.atomic():
        # Lock the row, then check: two clicks on one link make one membership.
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("organisation")
            .get(pk=invitation.pk)
        )
        if not invitation.is_pending:
            raise InvitationInvalid(
                _("This invitation has already been used. Each link works only once."),
                reason="used",
            )
        if invitation.organisation.membership_status == Organisation.Status.FORMER:
            raise InvitationInvalid(
                _("The organisation of this invitation is no longer a member of the cluster."),
                reason="organisation",
            )
        membership = membership_create(
            organisation=invitation.organisation, user=user, role=invitation.role
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


# --- Join requests -----------------------------------------------------------------------


def join_request_allowed(*, organisation: Organisation, user, outsider=False) -> str | None:
    """None if ``user`` may ask to join ``organisation``, else the reason why not.

    ``outsider=True``: the caller has just checked that ``user`` does not belong to it."""
    if not outsider and Membership.objects.filter(organisation=organisation, user=user).exists():
        return _("You already belong to this organisation.")
    if not any(organisation.matches_email(email) for email in verified_emails(user)):
        return _(
            "You can ask to join an organisation with a verified email address of its own "
            "domain (%(domain)s)."
        ) % {"domain": organisation.email_domain or "—"}
    if organisation.join_requests.pending().filter(user=user).exists():
        return _("You have already asked to join this organisation.")
    return None


def join_request_create(*, organisation: Organisation, user, message: str):
    reason = join_request_allowed(organisation=organisation, user=user)
    if reason:
        raise MembersError(reason)
    with transaction.atomic():
        join_request = JoinRequest.objects.create(
            organisation=organisation, user=user, message=message
        )
        admins = [m.user for m in organisation.memberships.admins().select_related("user")]
        emails.send_join_request_received(join_request, admins=admins)
    return join_request


def join_request_decide(*, join_request: JoinRequest, approve: bool, by):
    with transaction.atomic():
        join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
        if join_request.status != JoinRequest.Status.PENDING:
            raise MembersError(_("This request has already been answered."))
        join_request.status = (
            JoinRequest.Status.APPROVED if approve else JoinRequest.Status.DECLINED
        )
        join_request.decide(by=by)
        join_request.save(update_fields=["status", *JoinRequest.DECISION_FIELDS])
        if approve:
            membership_create(
                organisation=join_request.organisation,
                user=join_request.user,
                role=Membership.Role.COLLEAGUE,
            )
        emails.send_join_request_answered(join_request)
    return join_request


# --- Membership applications -------------------------------------------------------------


def application_submit(*, form, user=None) -> MembershipApplication:
    """Create the applicant organisation and its application; tell staff and the applicant."""
    data = form.cleaned_data
    with transaction.atomic():
        organisation = form.organisation_instance()
        organisation.slug = unique_slug(
            Organisation.objects.all(),
            organisation.name,
            fallback=SLUG_FALLBACK,
            reserved=RESERVED_SLUGS,
        )
        organisation.membership_status = Organisation.Status.APPLICANT
        organisation.save()
        organisation.markets.set(data["markets"])
        application = MembershipApplication.objects.create(
            organisation=organisation,
            user=user if user is not None and user.is_authenticated else None,
            contact_first_name=data["contact_first_name"],
            contact_last_name=data["contact_last_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            contact_job_title=data["contact_job_title"],
            motivation=data["motivation"],
        )
        emails.send_application_received(
            application, language=getattr(user, "language", "") or None
        )
    return application


def _applicant_account(application: MembershipApplication):
    if application.user_id:
        return application.user
    address = (
        EmailAddress.objects.filter(email__iexact=application.contact_email, verified=True)
        .select_related("user")
        .first()
    )
    return address.user if address else None


def application_accept(*, application: MembershipApplication, by):
    """The organisation becomes an active member; the applicant becomes its admin (or gets
    an admin invitation to create their account first)."""
    with transaction.atomic():
        application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
        if application.status != MembershipApplication.Status.PENDING:
            raise MembersError(_("This application has already been decided."))
        organisation = application.organisation
        today = timezone.localdate()
        organisation.membership_status = Organisation.Status.ACTIVE
        organisation.member_since = organisation.member_since or today
        organisation.paid_until = organisation.paid_until or today.replace(month=12, day=31)
        organisation.save()
        application.status = MembershipApplication.Status.ACCEPTED
        application.decide(by=by)
        application.save(update_fields=["status", *MembershipApplication.DECISION_FIELDS])
        account = _applicant_account(application)
        invitation_token = None
        if account is not None:
            membership_create(
                organisation=organisation,
                user=account,
                role=Membership.Role.ADMIN,
                job_title=application.contact_job_title,
            )
        else:
            invitation = invitation_create(
                organisation=organisation,
                email=application.contact_email,
                role=Membership.Role.ADMIN,
                invited_by=by,
            )
            invitation_token = invitation.token
        # Topic ``members.application_accepted`` (``organisation``, ``application``):
        # billing issues the first (prorated) membership invoice.
        hooks.announce(
            "members.application_accepted", organisation=organisation, application=application
        )
        emails.send_application_accepted(application, invitation_token=invitation_token)
    return application


def application_decline(*, application: MembershipApplication, reason: str, by):
    reason = (reason or "").strip()
    if not reason:
        raise MembersError(_("Say why the application is declined."))
    with transaction.atomic():
        application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
        if application.status != MembershipApplication.Status.PENDING:
            raise MembersError(_("This application has already been decided."))
        application.status = MembershipApplication.Status.DECLINED
        application.decline_reason = reason
        application.decide(by=by)
        application.save(
            update_fields=["status", "decline_reason", *MembershipApplication.DECISION_FIELDS]
        )
        emails.send_application_declined(application)
    return application


# --- Relayed messages --------------------------------------------------------------------


def contact_send(
    *,
    sender,
    organisation: Organisation,
    subject: str,
    body: str,
    membership: Membership | None = None,
    platform: Platform | None = None,
) -> ContactMessage:
    """Relay a message by email to a person, a platform's contact or an organisation's
    admins, without showing anyone's address; rate-limited per sender and logged."""
    if membership is not None:
        kind, recipients = ContactMessage.Kind.PERSON, [membership.user]
    else:
        kind = ContactMessage.Kind.PLATFORM if platform else ContactMessage.Kind.ORGANISATION
        contact = platform.contact if platform else None
        if contact is not None and organisation.memberships.filter(user=contact).exists():
            recipients = [contact]
        else:
            recipients = [m.user for m in organisation.memberships.admins().select_related("user")]
    recipients = [person for person in recipients if person.pk != sender.pk]
    if not recipients:
        raise MembersError(_("Nobody can receive messages for this organisation yet."))
    if not ratelimit.hit("contact", sender.pk, CONTACT_RATES):
        raise MembersError(
            _("You have sent many messages in a short time. Please try again later.")
        )
    with transaction.atomic():
        message = ContactMessage.objects.create(
            kind=kind,
            sender=sender,
            recipient=recipients[0] if kind == ContactMessage.Kind.PERSON else None,
            organisation=organisation,
            platform=platform,
            subject=subject,
            body=body,
            delivered_to=len(recipients),
        )
        emails.send_contact_relay(message, sender=sender, recipients=recipients)
    return message
