"""Emails of the members app, through the mail service (core.mail).

Each function picks the template (``members/emails/<name>``), the recipients and the
context; the templates build their links, so that they point to the pages in the reader's
language. The services call them inside their transaction: the mail service sends once
it commits.
"""

from core import mail
from members.models import ContactMessage, Invitation, JoinRequest, MembershipApplication


def send_invitation(invitation: Invitation, *, token: str, inviter) -> None:
    """The invitation link (``token`` is the secret only the email carries), in the
    inviter's language: the invited person may not have an account yet."""
    mail.send(
        "members/emails/invitation",
        to=[invitation.email],
        context={"invitation": invitation, "token": token, "inviter": inviter},
        language=getattr(inviter, "language", "") or None,
    )


def send_join_request_received(join_request: JoinRequest, *, admins) -> None:
    mail.send_to_users(
        "members/emails/join_request_received", admins, context={"join_request": join_request}
    )


def send_join_request_answered(join_request: JoinRequest) -> None:
    mail.send_to_users(
        "members/emails/join_request_answered",
        [join_request.user],
        context={"join_request": join_request},
    )


def send_application_received(application: MembershipApplication, *, language=None) -> None:
    """Tell the cluster's team, and the applicant in the language they applied in."""
    mail.send_to_staff(
        "members/emails/application_received_staff", context={"application": application}
    )
    mail.send(
        "members/emails/application_received",
        to=[application.contact_email],
        context={"application": application},
        language=language,
    )


def send_application_accepted(
    application: MembershipApplication, *, invitation_token: str | None = None
) -> None:
    """The welcome; with ``invitation_token``, the applicant has no account yet and the
    email carries the invitation link to create it."""
    mail.send(
        "members/emails/application_accepted",
        to=[application.contact_email],
        context={"application": application, "invitation_token": invitation_token},
    )


def send_application_declined(application: MembershipApplication) -> None:
    mail.send(
        "members/emails/application_declined",
        to=[application.contact_email],
        context={"application": application},
    )


def send_contact_relay(message: ContactMessage, *, sender, recipients) -> None:
    """Relay ``message`` to each recipient; their answer goes straight to the sender."""
    mail.send_to_users(
        "members/emails/contact_relay",
        recipients,
        context={"message": message, "sender": sender},
        reply_to=[sender.email],
    )
