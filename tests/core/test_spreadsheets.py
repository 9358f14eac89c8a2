"""CSV downloads neutralise formulas and open right in French spreadsheet software."""

import csv
import io

from core.spreadsheets import SafeWriter, csv_response, safe_cell


def test_cells_that_would_run_as_formulas_get_an_apostrophe():
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    for start in "+-@\t\r":
        assert safe_cell(start + "1") == "'" + start + "1"
    assert safe_cell("Voltaria") == "Voltaria"
    assert safe_cell(42) == 42
    assert safe_cell(None) is None


def test_writer_uses_semicolons_and_a_byte_order_mark():
    stream = io.StringIO()
    SafeWriter(stream).writerow(["Électrique; et plus", "=1+1", 3])
    text = stream.getvalue()
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows == [["Électrique; et plus", "'=1+1", "3"]]


def test_csv_response_is_a_named_download():
    response, writer = csv_response("members.csv")
    writer.writerow(["a", "b"])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="members.csv"'
    assert response.content.decode("utf-8").startswith("\ufeffa;b")
