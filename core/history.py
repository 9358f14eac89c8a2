"""The history pages of the back-office (django-simple-history), in the portal's words:
translated headers, dates in French typography, and an empty value shown as a dash rather
than "None". Every admin with a history uses :class:`HistoryAdmin`."""

from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

EMPTY = "—"


class HistoryContextHelper(HistoricalRecordContextHelper):
    """The values of a change as staff read them: a dash for an empty value, the label of
    a choice rather than its code, yes or no rather than True or False."""

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        if value is None or value == "" or value == []:
            return EMPTY
        if isinstance(value, bool):
            return str(_("yes") if value else _("no"))
        field = self.model._meta.get_field(change.field)
        if field.choices and not isinstance(value, list):
            return str(dict(field.flatchoices).get(value, value))
        return value


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin with the portal's history list (core/admin/object_history_list)."""

    object_history_list_template = "core/admin/object_history_list.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return HistoryContextHelper(self.model, historical_record)
