"""Guided imports in the back-office (django-import-export), for every importable model.

Staff download a template (CSV or Excel) that names the columns and lists the values each
coded column accepts (choices, markets, regions, countries...), fill it in their spreadsheet
and upload it as CSV or XLSX. The preview shows each row's errors in plain words in the
very cell that is wrong; nothing is saved until they confirm, and the confirmed import runs
in one transaction: a row that fails then saves nothing at all.

An admin becomes guided by adding :class:`GuidedImportMixin` before django-import-export's
mixin; its resource may say more about its columns with ``REQUIRED_COLUMNS`` and
``COLUMN_HINTS`` (column → a sentence), and name the allowed values of a column the
mixin cannot find by itself with ``allowed_values(column)``.
"""

import io
from dataclasses import dataclass, field
from datetime import date, datetime

import tablib
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from import_export import widgets
from import_export.formats import base_formats
from import_export.forms import ImportForm

from core.countries import COUNTRIES, country_code
from core.spreadsheets import XLSX_TYPE, csv_response, xlsx_bytes

DELIMITERS = ",;\t"
# Lines of a file that start with this are notes for people (the template's list of allowed
# values): the import skips them.
NOTE = "#"


def _drop_notes(dataset: tablib.Dataset) -> tablib.Dataset:
    """The dataset without its note lines and its empty lines."""
    kept = tablib.Dataset(headers=dataset.headers)
    for row in dataset:
        first = str(row[0] if row else "").strip()
        if first.startswith(NOTE) or all(value in (None, "") for value in row):
            continue
        kept.append(row)
    return kept


class SniffedCSV(base_formats.CSV):
    """CSV separated by commas, semicolons (French spreadsheets) or tabs, found from the
    header line; a UTF-8 byte order mark and the template's note lines are dropped."""

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8-sig")
        in_stream = in_stream.removeprefix("\ufeff")
        header = in_stream.split("\n", 1)[0]
        counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
        kwargs.setdefault("delimiter", max(DELIMITERS, key=lambda d: (counts[d], d == ",")))
        return _drop_notes(super().create_dataset(in_stream, **kwargs))


class SpreadsheetXLSX(base_formats.XLSX):
    """An Excel workbook's first sheet, its cells read as the text people typed: whole
    numbers without ".0" (SIRET, postcodes), dates as dates, yes/no as 1/0."""

    def get_title(self):
        return "xlsx"

    def create_dataset(self, in_stream):
        dataset = super().create_dataset(in_stream)
        dataset.headers = [str(header or "").strip() for header in dataset.headers or []]
        plain = tablib.Dataset(headers=dataset.headers)
        for row in dataset:
            plain.append([_typed_cell(value) for value in row])
        return _drop_notes(plain)


def _typed_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


IMPORT_FORMATS = [SniffedCSV, SpreadsheetXLSX]


# --- The template and its guide ---------------------------------------------------------


@dataclass
class Column:
    """One column of an import: its name, whether it must be filled, what it accepts."""

    name: str
    label: str
    required: bool = False
    hint: str = ""
    allowed: list[tuple[str, str]] = field(default_factory=list)  # (value, meaning)
    many: bool = False  # a list of values separated by commas

    @property
    def allowed_text(self) -> str:
        return ", ".join(
            value if not meaning or meaning == value else f"{value} ({meaning})"
            for value, meaning in self.allowed
        )


def columns_of(resource) -> list[Column]:
    """The columns ``resource`` imports, with their allowed values and hints."""
    model = resource._meta.model
    required = set(getattr(resource, "REQUIRED_COLUMNS", []))
    hints = getattr(resource, "COLUMN_HINTS", {})
    columns = []
    for name, import_field in resource.fields.items():
        if import_field.readonly or import_field.column_name is None:
            continue
        column_name = import_field.column_name
        model_field = _model_field(model, import_field.attribute or name)
        column = Column(
            name=column_name,
            label=str(getattr(model_field, "verbose_name", "") or column_name),
            required=column_name in required,
            hint=str(hints.get(column_name, "")),
        )
        custom = getattr(resource, "allowed_values", None)
        allowed = custom(column_name) if custom else None
        if allowed is None:
            allowed = _allowed_values(import_field, model_field)
        column.allowed = [(str(value), str(meaning)) for value, meaning in allowed]
        column.many = isinstance(import_field.widget, widgets.ManyToManyWidget)
        if not column.hint:
            column.hint = _default_hint(import_field, model_field, column)
        columns.append(column)
    return columns


def _model_field(model, attribute: str):
    name = attribute.split("__", 1)[0]
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        # A translated column (pitch_fr) is described by its base field (pitch).
        base = name.rsplit("_", 1)[0]
        try:
            return model._meta.get_field(base)
        except FieldDoesNotExist:
            return None


def _allowed_values(import_field, model_field) -> list[tuple[str, str]]:
    widget = import_field.widget
    if isinstance(widget, (widgets.ManyToManyWidget, widgets.ForeignKeyWidget)):
        lookup = widget.field
        return [
            (getattr(row, lookup), str(row))
            for row in widget.model._default_manager.order_by(lookup)
        ]
    if model_field is None:
        return []
    if getattr(model_field, "name", "") == "country" or model_field.name.endswith("_country"):
        return COUNTRIES
    if model_field.choices:
        return list(model_field.flatchoices)
    return []


