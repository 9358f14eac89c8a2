"""A person's data across every app, for "Download my data" and account deletion.

`accounts` cannot import the other apps: each app declares what it keeps with
``hooks.personal_data(...)`` in its ``hooks.py`` (see core/hooks.py). Deleting the user row
then cascades to rows that belong to the person; rows that belong to the community (an edit
history, a project) keep existing without the link to the person.
"""

from django.db import transaction
from django.utils import timezone

from core.hooks import personal_data_sections as sections


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
