from django.core.management.base import BaseCommand

from trainings.services import surveys_send_due


class Command(BaseCommand):
    help = (
        "Email the satisfaction questionnaire to every participant who attended a finished "
        "session and has not received it yet. Safe to run as often as wanted (e.g. daily from "
        "cron): nobody gets it twice."
    )

    def handle(self, *args, **options):
        sent = surveys_send_due()
        self.stdout.write(f"{sent} questionnaire(s) sent.")
