"""The management commands cron or systemd timers run: each enqueues one task.

``manage.py send_event_reminders`` puts the batch in the task queue and returns at once; the
worker runs it (``make worker``). ``--now`` runs it in the command's own process instead
(the old behaviour, handy without a worker). With the immediate backend (development)
enqueuing runs it at once as well, so both give the count.
"""

from django.core.management.base import BaseCommand
from django.tasks import TaskResultStatus


class ScheduledTaskCommand(BaseCommand):
    """Subclasses set ``task`` (a ``@task`` function) and ``done`` (a message with
    ``{count}``)."""

    task = None
    done = "{count} done."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Run the batch in this process instead of enqueuing it for the worker.",
        )

    def handle(self, *args, now=False, **options):
        if now:
            self.stdout.write(self.done.format(count=self.task.call()))
            return
        result = self.task.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(self.done.format(count=result.return_value))
        elif result.status == TaskResultStatus.FAILED:
            self.stderr.write(f"{self.task.name} failed: {result.errors[-1].traceback}")
            raise SystemExit(1)
        else:
            self.stdout.write(f"{self.task.name} queued as task {result.id}.")
