"""Background tasks of the core: delivering the emails of the outbox (core.mail).

Delivery is at-most-once per message and retried until it succeeds: the task locks the
outbox row, leaves at once if the message was already sent (a task run twice), sends it, and
marks it sent in the same transaction. An SMTP failure counts an attempt and enqueues the
task again after a back-off (1, 2, 4... minutes, at most an hour) until
``EMAIL_MAX_ATTEMPTS``; then the message is marked failed for staff to look at (admin).
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from core.models import OutgoingEmail
from core.observability import metrics

logger = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=1)


def backoff(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failure."""
    return min(timedelta(minutes=2 ** (attempts - 1)), MAX_BACKOFF)


def build_message(email: OutgoingEmail) -> EmailMultiAlternatives:
    payload = email.payload
    headers = {"Message-ID": f"<{email.pk}@{DNS_NAME}>", **(payload.get("headers") or {})}
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["text"],
        to=payload["to"],
        cc=payload.get("cc") or [],
        reply_to=payload.get("reply_to") or [],
        headers=headers,
        from_email=payload.get("from_email") or None,
    )
    if payload.get("html"):
        message.attach_alternative(payload["html"], "text/html")
    for attachment in payload.get("attachments") or []:
        message.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["mimetype"],
        )
    return message


@task
def deliver_email(email_id: str) -> str:
    """Send the outbox message ``email_id`` (see the module). Returns its status."""
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status != OutgoingEmail.Status.QUEUED:
            return email.status if email else "missing"
        email.attempts += 1
        try:
            build_message(email).send()
        except Exception as error:  # SMTP refusals, timeouts, DNS: all worth a retry
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            metrics.EMAILS.labels(outcome="error").inc()
            if email.attempts >= settings.EMAIL_MAX_ATTEMPTS:
                email.status = OutgoingEmail.Status.FAILED
                logger.error("Email %s failed for good: %s", email.pk, email.last_error)
            else:
                email.next_attempt_at = timezone.now() + backoff(email.attempts)
                logger.warning(
                    "Email %s failed (attempt %d), next try at %s: %s",
                    email.pk,
                    email.attempts,
                    email.next_attempt_at.isoformat(),
                    email.last_error,
                )
                retry = deliver_email.using(run_after=email.next_attempt_at)
                transaction.on_commit(lambda: retry.enqueue(email_id))
        else:
            email.status = OutgoingEmail.Status.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
            metrics.EMAILS.labels(outcome="sent").inc()
            logger.info("Email %s sent to %s", email.pk, email.recipients)
        email.save()
    return email.status


def requeue_stalled_emails(older_than: timedelta = timedelta(minutes=10)) -> int:
    """Enqueue again the queued messages whose delivery task never ran (a process stopped
    between the commit and the enqueue). A message is never sent twice: the task checks."""
    due = timezone.now() - older_than
    ids = list(
        OutgoingEmail.objects.filter(
            status=OutgoingEmail.Status.QUEUED, next_attempt_at__lt=due
        ).values_list("pk", flat=True)
    )
    for email_id in ids:
        deliver_email.enqueue(str(email_id))
    return len(ids)


@task
def flush_page_views() -> int:
    """Copy the page views buffered in the shared cache to the database (core.audience).
    Returns the number of daily rows written; running it again writes nothing new."""
    from core import audience

    return audience.flush()
