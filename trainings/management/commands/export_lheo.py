from django.core.management.base import BaseCommand, CommandError

from trainings.lheo import LheoExportError, export_catalogue


class Command(BaseCommand):
    help = (
        "Write the published training catalogue in LHEO 2.3 XML (the national exchange "
        "format for training offers) to --output, or to the standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")

    def handle(self, *args, output=None, **options):
        try:
            document = export_catalogue()
        except LheoExportError as error:
            raise CommandError(str(error)) from None
        if output:
            with open(output, "wb") as file:
                file.write(document)
            self.stderr.write(f"LHEO catalogue written to {output} ({len(document)} bytes).")
        else:
            self.stdout.write(document.decode("utf-8"), ending="")
