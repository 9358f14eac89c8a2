"""What every back-office list shares: status badges, shortened long text, and the bulk
actions staff use on a selection (change a status, send a reminder, export it).

Each app's admin builds its columns and actions with these helpers rather than its own
copies, so that every list looks and behaves the same::

    list_display = ["name", truncated("pitch", 60), status_badge("status", STATUS_TONES)]
    actions = [
        update_action(
            "archive",
            _("Archive the selected organisations"),
            changes={"membership_status": Organisation.Status.FORMER},
            done=ngettext_lazy("%(count)d archived.", "%(count)d archived.", "count"),
        ),
    ]

The export of the selection (CSV and Excel, the list's own columns) is offered on every
list of the back-office: :func:`register_site_actions` adds it to the admin site.
"""

from collections.abc import Callable, Iterable
from datetime import datetime

from django.contrib import admin, messages
from django.contrib.admin.utils import display_for_field, label_for_field, lookup_field
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.html import format_html, strip_tags
from django.utils.text import Truncator, capfirst, slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.countries import country_formfield
from core.spreadsheets import csv_response, xlsx_response
from core.todo import tally

# The tones a badge can take, each a class of static/css/admin.css.
TONES = ("success", "info", "warning", "danger", "muted", "neutral")


def badge(label, tone: str = "neutral"):
    """A coloured label for a status in a list: text (never colour alone) on a tinted
    background that keeps AA contrast."""
    if tone not in TONES:
        tone = "neutral"
    return format_html('<span class="status-badge status-badge--{}">{}</span>', tone, label)


# The tone of the statuses the portal's models share, by their stored value; an admin
# names the others (or overrides these) with ``tones``.
COMMON_TONES = {
    **dict.fromkeys(
        ["active", "published", "confirmed", "accepted", "approved", "sent", "labelled"]
        + ["funded", "attended", "open", "subscribed", "passed", "results"],
        "success",
    ),
    **dict.fromkeys(
        ["new", "queued", "scheduled", "sending", "in_progress", "running", "planned"], "info"
    ),
    **dict.fromkeys(
        ["pending", "waiting", "offered", "lapsed", "submitted", "quoted", "full", "postponed"],
        "warning",
    ),
    **dict.fromkeys(
        ["failed", "declined", "cancelled", "no-show", "not-labelled", "not-funded"], "danger"
    ),
    **dict.fromkeys(
        ["draft", "expired", "revoked", "withdrawn", "former", "unsubscribed", "finished"],
        "muted",
    ),
}


def status_badge(field: str, tones: dict | None = None, *, description=None, default="neutral"):
    """A list column showing ``field`` (a choice) as a badge whose tone comes from
    ``tones`` (value → tone) or :data:`COMMON_TONES`; sortable on the field. The export
    writes the plain label."""
    tones = {**COMMON_TONES, **(tones or {})}

    def column(obj):
        value = getattr(obj, field)
        if value in (None, ""):
            return "—"
        label = getattr(obj, f"get_{field}_display", lambda: value)()
        return badge(label, tones.get(value, default))

    def plain(obj):
        value = getattr(obj, field)
        return getattr(obj, f"get_{field}_display", lambda: value)() if value else ""

    column.__name__ = f"{field}_badge"
    column.export_value = plain
    column.label_from = field
    column.label_is_default = description is None
    return admin.display(description=description or _verbose_name(field), ordering=field)(column)


def flag_badge(
    value_of: Callable, *, yes, no, yes_tone="success", no_tone="muted", description, ordering=None
):
    """A badge for a yes/no fact computed by ``value_of(obj)`` (shown, paid, read...)."""

    def column(obj):
        return badge(yes, yes_tone) if value_of(obj) else badge(no, no_tone)

    with translation.override(None):  # named after the source text, whatever the language
        column.__name__ = f"flag_{slugify(str(yes)).replace('-', '_') or 'badge'}"
    column.export_value = lambda obj: str(yes if value_of(obj) else no)
    return admin.display(description=description, ordering=ordering)(column)


def truncated(field: str, length: int = 50, *, description=None, ordering=""):
    """A list column with the text of ``field`` cut to ``length`` characters (the whole text
    in its tooltip), so that long names and titles no longer wrap over several lines.
    ``field`` may follow relations: ``"organisation__name"``."""

    def value_of(obj):
        value = obj
        for part in field.split("__"):
            value = getattr(value, part, None) if value is not None else None
        return "" if value is None else str(value)

    def column(obj):
        text = value_of(obj)
        if not text:
            return "—"
        short = Truncator(text).chars(length)
        if short == text:
            return format_html('<span class="cell-short">{}</span>', text)
        return format_html('<span class="cell-short" title="{}">{}</span>', text, short)

    column.__name__ = f"{field}_short"
    column.export_value = value_of
    column.label_from = field
    column.label_is_default = description is None
    return admin.display(
        description=description or _verbose_name(field),
        ordering=field if ordering == "" else ordering,
    )(column)


