"""Background tasks of members: the long export of the directory."""

from django.contrib.auth import get_user_model
from django.tasks import task
from django.utils import timezone

from core.exports import deliver_export
from members.directory_export import write_directory


@task
def export_directory(user_id: int, params: dict, language: str) -> int:
    """Write the filtered directory for ``user_id`` and email them the link; returns the
    number of rows (nothing when the account is gone meanwhile)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    export = deliver_export(
        user=user,
        name=f"members-{timezone.localdate().isoformat()}.csv",
        write=lambda stream: write_directory(stream, params),
        language=language,
    )
    return export.rows
