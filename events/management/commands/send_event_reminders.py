from django.core.management.base import BaseCommand

from events.services import reminders_send


class Command(BaseCommand):
    help = (
        "Email the reminders due one week (D-7) and one day (D-1) before the events people "
        "registered for. Run it every hour: each reminder is recorded and never sent twice."
    )

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent.")
