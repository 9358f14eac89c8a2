from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write one dated archive (.tar) of the portal: a PostgreSQL dump in custom format, "
        "every public and private file of the storages (disk or bucket) and a manifest with "
        "the row count of every table and the SHA-256 of every file. The archive goes to "
        "BACKUP_DIR unless a directory or file path is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "target",
            nargs="?",
            help="A directory, or the archive's path ending in .tar (default: BACKUP_DIR).",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, target, database, **options):
        destination = Path(target) if target else Path(settings.BACKUP_DIR)
        try:
            path = backup(connections[database].settings_dict, destination, log=self.log)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))

    def log(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(message)

    def execute(self, *args, **options):
        self.verbosity = options.get("verbosity", 1)
        return super().execute(*args, **options)
