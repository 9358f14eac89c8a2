from django.core.management.base import BaseCommand

from core.tasks import requeue_stalled_emails


class Command(BaseCommand):
    help = (
        "Enqueue again the emails of the outbox whose delivery task never ran (a process "
        "stopped between the commit and the enqueue). Safe to run every few minutes: an "
        "email is never sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=10, help="Age of a stalled email.")

    def handle(self, *args, minutes=10, **options):
        from datetime import timedelta

        count = requeue_stalled_emails(timedelta(minutes=minutes))
        self.stdout.write(f"{count} stalled email(s) queued again.")
