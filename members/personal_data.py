"""What the members app keeps about a person, for "download my data" and account deletion.

A person's rows are read through their account (``user.memberships``...), the way a child
is fetched through its parent.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from members.models import Invitation, Membership, MembershipApplication, Organisation


def _iso(value):
    return value.isoformat() if value else None


def export_memberships(user):
    return [
        {
            "organisation": m.organisation.name,
            "role": m.role,
            "job_title": m.job_title,
            "name_shown_to": m.visibility,
            "joined": _iso(m.created_at),
        }
        for m in user.memberships.select_related("organisation")
    ]


def blockers_memberships(user) -> list:
    """Organisations that would be left with members but no admin."""
    managed = user.memberships.filter(role=Membership.Role.ADMIN).values("organisation")
    stranded = (
        Organisation.objects.filter(pk__in=managed)
        .annotate(
            admins=Count("memberships", filter=Q(memberships__role=Membership.Role.ADMIN)),
            people=Count("memberships"),
        )
        .filter(admins=1, people__gt=1)
    )
    return [
        _(
            "You are the last admin of %(organisation)s, which has other members: make one "
            "of them admin first (People page of the organisation)."
        )
        % {"organisation": organisation.name}
        for organisation in stranded
    ]


def describe_memberships(user):
    count = user.memberships.count()
    if not count:
        return []
    return [
        ngettext(
            "Your place in %(count)d organisation (role, job title, what you show) is removed.",
            "Your places in %(count)d organisations (role, job title, what you show) are removed.",
            count,
        )
        % {"count": count}
    ]


def erase_memberships(user):
    # The history of a membership is about the person: it goes with them (deleting the
    # memberships first, as their deletion itself is recorded in the history).
    user.memberships.all().delete()
    Membership.history.filter(user_id=user.pk).delete()


def export_consent_log(user):
    return [
        {
            "organisation": record.organisation.name,
            "name_shown_to": record.visibility,
            "source": record.source,
            "recorded_at": _iso(record.recorded_at),
        }
        for record in user.consent_records.select_related("organisation")
    ]


def export_contact_messages(user):
    return [
        {
            "kind": message.kind,
            "organisation": message.organisation.name if message.organisation else None,
            "platform": message.platform.name if message.platform else None,
            "subject": message.subject,
            "body": message.body,
            "sent_at": _iso(message.created_at),
        }
        for message in user.contact_messages_sent.select_related("organisation", "platform")
    ]


def describe_contact_messages(user):
    count = user.contact_messages_sent.count()
    if not count:
        return []
    return [
        ngettext(
            "%(count)d message you sent through the portal is deleted from its log.",
            "%(count)d messages you sent through the portal are deleted from their log.",
            count,
        )
        % {"count": count}
    ]


def export_join_requests(user):
    return [
        {
            "organisation": request.organisation.name,
            "message": request.message,
            "status": request.status,
            "sent_at": _iso(request.created_at),
            "answered_at": _iso(request.decided_at),
        }
        for request in user.join_requests.select_related("organisation")
    ]


def _applications(user):
    return MembershipApplication.objects.filter(
        Q(user=user) | Q(contact_email__iexact=user.email)
    ).select_related("organisation")


def export_membership_applications(user):
    return [
        {
            "organisation": application.organisation.name,
            "contact_first_name": application.contact_first_name,
            "contact_last_name": application.contact_last_name,
            "contact_email": application.contact_email,
            "contact_phone": application.contact_phone,
            "contact_job_title": application.contact_job_title,
            "motivation": application.motivation,
            "status": application.status,
            "received_at": _iso(application.created_at),
        }
        for application in _applications(user)
    ]


def describe_membership_applications(user):
    if not _applications(user).exists():
        return []
    return [
        _(
            "Your name and contact details are removed from the membership applications you "
            "sent; the applications stay with their organisations."
        )
    ]


def erase_membership_applications(user):
    _applications(user).update(
        user=None,
        contact_first_name="—",
        contact_last_name="—",
        contact_email="deleted@invalid.example",
        contact_phone="",
        contact_job_title="",
    )


def _invitations(user):
    from members.services import verified_emails

    return Invitation.objects.addressed_to([user.email, *verified_emails(user)])


def export_invitations(user):
    return [
        {
            "organisation": invitation.organisation.name,
            "email": invitation.email,
            "role": invitation.role,
            "state": invitation.state,
            "sent_at": _iso(invitation.created_at),
        }
        for invitation in _invitations(user).select_related("organisation")
    ]


def _deleted_if(rows, message) -> list:
    return [message] if rows.exists() else []


def describe_consent_log(user):
    rows = user.consent_records.all()
    return _deleted_if(rows, _("The log of your visibility choices is deleted."))


def describe_join_requests(user):
    rows = user.join_requests.all()
    return _deleted_if(rows, _("Your requests to join organisations are deleted."))


def describe_invitations(user):
    rows = _invitations(user)
    return _deleted_if(rows, _("The invitations sent to your addresses are deleted."))


def erase_invitations(user):
    _invitations(user).delete()
