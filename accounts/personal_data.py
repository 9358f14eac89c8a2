"""A person's data across every app, for "Download my data" and account deletion.

`accounts` cannot import the other apps: each app declares what it keeps with
``hooks.personal_data(...)`` in its ``hooks.py`` (see core/hooks.py). Deleting the user row
then cascades to rows that belong to the person; rows that belong to the community (an edit
history, a project) keep existing without the link to the person.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.hooks import personal_data_sections as sections

# The sections of the accounts app itself (declared in accounts/hooks.py).


def export_account(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "job_title": user.job_title,
        "phone": user.phone,
        "language": user.language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "is_staff": user.is_staff,
    }


def export_email_addresses(user):
    return [
        {"email": a.email, "verified": a.verified, "primary": a.primary}
        for a in EmailAddress.objects.filter(user=user).order_by("email")
    ]


def export_two_factor(user):
    return [
        {"type": a.type, "created_at": a.created_at.isoformat()}
        for a in Authenticator.objects.filter(user=user).order_by("created_at")
    ]


def describe_account(user):
    return [_("Your account, your name, job title, phone number and language preference.")]


def describe_email_addresses(user):
    return [_("Your email addresses and their verification status.")]


def describe_two_factor(user):
    return [_("Your authenticator app settings and recovery codes.")]


# Gathering every app's sections.


def export_user_data(user) -> dict:
    """Everything the portal holds about ``user``, as JSON-serialisable data."""
    data = {"exported_at": timezone.now().isoformat()}
    for section in sections():
        data[section.key] = section.export(user)
    return data


def deletion_summary(user) -> list[str]:
    """Sentences telling the person what deleting the account removes or keeps."""
    lines = []
    for section in sections():
        if section.describe:
            lines.extend(str(line) for line in section.describe(user))
    return lines


def deletion_blockers(user) -> list[str]:
    """Reasons that prevent deleting the account now (e.g. last admin of an organisation)."""
    reasons = []
    for section in sections():
        if section.blockers:
            reasons.extend(str(reason) for reason in section.blockers(user))
    return reasons


class AccountDeletionBlocked(Exception):
    def __init__(self, reasons):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def user_delete(*, user) -> None:
    """Delete ``user`` and their personal data, all or nothing."""
    with transaction.atomic():
        reasons = deletion_blockers(user)
        if reasons:
            raise AccountDeletionBlocked(reasons)
        for section in sections():
            if section.erase:
                section.erase(user)
        user.delete()
