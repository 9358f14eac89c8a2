"""The admin of what people ask for: enrolment requests (their status changes go through
the services), satisfaction answers and à-la-carte requests."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_lists import (
    short_date,
    status_badge,
    truncated,
)
from trainings import services
from trainings.models import (
    ATTENDANCE_STATUSES,
    SEAT_HOLDING_STATUSES,
    CustomRequest,
    Enrolment,
    SatisfactionAnswer,
)


class EnrolmentAdminForm(forms.ModelForm):
    """Checks a status change before it is saved: seats, and attendance only once started."""

    class Meta:
        model = Enrolment
        # The admin adds the other fields of its fieldsets.
        fields = ["session", "status"]

    def clean(self):
        data = super().clean()
        status = data.get("status")
        session = data.get("session") or getattr(self.instance, "session", None)
        if not status or session is None:
            return data
        previous = self.initial.get("status") if self.instance.pk else None
        if status == previous:
            return data
        if status in ATTENDANCE_STATUSES and not session.has_started:
            self.add_error(
                "status", _("Attendance can only be recorded once the session has started.")
            )
        if status in SEAT_HOLDING_STATUSES and previous not in SEAT_HOLDING_STATUSES:
            if session.count_seats_taken() >= session.seats:
                self.add_error(
                    "status",
                    _("No seat is left in this session (%(seats)d seats): free one first.")
                    % {"seats": session.seats},
                )
        return data


def _status_action(status, description):
    def action(modeladmin, request, queryset):
        changed, refused = 0, []
        for enrolment in queryset.select_related("session"):
            try:
                before = enrolment.status
                services.enrolment_change_status(enrolment=enrolment, status=status)
            except services.EnrolmentRefused as refusal:
                refused.append(refusal.message)
            else:
                changed += before != status
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d request updated; the requester was emailed.",
                "%(count)d requests updated; each requester was emailed.",
                changed,
            )
            % {"count": changed},
            messages.SUCCESS,
        )
        for message in refused:
            modeladmin.message_user(request, message, messages.ERROR)

    action.__name__ = f"mark_{status}"
    return admin.action(description=description)(action)


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    form = EnrolmentAdminForm
    list_display = (
        truncated(
            "participant_name", 28, description=_("participant"), ordering="participant_last_name"
        ),
        truncated("company_name", 24),
        truncated("session", 28),
        status_badge("status"),
        "price_category",
        short_date("created_at"),
    )
    list_filter = ("status", "price_category", "certification_result", "session__training")
    list_select_related = ("session__training", "organisation")
    search_fields = (
        "participant_first_name",
        "participant_last_name",
        "participant_email",
        "requester_name",
        "requester_email",
        "company_name",
    )
    ordering = ("-created_at",)
    date_hierarchy = "created_at"
    raw_id_fields = ("requester", "participant_user", "organisation")
    autocomplete_fields = ("session",)
    readonly_fields = ("status_changed_at", "survey_sent_at", "created_at", "updated_at")
    actions = (
        _status_action(Enrolment.Status.CONFIRMED, _("Confirm the selected requests")),
        _status_action(
            Enrolment.Status.WAITING_LIST, _("Move the selected requests to the waiting list")
        ),
        _status_action(Enrolment.Status.CANCELLED, _("Cancel the selected requests")),
        _status_action(Enrolment.Status.ATTENDED, _("Mark the selected participants as attended")),
        _status_action(Enrolment.Status.ABSENT, _("Mark the selected participants as absent")),
        "record_passed",
        "record_failed",
        "send_survey",
    )
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "session",
                    "status",
                    "status_changed_at",
                    "certification_result",
                    "survey_sent_at",
                )
            },
        ),
        (
            _("Participant"),
            {
                "fields": (
                    "participant_user",
                    ("participant_first_name", "participant_last_name"),
                    ("participant_email", "participant_job_title"),
                    "accessibility_needs",
                )
            },
        ),
        (
            _("Requester and company"),
            {
                "fields": (
                    "requester",
                    "requester_name",
                    ("requester_email", "requester_phone"),
                    "language",
                    "organisation",
                    ("company_name", "company_siret"),
                    "company_address",
                    ("company_postcode", "company_city"),
                    "message",
                )
            },
        ),
        (_("Price"), {"fields": ("price_category", "price_excl_vat")}),
        (None, {"fields": ("created_at", "updated_at")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # Moving a request to another session would skip that session's seat count and
        # duplicate check: staff cancel it and add a new one there instead.
        if obj is not None:
            return ("session", *self.readonly_fields)
        return self.readonly_fields

    def response_add(self, request, obj, post_url_continue=None):
        if obj.pk is None:  # refused by the service (see save_model)
            return HttpResponseRedirect(reverse("admin:trainings_enrolment_changelist"))
        return super().response_add(request, obj, post_url_continue)

    @admin.display(description=_("participant"), ordering="participant_last_name")
    def participant_display(self, obj):
        return obj.participant_name

    def save_model(self, request, obj, form, change):
        """Status changes go through the service: seats are locked and the requester emailed."""
        if not change:
            try:
                services.enrolment_add(enrolment=obj)
            except services.EnrolmentRefused as refusal:
                self.message_user(request, refusal.message, messages.ERROR)
            return
        new_status = obj.status
        if "status" in form.changed_data:
            obj.status = form.initial["status"]
        super().save_model(request, obj, form, change)
        if new_status != obj.status:
            try:
                services.enrolment_change_status(enrolment=obj, status=new_status)
            except services.EnrolmentRefused as refusal:
                self.message_user(request, refusal.message, messages.ERROR)
            else:
                obj.status = new_status
                self.message_user(
                    request, _("The requester was emailed about the new status."), messages.INFO
                )

    def _record_result(self, request, queryset, result):
        count = queryset.filter(
            status=Enrolment.Status.ATTENDED, session__training__is_certifying=True
        ).update(certification_result=result)
        self.message_user(
            request,
            ngettext(
                "%(count)d certification result recorded (attended participants of certifying "
                "courses only).",
                "%(count)d certification results recorded (attended participants of certifying "
                "courses only).",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Record: passed the certification"))
    def record_passed(self, request, queryset):
        self._record_result(request, queryset, Enrolment.CertificationResult.PASSED)

    @admin.action(description=_("Record: failed the certification"))
    def record_failed(self, request, queryset):
        self._record_result(request, queryset, Enrolment.CertificationResult.FAILED)

    @admin.action(description=_("Send the satisfaction questionnaire (attended, once only)"))
    def send_survey(self, request, queryset):
        sent = sum(services.survey_send(enrolment=enrolment) for enrolment in queryset)
        self.message_user(
            request,
            ngettext("%(count)d questionnaire sent.", "%(count)d questionnaires sent.", sent)
            % {"count": sent},
            messages.SUCCESS,
        )


@admin.register(SatisfactionAnswer)
class SatisfactionAnswerAdmin(admin.ModelAdmin):
    list_display = (
        truncated("enrolment__participant_name", 28, description=_("participant"), ordering=None),
        truncated("enrolment__session__training", 32, description=_("training"), ordering=None),
        "rating",
        "objectives_met",
        "would_recommend",
        short_date("created_at"),
    )
    list_filter = ("rating", "objectives_met", "would_recommend", "enrolment__session__training")
    list_select_related = ("enrolment__session__training",)
    search_fields = (
        "comment",
        "enrolment__participant_last_name",
        "enrolment__session__training__title_fr",
    )
    ordering = ("-created_at",)
    readonly_fields = ("created_at",)

    @admin.display(description=_("participant"))
    def participant(self, obj):
        return obj.enrolment.participant_name

    @admin.display(description=_("training"))
    def training(self, obj):
        return obj.enrolment.session.training

    # Answers are evidence for the published results: staff read them, never edit them.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CustomRequest)
class CustomRequestAdmin(admin.ModelAdmin):
    list_display = (
        truncated("company_name", 35),
        truncated("name", 30),
        "participants",
        truncated("training", 35),
        "status",
        "created_at",
    )
    list_filter = ("status", "format")
    list_select_related = ("training", "organisation")
    list_editable = ("status",)
    search_fields = ("company_name", "name", "email", "need")
    ordering = ("-created_at",)
    date_hierarchy = "created_at"
    raw_id_fields = ("requester", "organisation")
    autocomplete_fields = ("training",)
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("status", "staff_notes")}),
        (
            _("Request"),
            {
                "fields": (
                    "training",
                    "need",
                    ("participants", "format"),
                    "dates_wished",
                    "place",
                )
            },
        ),
        (
            _("Requester"),
            {
                "fields": (
                    "requester",
                    "name",
                    ("email", "phone"),
                    "organisation",
                    "company_name",
                    "language",
                )
            },
        ),
        (None, {"fields": ("created_at", "updated_at")}),
    )