def short_date(field: str, *, description=None):
    """A list column with the date (or date and time) of ``field`` in the short local
    format, 31/12/2026 rather than "31 décembre 2026 à 11:41": dates stop widening lists."""

    def column(obj):
        value = getattr(obj, field)
        if value is None:
            return "—"
        if isinstance(value, datetime):
            value = timezone.localtime(value) if timezone.is_aware(value) else value
            return format_html(
                '<span class="cell-short">{}</span>',
                formats.date_format(value, "SHORT_DATETIME_FORMAT"),
            )
        return format_html(
            '<span class="cell-short">{}</span>', formats.date_format(value, "SHORT_DATE_FORMAT")
        )

    column.__name__ = f"{field}_date"
    column.export_value = lambda obj: getattr(obj, field)
    column.label_from = field
    column.label_is_default = description is None
    return admin.display(description=description or _verbose_name(field), ordering=field)(column)


def _verbose_name(field: str) -> str:
    """``field``'s own name, until :func:`label_columns` finds its verbose name."""
    return field.rsplit("__", 1)[-1].replace("_", " ")


# The last part of a path that names its object: "organisation__name" is "organisation".
NAMING_FIELDS = {"name", "title", "subject", "display_name", "email"}


def field_label(model, path: str):
    """The verbose name of the field at ``path`` from ``model`` ("organisation__name" →
    "organisation"), or None when the path is not made of fields."""
    label = None
    for position, part in enumerate(path.split("__")):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return label if position else None
        if field.is_relation and field.related_model is not None:
            label = field.verbose_name
            model = field.related_model
        elif position == 0 or part not in NAMING_FIELDS:
            label = field.verbose_name
    return label


def label_columns(site) -> None:
    """Give the columns made by :func:`truncated` and :func:`status_badge` without a
    description the translated verbose name of their field (run once the admin modules are
    loaded: the helpers do not know their model when the class is written)."""
    for model, model_admin in site._registry.items():
        for column in model_admin.list_display:
            path = getattr(column, "label_from", None)
            if path and getattr(column, "label_is_default", False):
                label = field_label(model, path)
                if label is not None:
                    column.short_description = capfirst(label)


# --- Bulk actions -----------------------------------------------------------------------


def bulk_action(
    name: str,
    description,
    *,
    handle: Callable,
    done,
    eligible: Callable | None = None,
    permissions: Iterable[str] = ("change",),
    lock: bool = True,
):
    """An admin action calling ``handle(request, obj)`` on each selected row that
    ``eligible(queryset)`` keeps, all in one transaction (a failure saves nothing), then
    telling how many were done and how many were left aside. ``handle`` returns False for
    a row it left as it was. ``done`` is the message, a plural over ``count``:
    ``ngettext_lazy("%(count)d row archived.", "%(count)d rows archived.", "count")``.
    """

    def action(modeladmin, request, queryset):
        # The selection afresh: the list's own query may be DISTINCT, which cannot lock.
        pks = list(queryset.values_list("pk", flat=True))
        rows = modeladmin.model._default_manager.filter(pk__in=pks)
        selected = len(pks)
        rows = eligible(rows) if eligible else rows
        count = 0
        with transaction.atomic():
            if lock:
                rows = rows.select_for_update(of=("self",))
            for obj in rows:
                if handle(request, obj) is not False:
                    count += 1
        modeladmin.message_user(
            request,
            done % {"count": count},
            messages.SUCCESS if count else messages.WARNING,
        )
        if selected > count:
            left = selected - count
            modeladmin.message_user(
                request,
                ngettext(
                    "%(count)d selected row did not need it and was left as it was.",
                    "%(count)d selected rows did not need it and were left as they were.",
                    left,
                )
                % {"count": left},
                messages.INFO,
            )

    action.__name__ = name
    return admin.action(description=description, permissions=list(permissions))(action)


def update_action(
    name: str,
    description,
    *,
    changes: dict,
    done,
    eligible: Callable | None = None,
    stamp: dict | None = None,
):
    """An action setting ``changes`` (field → value) on each selected row, saved one by
    one (so that history, search text and signals follow). ``stamp`` sets fields to a value
    computed at the time: ``{"archived_at": timezone.now}``; the row's ``updated_at`` is
    kept fresh. Rows that already have the values are left aside."""

    def handle(request, obj):
        if changes and all(getattr(obj, field) == value for field, value in changes.items()):
            return False
        fields = list(changes)
        for field, value in changes.items():
            setattr(obj, field, value)
        for field, make in (stamp or {}).items():
            setattr(obj, field, make())
            fields.append(field)
        if _has_field(obj, "updated_at"):
            obj.updated_at = timezone.now()
            fields.append("updated_at")
        obj._history_user = request.user
        obj.save(update_fields=fields)
        return True

    return bulk_action(name, description, handle=handle, done=done, eligible=eligible)


