"""Background work of the newsletter: delivering an issue, sending a digest."""

from django.tasks import task
from django.utils.dateparse import parse_datetime

from newsletter import digests, sending


@task
def send_issue(issue_id: int) -> int:
    """Deliver the queued messages of an issue (resumes a send that stopped half-way)."""
    return sending.issue_deliver(issue_id)


@task
def send_digest(user_id: int, now: str = "") -> int:
    """Send one person's digest if it is due and has something new (``now`` in ISO 8601,
    the moment the daily job ran)."""
    return digests.digest_send(user_id=user_id, now=parse_datetime(now) if now else None)
