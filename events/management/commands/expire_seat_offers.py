from django.core.management.base import BaseCommand

from events.services import offers_expire


class Command(BaseCommand):
    help = (
        "Withdraw the seat offers not claimed within 24 hours and offer those seats to the "
        "next people on the waiting lists. Safe to run every few minutes."
    )

    def handle(self, *args, **options):
        expired = offers_expire()
        self.stdout.write(f"{expired} expired offer(s) moved on.")
