"""Long exports: written by a task to the private storage, announced by email with a link
to a download that checks who asks (core.views.export_download).

An export view answers at once below ``EXPORT_SYNC_ROWS`` rows (the file is built in the
request, well within the server's timeout); above, it enqueues a task that calls
:func:`deliver_export` and tells the person the file will come by email. Files are kept
``EXPORT_LIFETIME_DAYS`` days (``manage.py prune_exports`` deletes the expired ones).
"""

import io
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone, translation

from core import mail
from core.models import ExportFile


def is_long(rows: int) -> bool:
    """Whether an export of ``rows`` rows goes to a task rather than the response."""
    return rows > settings.EXPORT_SYNC_ROWS


def deliver_export(*, user, name: str, write, language: str) -> ExportFile:
    """Write the file with ``write(stream) -> rows`` (in ``language``), keep it in the
    private storage for ``user`` and email them the link."""
    stream = io.StringIO()
    with translation.override(language):
        rows = write(stream)
    export = ExportFile(
        owner=user,
        name=name,
        rows=rows,
        expires_at=timezone.now() + timedelta(days=settings.EXPORT_LIFETIME_DAYS),
    )
    export.file.save(name, ContentFile(stream.getvalue().encode("utf-8")), save=False)
    export.save()
    mail.send_to_users(
        "core/emails/export_ready",
        [user],
        context={"export": export, "days": settings.EXPORT_LIFETIME_DAYS},
    )
    return export


def prune_expired(now=None) -> int:
    """Delete the expired exports and their files; returns how many."""
    expired = list(ExportFile.objects.filter(expires_at__lte=now or timezone.now()))
    for export in expired:
        export.file.delete(save=False)
        export.delete()
    return len(expired)