def _default_hint(import_field, model_field, column: Column) -> str:
    widget = import_field.widget
    if column.many:
        return _("Several values separated by commas.")
    if column.allowed:
        return _("One of the allowed values.")
    if isinstance(widget, widgets.DateWidget) or (
        model_field is not None and model_field.get_internal_type() == "DateField"
    ):
        return _("A date: 2026-12-31 or 31/12/2026.")
    if isinstance(widget, widgets.BooleanWidget):
        return _("1 or 0 (yes or no).")
    if model_field is not None and getattr(model_field, "max_length", None):
        return _("Text, at most %(count)d characters.") % {"count": model_field.max_length}
    return ""


def template_csv(resource, filename: str):
    """The CSV template: the header line, then note lines (starting with #) that list what
    each column accepts; the import skips the notes."""
    response, writer = csv_response(filename)
    columns = columns_of(resource)
    writer.writerow([column.name for column in columns])
    for column in columns:
        writer.writerow([_note(column)])
    return response


def _note(column: Column) -> str:
    parts = [f"{NOTE} {column.name}"]
    if column.required:
        parts.append(_("required"))
    if column.hint:
        parts.append(column.hint)
    if column.allowed:
        parts.append(_("allowed values: %(values)s") % {"values": column.allowed_text})
    return " · ".join(parts)


def template_xlsx(resource, filename: str):
    """The Excel template: a sheet to fill (its coded columns offer their allowed values in a
    drop-down list), and a sheet "Allowed values" that explains every column."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = columns_of(resource)
    guide = [[_("Column"), _("Required"), _("What to write"), _("Allowed values")]]
    for column in columns:
        guide.append(
            [
                column.name,
                _("yes") if column.required else _("no"),
                column.hint,
                column.allowed_text,
            ]
        )
    lists = [[column.name for column in columns if column.allowed and not column.many]]
    coded = [column for column in columns if column.allowed and not column.many]
    longest = max((len(column.allowed) for column in coded), default=0)
    for index in range(longest):
        lists.append(
            [column.allowed[index][0] if index < len(column.allowed) else "" for column in coded]
        )
    data_title, guide_title, lists_title = _("Data"), _("Allowed values"), _("Lists")
    content = xlsx_bytes(
        [
            (data_title, [[column.name for column in columns]]),
            (guide_title, guide),
            (lists_title, lists),
        ]
    )
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook[data_title]
    for position, column in enumerate(columns, start=1):
        letter = get_column_letter(position)
        for row in range(2, 501):
            sheet[f"{letter}{row}"].number_format = "@"  # typed text stays text (postcodes)
        if column in coded:
            list_letter = get_column_letter(coded.index(column) + 1)
            source = f"'{lists_title}'!${list_letter}$2:${list_letter}${len(column.allowed) + 1}"
            validation = DataValidation(type="list", formula1=f"={source}", allow_blank=True)
            message = _("Choose one of the allowed values (see the sheet “%(sheet)s”).")
            validation.error = message % {"sheet": guide_title}
            validation.showErrorMessage = True
            sheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}500")
    workbook[lists_title].sheet_state = "hidden"
    stream = io.BytesIO()
    workbook.save(stream)
    response = HttpResponse(stream.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- The preview: each error in its cell ---------------------------------------------------


@dataclass
class PreviewCell:
    value: object
    errors: list[str]


@dataclass
class PreviewRow:
    number: int
    cells: list[PreviewCell]
    other_errors: list[str]


def error_rows(resource, result) -> list[PreviewRow]:
    """The invalid rows of ``result``, each value with the errors about it; errors about no
    column of the file (or the whole row) apart. A value outside a coded column's allowed
    values is told so with the values it may take."""
    headers = list(result.diff_headers)
    coded = {
        column.name: column for column in columns_of(resource) if column.allowed and not column.many
    }
    to_column = {}
    for name, import_field in resource.fields.items():
        for key in {name, import_field.attribute, import_field.column_name}:
            if key:
                to_column[key] = import_field.column_name
                to_column[key.split("__", 1)[0]] = import_field.column_name
    rows = []
    for invalid in result.invalid_rows:
        by_column: dict[str, list[str]] = {}
        other = []
        for key, messages in invalid.error_dict.items():
            column = to_column.get(key)
            if column in headers:
                by_column.setdefault(column, []).extend(str(m) for m in messages)
            elif key == NON_FIELD_ERRORS:
                other.extend(str(m) for m in messages)
            else:
                other.extend(f"{key}: {m}" for m in messages)
        cells = [
            PreviewCell(
                value=value if value != "---" else "",
                errors=_plain_errors(coded.get(header), value, by_column.get(header, [])),
            )
            for header, value in zip(headers, invalid.values, strict=False)
        ]
        rows.append(PreviewRow(number=invalid.number, cells=cells, other_errors=other))
    return rows


def _plain_errors(column, value, errors: list[str]) -> list[str]:
    """``errors`` of a cell; for a value a coded column does not allow, one sentence that
    says which values it allows instead of the model's technical message."""
    if not errors or column is None:
        return errors
    allowed = [code for code, _meaning in column.allowed]
    text = str(value or "").strip()
    if any(f"“{text}”" in str(error) for error in errors):
        return errors  # the column's own words already
    if text and text not in allowed:
        return [
            _("“%(value)s” is not allowed in “%(column)s”: write one of %(values)s.")
            % {"value": text, "column": column.name, "values": ", ".join(allowed)}
        ]
    return errors


