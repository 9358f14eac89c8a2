"""The back-office of people: their memberships, and the logs about them (relayed messages,
visibility choices), which staff read but never change."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportMixin

from core.admin_lists import (
    short_date,
    truncated,
)
from core.history import HistoryAdmin
from members.models import ConsentRecord, ContactMessage, Membership
from members.resources import MembershipResource, SniffedCSV


@admin.register(Membership)
class MembershipAdmin(ExportMixin, HistoryAdmin):
    resource_classes = [MembershipResource]
    formats = [SniffedCSV]
    list_display = [
        "user",
        truncated("organisation__name", 32),
        "role",
        truncated("job_title", 28),
        "visibility",
    ]
    list_filter = ["role", "visibility", "organisation__region", "organisation__kind"]
    search_fields = [
        "user__email",
        "user__first_name",
        "user__last_name",
        "organisation__name",
        "job_title",
    ]
    list_select_related = ["user", "organisation"]
    raw_id_fields = ["user", "organisation"]
    ordering = ["organisation__sort_name", "user__last_name"]
    readonly_fields = ["created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change or "visibility" in form.changed_data:
            ConsentRecord.objects.create(
                user=obj.user,
                organisation=obj.organisation,
                visibility=obj.visibility,
                source=ConsentRecord.Source.STAFF if change else ConsentRecord.Source.DEFAULT,
            )


# --- Logs --------------------------------------------------------------------------------


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ContactMessage)
class ContactMessageAdmin(ReadOnlyAdmin):
    list_display = [
        short_date("created_at"),
        "kind",
        # Staff follow up abuse: the address is shown here (whole in its tooltip), never on
        # the site.
        truncated("sender__email", 22, description=_("sender's address")),
        truncated("organisation__name", 22),
        truncated("platform__name", 16),
        truncated("subject", 22),
    ]
    list_filter = ["kind"]
    date_hierarchy = "created_at"
    search_fields = ["subject", "body", "sender__email", "recipient__email", "organisation__name"]
    list_select_related = ["sender", "recipient", "organisation", "platform"]
    ordering = ["-created_at"]


@admin.register(ConsentRecord)
class ConsentRecordAdmin(ReadOnlyAdmin):
    list_display = [
        short_date("recorded_at"),
        "user",
        truncated("organisation__name", 35),
        "visibility",
        "source",
    ]
    list_filter = ["visibility", "source"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    list_select_related = ["user", "organisation"]
    ordering = ["-recorded_at"]
    date_hierarchy = "recorded_at"
