"""Registry of the personal data each app keeps, for export and account deletion.

`accounts` cannot import the other apps, so each app registers a section in its
``AppConfig.ready()``::

    from accounts.personal_data import register

    register(
        "event_registrations",
        label=_("Event registrations"),
        export=lambda user: [...],            # JSON-serialisable data about the user
        describe=lambda user: [_("3 event registrations are deleted.")],
        blockers=lambda user: [],             # reasons that prevent deletion, if any
        erase=lambda user: ...,               # anything to do before the user row goes
    )

Deleting the user row then cascades to rows that belong to the person; rows that belong to
the community (an edit history, a project) keep existing without the link to the person.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    export: Callable[[Any], Any]
    describe: Callable[[Any], list[str]] | None = None
    blockers: Callable[[Any], list[str]] | None = None
    erase: Callable[[Any], None] | None = None


_sections: dict[str, Section] = {}


def register(key: str, *, label, export, describe=None, blockers=None, erase=None) -> None:
    """Register (or replace) the section ``key``; called from an app's ``ready()``."""
    _sections[key] = Section(key, label, export, describe, blockers, erase)


def sections() -> list[Section]:
    return list(_sections.values())


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


def register_account_sections() -> None:
    """The sections `accounts` itself owns: the profile, email addresses, two-factor."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    def export_profile(user):
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

    def export_emails(user):
        return [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("email")
        ]

    def export_authenticators(user):
        return [
            {"type": a.type, "created_at": a.created_at.isoformat()}
            for a in Authenticator.objects.filter(user=user).order_by("created_at")
        ]

    register(
        "account",
        label=_("Account"),
        export=export_profile,
        describe=lambda user: [
            _("Your account, your name, job title, phone number and language preference.")
        ],
    )
    register(
        "email_addresses",
        label=_("Email addresses"),
        export=export_emails,
        describe=lambda user: [_("Your email addresses and their verification status.")],
    )
    register(
        "two_factor",
        label=_("Two-factor authentication"),
        export=export_authenticators,
        describe=lambda user: [_("Your authenticator app settings and recovery codes.")],
    )
