"""Run every few minutes by cron: start the scheduled issues whose time has come, and
resume any send a crash or a restart left half-way (nobody receives an issue twice)."""

from django.core.management.base import BaseCommand

from newsletter.models import Issue
from newsletter.tasks import send_issue


class Command(BaseCommand):
    help = "Start due newsletter issues and resume interrupted sends."

    def handle(self, *args, **options):
        count = 0
        for pk in Issue.objects.due().values_list("pk", flat=True):
            send_issue.enqueue(pk)
            count += 1
        self.stdout.write(f"{count} issue(s) enqueued.")
