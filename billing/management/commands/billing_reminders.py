from django.core.management.base import BaseCommand

from billing.tasks import reminders_send


class Command(BaseCommand):
    help = (
        "Queue the daily payment reminders (due date + 15 and + 30 days; each once, never "
        "after payment). Run it once a day, e.g. from cron."
    )

    def handle(self, *args, **options):
        result = reminders_send.enqueue()
        self.stdout.write(f"Queued payment reminders ({result.id}).")
