"""The scheduled commands enqueue their batch as a task (or run it with --now)."""

from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

COMMANDS = {
    "send_event_reminders": "events.tasks.send_event_reminders",
    "expire_seat_offers": "events.tasks.expire_seat_offers",
    "send_training_surveys": "trainings.tasks.send_training_surveys",
}


@pytest.mark.parametrize(("command", "task_path"), COMMANDS.items())
def test_with_the_database_backend_the_command_enqueues_the_task(command, task_path, settings):
    settings.TASKS = {"default": {"BACKEND": "core.taskbackends.DatabaseBackend"}}
    out = StringIO()
    call_command(command, stdout=out)
    task = DBTaskResult.objects.get()
    assert task.task_path == task_path
    assert task.status == "READY"
    assert f"queued as task {task.id}" in out.getvalue()


@pytest.mark.parametrize("command", COMMANDS)
def test_with_the_immediate_backend_the_command_reports_the_count(command):
    out = StringIO()
    call_command(command, stdout=out)
    assert out.getvalue().startswith("0 ")
    assert not DBTaskResult.objects.exists()


def test_now_runs_the_batch_in_the_command_without_the_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "core.taskbackends.DatabaseBackend"}}
    out = StringIO()
    with mock.patch("events.tasks.reminders_send", return_value=3):
        call_command("send_event_reminders", "--now", stdout=out)
    assert out.getvalue() == "3 reminder(s) sent.\n"
    assert not DBTaskResult.objects.exists()


def test_a_failed_batch_fails_the_command():
    with (
        mock.patch("events.tasks.offers_expire", side_effect=RuntimeError("boom")),
        pytest.raises(SystemExit),
    ):
        call_command("expire_seat_offers", stdout=StringIO(), stderr=StringIO())
