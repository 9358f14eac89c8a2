"""Run daily by cron: enqueue the digest of every person whose digest is due."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletter.digests import due_users
from newsletter.tasks import send_digest


class Command(BaseCommand):
    help = "Enqueue the alert digests that are due (run daily)."

    def handle(self, *args, **options):
        now = timezone.now()
        count = 0
        for pk in due_users(now):
            send_digest.enqueue(pk, now.isoformat())
            count += 1
        self.stdout.write(f"{count} digest(s) enqueued.")
