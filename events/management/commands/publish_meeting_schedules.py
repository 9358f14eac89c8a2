from django.core.management.base import BaseCommand

from events.matchmaking.services import schedules_publish_due


class Command(BaseCommand):
    help = (
        "Publish the business-meeting schedules whose announced publication date has come, "
        "and email each participant their agenda. Safe to run every few minutes."
    )

    def handle(self, *args, **options):
        published = schedules_publish_due()
        self.stdout.write(f"{published} meeting schedule(s) published.")
