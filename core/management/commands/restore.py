from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore an archive written by `backup` into an empty database (created with "
        "createdb, not migrated) and empty storages: the checksums are checked first, a "
        "target holding data is refused unless --replace is given, and the row counts are "
        "compared with the manifest at the end."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the .tar archive.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Overwrite a database and storages that already hold data.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, archive, replace, database, **options):
        connections[database].close()  # pg_restore replaces the tables under this connection
        try:
            manifest = restore(
                connections[database].settings_dict, Path(archive), replace=replace, log=self.log
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["tables"].values())
        files = sum(len(files) for files in manifest["files"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created_at']}: {len(manifest['tables'])} "
                f"tables, {rows} rows, {files} files; checksums and row counts match."
            )
        )

    def log(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(message)

    def execute(self, *args, **options):
        self.verbosity = options.get("verbosity", 1)
        return super().execute(*args, **options)
