"""Back-office of meeting days: their settings (the slots follow them on save), the
profiles and the meetings. Imported by ``events/admin.py``."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_lists import (
    short_date,
    status_badge,
    truncated,
)
from events.matchmaking import services
from events.models import Matchmaking, Meeting, MeetingProfile, MeetingSlot


class MeetingSlotInline(admin.TabularInline):
    model = MeetingSlot
    extra = 0
    fields = ("start", "end", "is_break")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # The slots follow the settings (length, gap, day, breaks): see save_model.
        return False


@admin.register(Matchmaking)
class MatchmakingAdmin(admin.ModelAdmin):
    list_display = (
        truncated("event__title", 30),
        "meeting_minutes",
        "tables",
        short_date("requests_close_at"),
        short_date("schedule_published_at"),
    )
    list_select_related = ("event",)
    list_filter = (("schedule_published_at", admin.EmptyFieldListFilter),)
    search_fields = ("event__title", "event__slug")
    ordering = ("-event__start",)
    autocomplete_fields = ("event",)
    readonly_fields = ("schedule_published_at", "created_at", "updated_at")
    inlines = [MeetingSlotInline]
    fieldsets = (
        (None, {"fields": ("event",)}),
        (
            _("Time slots"),
            {
                "fields": (
                    "meeting_minutes",
                    "gap_minutes",
                    "first_meeting_at",
                    "last_meeting_ends_by",
                    "breaks",
                    "tables",
                )
            },
        ),
        (
            _("Dates"),
            {
                "fields": (
                    "requests_open_at",
                    "requests_close_at",
                    "schedule_planned_at",
                    "schedule_published_at",
                )
            },
        ),
        (_("Limits per participant"), {"fields": ("max_requests_sent", "max_meetings")}),
        (_("Record"), {"fields": ("created_at", "updated_at")}),
    )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        count = services.slots_rebuild(matchmaking=obj)
        self.message_user(request, _("%(count)s time slots (breaks included).") % {"count": count})


@admin.register(MeetingProfile)
class MeetingProfileAdmin(admin.ModelAdmin):
    list_display = (
        truncated("display_name", 28),
        truncated("organisation_name", 28),
        "organisation_kind",
        truncated("event__title", 30),
        "languages",
    )
    list_select_related = ("event",)
    list_filter = ("organisation_kind", "event")
    search_fields = ("display_name", "organisation_name", "offer", "seek")
    ordering = ("event", "organisation_name")
    raw_id_fields = ("registration",)
    readonly_fields = ("event", "created_at", "updated_at")
    filter_horizontal = ("markets",)
    exclude = ("unavailable_slots",)


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = (
        truncated("requester__display_name", 18),
        truncated("recipient__display_name", 18),
        truncated("event__title", 14),
        status_badge("status"),
        "slot",
        "table",
        "attendance",
    )
    list_select_related = ("event", "requester", "recipient", "slot")
    list_filter = ("status", "attendance", "is_fixed", "event")
    search_fields = ("requester__display_name", "recipient__display_name", "message")
    ordering = ("event", "slot__start", "table")
    readonly_fields = (
        "event",
        "requester",
        "recipient",
        "message",
        "status",
        "answered_at",
        "slot",
        "table",
        "requester_follow_up",
        "recipient_follow_up",
        "created_at",
        "updated_at",
    )
    fields = (*readonly_fields, "is_fixed", "attendance")

    def has_add_permission(self, request):
        # Requests are made by participants; staff place and move them on the grid.
        return False
