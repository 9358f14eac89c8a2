"""CSV files for staff and members that open correctly in spreadsheet software.

French spreadsheet software expects semicolons and recognises UTF-8 by its byte-order mark.
Text that people typed (a company name, a job title) could start with "=", "+", "-" or "@"
and run as a formula when the file is opened: such cells get a leading apostrophe.
"""

import csv

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def safe_cell(value):
    """The value, with text that a spreadsheet would run as a formula neutralised."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """A ``csv.writer`` whose cells never run as formulas."""

    def __init__(self, stream, *, bom: bool = True):
        if bom:
            stream.write(BOM)
        self.writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")

    def writerow(self, row) -> None:
        self.writer.writerow([safe_cell(value) for value in row])


def csv_response(filename: str) -> tuple[HttpResponse, SafeWriter]:
    """A download response named ``filename`` and the writer that fills it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response, SafeWriter(response)
