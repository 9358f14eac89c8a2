"""The admin of sessions: seats taken, the attendance list, and cancelling with notice."""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from core.admin_lists import (
    short_date,
    status_badge,
    truncated,
)
from trainings import services
from trainings.admin.inlines import EnrolmentInline
from trainings.models import Enrolment, Session


@admin.register(Session)
class SessionAdmin(TranslationAdmin):
    change_form_template = "trainings/admin/session_change_form.html"
    list_display = (
        truncated("training", 34),
        short_date("start_date"),
        "place",
        "seats",
        "seats_taken_display",
        status_badge("status"),
        "attendance_link",
    )
    list_filter = ("status", "training__theme", "training__format")
    list_select_related = ("training",)
    search_fields = ("training__title_fr", "training__title_en", "city", "venue_fr", "venue_en")
    date_hierarchy = "start_date"
    ordering = ("-start_date",)
    autocomplete_fields = ("training",)
    readonly_fields = ("created_at", "updated_at")
    inlines = (EnrolmentInline,)
    actions = ("cancel_sessions", "send_surveys")
    fieldsets = (
        (None, {"fields": ("training", "status", "seats", "registration_deadline")}),
        (_("Dates"), {"fields": (("start_date", "end_date"), ("start_time", "end_time"))}),
        (_("Place"), {"fields": ("venue", "address", ("postcode", "city"), "remote_url")}),
        (None, {"fields": ("created_at", "updated_at")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).with_seats_taken()

    @admin.display(description=_("place"))
    def place(self, obj):
        return obj.place_label

    @admin.display(description=_("seats taken"), ordering="seats_taken")
    def seats_taken_display(self, obj):
        return obj.seats_taken

    @admin.display(description=_("attendance list"))
    def attendance_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("trainings:session-attendance-csv", args=[obj.pk]),
            _("CSV"),
        )

    def save_model(self, request, obj, form, change):
        cancelling = (
            change and "status" in form.changed_data and obj.status == Session.Status.CANCELLED
        )
        try:
            services.session_save(session=obj)
        except services.EnrolmentRefused as refusal:
            self.message_user(request, refusal.message, messages.ERROR)
            obj.refused = True
            return
        if cancelling:
            count = services.session_cancel(session=obj)
            self.message_user(request, self._cancelled_message(count), messages.INFO)

    def response_change(self, request, obj):
        if getattr(obj, "refused", False):  # see save_model: back to the form, unsaved
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    @staticmethod
    def _cancelled_message(count: int) -> str:
        return ngettext(
            "%(count)d request cancelled; its requester was emailed.",
            "%(count)d requests cancelled; each requester was emailed.",
            count,
        ) % {"count": count}

    @admin.action(description=_("Cancel the selected sessions and tell their participants"))
    def cancel_sessions(self, request, queryset):
        count = sum(services.session_cancel(session=session) for session in queryset)
        self.message_user(request, self._cancelled_message(count), messages.SUCCESS)

    @admin.action(description=_("Send the satisfaction questionnaire to the attendees"))
    def send_surveys(self, request, queryset):
        sent = 0
        for enrolment in Enrolment.objects.filter(session__in=queryset).survey_due():
            sent += services.survey_send(enrolment=enrolment)
        self.message_user(
            request,
            ngettext(
                "%(count)d questionnaire sent (never twice to the same person).",
                "%(count)d questionnaires sent (never twice to the same person).",
                sent,
            )
            % {"count": sent},
            messages.SUCCESS,
        )