def reminder_action(
    name: str,
    description,
    *,
    send: Callable,
    done,
    eligible: Callable | None = None,
):
    """An action sending a reminder with ``send(obj)`` (through the mail service, so after
    the commit) to each selected row that ``eligible`` keeps."""

    def handle(request, obj):
        return send(obj)

    return bulk_action(
        name, description, handle=handle, done=done, eligible=eligible, permissions=("change",)
    )


def _has_field(obj, name: str) -> bool:
    try:
        obj._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


# --- Export of the selection ---------------------------------------------------------------


def selection_rows(modeladmin, request, queryset) -> list[list]:
    """The selected rows with the list's own columns, as plain values (badges as their
    label, shortened text in full), the header first."""
    columns = [
        name
        for name in modeladmin.get_list_display(request)
        if name != "action_checkbox" and not getattr(name, "skip_export", False)
    ]
    header = [
        capfirst(strip_tags(str(label_for_field(name, modeladmin.model, modeladmin))))
        for name in columns
    ]
    related = modeladmin.get_list_select_related(request)
    if related is True:
        queryset = queryset.select_related()
    elif related:
        queryset = queryset.select_related(*related)
    rows = [header]
    for obj in queryset:
        rows.append([_cell(obj, name, modeladmin) for name in columns])
    return rows


def _cell(obj, name, modeladmin):
    export_value = getattr(name, "export_value", None) or getattr(
        getattr(modeladmin, name, None) if isinstance(name, str) else None, "export_value", None
    )
    if export_value is not None:
        return export_value(obj)
    try:
        field, attr, value = lookup_field(name, obj, modeladmin)
    except (AttributeError, ObjectDoesNotExist):
        return ""
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value if value is not None else ""))
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if field is not None and field.is_relation:
        return str(value)
    if isinstance(value, (int, float)) or hasattr(value, "isoformat"):
        return value
    text = display_for_field(value, field, "") if field is not None else value
    return strip_tags(str(text))


def _filename(modeladmin, extension: str) -> str:
    stamp = timezone.localdate().isoformat()
    return f"{modeladmin.model._meta.model_name}-{stamp}.{extension}"


@admin.action(description=_("Export the selection as CSV"), permissions=["view"])
def export_selection_csv(modeladmin, request, queryset):
    response, writer = csv_response(_filename(modeladmin, "csv"))
    for row in selection_rows(modeladmin, request, queryset):
        writer.writerow(["" if value is None else value for value in row])
    return response


@admin.action(description=_("Export the selection as Excel (XLSX)"), permissions=["view"])
def export_selection_xlsx(modeladmin, request, queryset):
    rows = selection_rows(modeladmin, request, queryset)
    return xlsx_response(
        _filename(modeladmin, "xlsx"), [(modeladmin.model._meta.verbose_name_plural, rows)]
    )


def register_site_actions(site) -> None:
    """Offer the export of the selection on every list of ``site``."""
    site.add_action(export_selection_csv, "export_selection_csv")
    site.add_action(export_selection_xlsx, "export_selection_xlsx")


# --- Countries by name ---------------------------------------------------------------------


class CountryByNameMixin:
    """Model admins and inlines whose country code fields are typed by name with
    suggestions (``country``, ``buyer_country``...), stored as ISO codes."""

    country_fields = ("country",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.country_fields:
            return country_formfield(db_field)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def singleton_exists(request, model) -> bool:
    """Whether the one row of a settings model (``SingletonAdmin``) exists. The back-office
    menu asks it of every settings model on every page, so all of them are read in one
    query, once per request."""
    present = getattr(request, "_portal_singletons", None)
    if present is None:
        singletons = [
            registered
            for registered, model_admin in admin.site._registry.items()
            if isinstance(model_admin, SingletonAdmin)
        ]
        if model not in singletons:
            singletons.append(model)
        found = tally({registered: (registered.objects.all(), "pk") for registered in singletons})
        present = {registered: count > 0 for registered, (count, _first) in found.items()}
        request._portal_singletons = present
    return present[model]


class SingletonAdmin(admin.ModelAdmin):
    """The admin of a settings model with one row: it can be added while it does not exist,
    never deleted."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not singleton_exists(request, self.model)

    def has_delete_permission(self, request, obj=None):
        return False
