"""Sending an issue: scheduling it, then delivering it in batches that survive a crash.

Before the first message leaves, one :class:`Delivery` row per recipient is written,
queued (the audience is frozen then). Each batch locks queued rows, hands each message to
the mail service and marks the row sent in the same transaction: the messages leave when
that transaction commits. A process that dies in the middle of a batch rolls the batch
back (no message of it left, its rows are still queued); a restart picks the queued rows
up again, and the unique (issue, subscriber) row makes a second copy impossible.
"""

import time

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import PortalError
from newsletter import emails, rendering
from newsletter.models import Delivery, Issue, Subscriber


class SendingError(PortalError):
    pass


def issue_schedule(*, issue: Issue, when=None) -> Issue:
    """Schedule ``issue`` for ``when`` (now when None). A send due now is started in the
    background at once; later ones are started by ``manage.py send_newsletters``."""
    from newsletter.tasks import send_issue

    now = timezone.now()
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if not issue.is_editable:
            raise SendingError(_("This issue is already being sent or was sent."))
        if not issue.blocks.exists():
            raise SendingError(_("Add at least one block before sending the issue."))
        issue.status = Issue.Status.SCHEDULED
        issue.scheduled_at = when or now
        issue.save(update_fields=["status", "scheduled_at", "updated_at"])
        if issue.scheduled_at <= now:
            transaction.on_commit(lambda: send_issue.enqueue(issue.pk))
    return issue


def issue_unschedule(*, issue: Issue) -> Issue:
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if issue.status != Issue.Status.SCHEDULED:
            raise SendingError(_("Only a scheduled issue can go back to draft."))
        issue.status = Issue.Status.DRAFT
        issue.scheduled_at = None
        issue.save(update_fields=["status", "scheduled_at", "updated_at"])
    return issue


def _start(issue_id: int, now) -> Issue | None:
    """Move a due issue to "sending" and write its queued deliveries (once)."""
    with transaction.atomic():
        issue = Issue.objects.select_for_update().filter(pk=issue_id).first()
        if issue is None:
            return None
        if issue.status == Issue.Status.SCHEDULED and issue.scheduled_at <= now:
            issue.status = Issue.Status.SENDING
            issue.save(update_fields=["status", "updated_at"])
            Delivery.objects.bulk_create(
                [
                    Delivery(issue=issue, subscriber_id=pk)
                    for pk in issue.recipients().values_list("pk", flat=True)
                ],
                batch_size=1000,
                ignore_conflicts=True,
            )
        elif issue.status != Issue.Status.SENDING:
            return None
    return issue


def issue_deliver(issue_id: int, *, batch_size: int | None = None, pause: float | None = None):
    """Deliver the queued messages of a due issue, batch by batch with a pause between
    batches (the throttle); returns the number of messages sent by this call."""
    batch_size = batch_size or settings.NEWSLETTER_BATCH_SIZE
    pause = settings.NEWSLETTER_BATCH_PAUSE if pause is None else pause
    issue = _start(issue_id, timezone.now())
    if issue is None:
        return 0
    members = set(issue.recipients().members().values_list("pk", flat=True))
    built = {}
    sent = 0
    while True:
        with transaction.atomic():
            batch = list(
                issue.deliveries.filter(status=Delivery.Status.QUEUED)
                .select_related("subscriber")
                .select_for_update(skip_locked=True, of=("self",))
                .order_by("pk")[:batch_size]
            )
            if not batch:
                break
            for delivery in batch:
                sent += _deliver_one(issue, delivery, built, delivery.subscriber_id in members)
        if pause:
            time.sleep(pause)
    _finish(issue)
    return sent


def _deliver_one(issue, delivery: Delivery, built: dict, is_member: bool) -> int:
    subscriber = delivery.subscriber
    if subscriber.status != Subscriber.Status.CONFIRMED:
        delivery.status = Delivery.Status.FAILED
        delivery.error = "unsubscribed before the send"
        delivery.save(update_fields=["status", "error"])
        return 0
    key = (subscriber.language, is_member)
    try:
        if key not in built:
            built[key] = rendering.build_issue(
                issue, language=subscriber.language, members=is_member
            )
        with transaction.atomic():
            emails.send_issue(built[key], subscriber)
    except Exception as error:  # one bad address or template must not stop the send
        delivery.status = Delivery.Status.FAILED
        delivery.error = str(error)[:300]
        delivery.save(update_fields=["status", "error"])
        return 0
    delivery.status = Delivery.Status.SENT
    delivery.sent_at = timezone.now()
    delivery.save(update_fields=["status", "sent_at"])
    return 1


def _finish(issue: Issue) -> None:
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if issue.status != Issue.Status.SENDING:
            return
        if issue.deliveries.filter(status=Delivery.Status.QUEUED).exists():
            return  # another worker still holds a batch: it finishes the issue
        issue.status = Issue.Status.SENT
        issue.sent_at = timezone.now()
        issue.recipient_count = issue.deliveries.filter(status=Delivery.Status.SENT).count()
        issue.save(update_fields=["status", "sent_at", "recipient_count", "updated_at"])


def issue_test_send(*, issue: Issue, user) -> None:
    """Send the French and the English versions (as members read them) to ``user``."""
    for language, _name in settings.LANGUAGES:
        built = rendering.build_issue(issue, language=language, members=True)
        subscribe = settings.SITE_URL + reverse("newsletter:subscribe")
        built = built.personalise(unsubscribe=subscribe, preferences=subscribe)
        emails.send_built(
            rendering.Built(f"[TEST {language.upper()}] {built.subject}", built.text, built.html),
            to=user.email,
            language=language,
        )
