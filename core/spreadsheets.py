"""CSV and Excel files for staff and members that open correctly in spreadsheet software.

French spreadsheet software expects semicolons and recognises UTF-8 by its byte-order mark.
Text that people typed (a company name, a job title) could start with "=", "+", "-" or "@"
and run as a formula when the file is opened: such cells get a leading apostrophe.
"""

import csv
import io
from datetime import date, datetime

from django.http import HttpResponse
from django.utils import timezone

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


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_bytes(sheets) -> bytes:
    """An Excel workbook of ``sheets``, pairs of (title, rows), the first row of each in
    bold as the header; text that a spreadsheet would run as a formula is neutralised."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title=str(title)[:31])
        for index, row in enumerate(rows):
            sheet.append([safe_cell(_plain(value)) for value in row])
            if index == 0:
                for cell in sheet[1]:
                    cell.font = Font(bold=True)
        for column in sheet.columns:
            width = max((len(str(cell.value or "")) for cell in column), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _plain(value):
    """Values openpyxl writes as they are (numbers, dates, text); anything else as text."""
    if value is None or isinstance(value, (str, int, float, bool, date, datetime)):
        if isinstance(value, datetime) and value.tzinfo is not None:
            return timezone.localtime(value).replace(tzinfo=None)
        return value
    return str(value)


def xlsx_response(filename: str, sheets) -> HttpResponse:
    """A download of the workbook of ``sheets`` (see :func:`xlsx_bytes`)."""
    response = HttpResponse(xlsx_bytes(sheets), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
