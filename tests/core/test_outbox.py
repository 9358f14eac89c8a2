"""The outbox of the mail service: an SMTP failure is retried with back-off, and an email is
never lost nor sent twice."""

import logging
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail as outbox
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core import mail
from core.models import OutgoingEmail
from core.observability import context
from core.observability.logs import RequestContextFilter
from core.tasks import backoff, deliver_email, requeue_stalled_emails
from tests.core.flaky_mail import FlakyBackend

pytestmark = pytest.mark.django_db

FLAKY = {"default": {"BACKEND": "tests.core.flaky_mail.FlakyBackend"}}


@pytest.fixture
def flaky(settings):
    settings.MAILERS = FLAKY
    FlakyBackend.calls = 0
    FlakyBackend.failures = 2
    return FlakyBackend


@pytest.fixture
def database_tasks(settings):
    """The production backend: tasks wait in the database for the worker."""
    settings.TASKS = {"default": {"BACKEND": "core.taskbackends.DatabaseBackend"}}


def send_one(subject="Hello"):
    message = mail.Rendered(subject, "Body\n", "")
    mail._queue(message, to=["ada@example.com"])


@pytest.fixture
def run_worker(django_capture_on_commit_callbacks):
    """django-tasks-db's worker, in this process, until no task is due (``--batch``).

    The test runs in a transaction that never commits: the callbacks a task leaves for the
    commit (a retry to enqueue) run at the end of each task's block, as a real commit would.
    The worker also closes "old" connections between tasks, which would close the test's
    own: that step is left out, as Django's test runner does for requests."""

    def run():
        with (
            mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            call_command(
                "db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0
            )

    return run


def test_an_email_is_written_to_the_outbox_in_the_transaction_of_the_change(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        send_one()
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
    assert email.sent_at is not None
    assert len(outbox.outbox) == 1
    # The id of the outbox row is the message's id: a receiver can spot a duplicate.
    assert outbox.outbox[0].extra_headers["Message-ID"].startswith(f"<{email.pk}@")


def test_a_rolled_back_change_leaves_no_email(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            send_one()
            raise RuntimeError("the change fails")
    assert not OutgoingEmail.objects.exists()
    assert outbox.outbox == []


def test_an_smtp_server_failing_twice_then_working_delivers_exactly_once(
    flaky, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_one()
    email = OutgoingEmail.objects.get()
    assert len(outbox.outbox) == 1
    assert flaky.calls == 3
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 3
    assert email.last_error == ""


def test_a_task_run_twice_for_the_same_message_sends_it_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_one()
    email = OutgoingEmail.objects.get()
    assert deliver_email.call(str(email.pk)) == "sent"
    assert len(outbox.outbox) == 1
    email.refresh_from_db()
    assert email.attempts == 1


def test_delivery_gives_up_after_the_last_attempt(
    flaky, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_MAX_ATTEMPTS = 3
    flaky.failures = 10
    with django_capture_on_commit_callbacks(execute=True):
        send_one()
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == 3
    assert "SMTPServerDisconnected" in email.last_error
    assert outbox.outbox == []


def test_the_back_off_doubles_up_to_an_hour():
    assert [backoff(n) for n in (1, 2, 3)] == [
        timedelta(minutes=1),
        timedelta(minutes=2),
        timedelta(minutes=4),
    ]
    assert backoff(20) == timedelta(hours=1)


def test_with_the_database_backend_the_worker_retries_after_the_back_off(
    flaky, database_tasks, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_one()
    email = OutgoingEmail.objects.get()
    assert outbox.outbox == []  # queued for the worker, not sent by the request
    assert DBTaskResult.objects.ready().count() == 1

    run_worker()  # attempt 1 fails: a retry waits a minute
    email.refresh_from_db()
    assert (email.status, email.attempts, len(outbox.outbox)) == ("queued", 1, 0)
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after > timezone.now() + timedelta(seconds=50)
    run_worker()  # nothing is due yet
    assert email.attempts == OutgoingEmail.objects.get().attempts

    for attempts in (2, 3):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker()
        email.refresh_from_db()
        assert email.attempts == attempts
    assert email.status == OutgoingEmail.Status.SENT
    assert len(outbox.outbox) == 1
    assert not DBTaskResult.objects.ready().exists()

    deliver_email.enqueue(str(email.pk))  # a duplicate task: nothing more is sent
    run_worker()
    assert len(outbox.outbox) == 1


class Capture(logging.Handler):
    def __init__(self):
        super().__init__()
        self.addFilter(RequestContextFilter())
        self.records = []

    def emit(self, record):
        self.records.append(record)


def test_the_worker_logs_carry_the_request_id_of_the_request_that_enqueued(
    database_tasks, run_worker, django_capture_on_commit_callbacks
):
    with context.bound("req-42"), django_capture_on_commit_callbacks(execute=True):
        send_one()
    assert OutgoingEmail.objects.get().request_id == "req-42"
    handler = Capture()
    logger = logging.getLogger("core.tasks")
    logger.addHandler(handler)
    try:
        run_worker()
    finally:
        logger.removeHandler(handler)
    assert [r.request_id for r in handler.records] == ["req-42"]
    assert context.current() == ""


def test_stalled_emails_are_queued_again(
    database_tasks, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # the enqueue never happens
        send_one()
    assert requeue_stalled_emails() == 0  # too recent
    OutgoingEmail.objects.update(next_attempt_at=timezone.now() - timedelta(hours=1))
    assert requeue_stalled_emails() == 1
    run_worker()
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT
    assert len(outbox.outbox) == 1


def test_staff_send_a_failed_email_again_from_the_back_office(
    staff_client, flaky, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_MAX_ATTEMPTS = 1
    flaky.failures = 1
    with django_capture_on_commit_callbacks(execute=True):
        send_one()
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.FAILED
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:core_outgoingemail_changelist"),
            {"action": "retry", "_selected_action": [str(email.pk)]},
        )
    assert response.status_code == 302
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.SENT, 1)
    assert len(outbox.outbox) == 1


def test_the_outbox_is_read_only_in_the_back_office(
    staff_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_one()
    email = OutgoingEmail.objects.get()
    page = staff_client.get(reverse("admin:core_outgoingemail_change", args=[email.pk]))
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert staff_client.get(reverse("admin:core_outgoingemail_add")).status_code == 403
