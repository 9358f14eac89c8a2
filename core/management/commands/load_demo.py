from django.core.management.base import BaseCommand
from django.db import transaction

from core import hooks


class Command(BaseCommand):
    help = (
        "Load the demo content of every app (idempotent: running it again updates the same "
        "records). --scale N adds N generated organisations and the matching volume of "
        "projects, trainings and events, for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="Number of extra generated organisations (other volumes follow from it).",
        )

    def handle(self, *args, scale, **options):
        if scale < 0:
            self.stderr.write("--scale must be 0 or more.")
            return
        for load in hooks.demo_loaders():
            with transaction.atomic():
                load(scale=scale, log=self.log)

    def log(self, message: str) -> None:
        self.stdout.write(message)