# --- The admin mixin ---------------------------------------------------------------------


class GuidedImportForm(ImportForm):
    """The upload form with no format to choose: the format follows the file's extension
    (``.csv`` or ``.xlsx``); any other file is refused in plain words."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.formats = formats
        self.fields["format"].required = False
        self.fields["format"].widget = forms.HiddenInput()
        extensions = [f".{file_format().get_extension()}" for file_format in formats]
        upload = self.fields["import_file"]
        upload.widget.attrs = {"accept": ",".join(extensions)}
        upload.help_text = _(
            "A CSV file (commas or semicolons) or an Excel file (.xlsx), like the templates: "
            "the format follows the file's name."
        )

    @property
    def media(self):
        return forms.Media()  # nothing to guess in the browser

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("import_file")
        if upload is None:
            return cleaned
        name = upload.name.lower()
        for index, file_format in enumerate(self.formats):
            if name.endswith(f".{file_format().get_extension()}"):
                cleaned["format"] = str(index)
                return cleaned
        self.add_error(
            "import_file",
            _("“%(name)s” is neither a CSV file (.csv) nor an Excel file (.xlsx).")
            % {"name": upload.name},
        )
        return cleaned


class GuidedImportMixin:
    """Put before ``ImportMixin``/``ImportExportMixin``: template downloads, CSV and XLSX,
    errors in their cells, and a confirmed import that saves everything or nothing."""

    import_template_name = "core/admin/guided_import.html"
    import_form_class = GuidedImportForm
    formats = IMPORT_FORMATS

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "import/template.<str:extension>",
                self.admin_site.admin_view(self.import_template_view),
                name=f"{opts.app_label}_{opts.model_name}_import_template",
            ),
            *super().get_urls(),
        ]

    def _import_resource(self, request):
        resource_class = self.get_import_resource_classes(request)[0]
        return resource_class(**self.get_import_resource_kwargs(request))

    def import_template_view(self, request, extension):
        if not self.has_import_permission(request):
            raise PermissionDenied
        resource = self._import_resource(request)
        filename = f"{self.model._meta.model_name}-import-template.{extension}"
        if extension == "csv":
            return template_csv(resource, filename)
        if extension == "xlsx":
            return template_xlsx(resource, filename)
        raise Http404

    def get_import_context_data(self, **kwargs):
        context = super().get_import_context_data(**kwargs)
        request = getattr(self, "_guided_request", None)
        if request is not None:
            context.update(self._guide_context(request))
        return context

    def _guide_context(self, request) -> dict:
        opts = self.model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}_import_template"
        return {
            "guide_columns": columns_of(self._import_resource(request)),
            "template_csv_url": reverse(name, args=["csv"]),
            "template_xlsx_url": reverse(name, args=["xlsx"]),
        }

    def import_action(self, request, **kwargs):
        self._guided_request = request
        try:
            response = super().import_action(request, **kwargs)
        finally:
            self._guided_request = None
        result = getattr(response, "context_data", {}) and response.context_data.get("result")
        if result is not None and result.has_validation_errors():
            response.context_data["error_rows"] = error_rows(self._import_resource(request), result)
        return response

    def process_dataset(self, dataset, form, request, **kwargs):
        """The confirmed import: in one transaction that any error rolls back."""
        with transaction.atomic():
            result = super().process_dataset(
                dataset, form, request, rollback_on_validation_errors=True, **kwargs
            )
            if result.has_errors() or result.has_validation_errors():
                transaction.set_rollback(True)
        return result

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The file no longer passes (the data changed since the preview): nothing was
            # saved; show why, as the preview does.
            context = {
                **self.admin_site.each_context(request),
                **self._guide_context(request),
                "title": _("Import"),
                "opts": self.model._meta,
                "result": result,
                "nothing_saved": True,
            }
            if result.has_validation_errors():
                context["error_rows"] = error_rows(self._import_resource(request), result)
            return TemplateResponse(request, [self.import_template_name], context)
        return super().process_result(result, request)


class CountryWidget(widgets.CharWidget):
    """A country column: its name (in English or French) or its ISO code; stored as the
    code. An unknown country is a row error that says so."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return ""
        code = country_code(text)
        if code is None:
            raise ValueError(
                _(
                    "“%(value)s” is not a country of the list: write its name (Germany) "
                    "or its code (DE)."
                )
                % {"value": text}
            )
        return code
