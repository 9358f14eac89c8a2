from django.core.management.base import BaseCommand

from core.exports import prune_expired


class Command(BaseCommand):
    help = "Delete the long exports whose link expired, with their files. Run it daily."

    def handle(self, *args, **options):
        self.stdout.write(f"{prune_expired()} expired export(s) deleted.")
