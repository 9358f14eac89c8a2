from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from trainings import services
from trainings.codes import AUDIENCE_CODES, EMPLOYEES, split_codes
from trainings.models import (
    ATTENDANCE_STATUSES,
    SEAT_HOLDING_STATUSES,
    CustomRequest,
    Enrolment,
    EnrolmentStatus,
    SatisfactionAnswer,
    Session,
    Training,
    TrainingProvider,
)

# Trainings ---------------------------------------------------------------------------------


class TrainingAdminForm(forms.ModelForm):
    """Refuses to publish a training while mandatory information is missing; audiences are
    ticked in the national format's list (stored as comma-separated codes)."""

    public_codes = forms.MultipleChoiceField(
        label=_("Audiences"),
        choices=list(AUDIENCE_CODES.items()),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Who the training is for, as the national catalogue export names it."),
    )

    class Meta:
        model = Training
        # The admin builds the form with the fields of its fieldsets; these are the ones the
        # form itself relies on.
        fields = ["status", "markets", "public_codes"]
        widgets = {"markets": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["public_codes"] = split_codes(self.initial.get("public_codes", EMPLOYEES))

    def clean_public_codes(self):
        return ",".join(self.cleaned_data["public_codes"])

    def _post_clean(self):
        super()._post_clean()
        if self.cleaned_data.get("status") != Training.Status.PUBLISHED:
            return
        markets = self.cleaned_data.get("markets")
        problems = self.instance.publication_problems(
            markets=list(markets) if markets is not None else []
        )
        if problems:
            self.add_error(
                "status",
                ValidationError(
                    _("This training cannot be published yet. Missing: %(fields)s."),
                    params={"fields": ", ".join(problems)},
                    code="incomplete",
                ),
            )


class SessionInline(admin.TabularInline):
    """The training's sessions at a glance; each one is edited on its own page."""

    model = Session
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ("start_date", "end_date", "place", "seats", "status")
    readonly_fields = fields
    ordering = ("-start_date",)

    @admin.display(description=_("place"))
    def place(self, obj):
        return obj.place_label

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Training)
class TrainingAdmin(SimpleHistoryAdmin, TranslationAdmin):
    form = TrainingAdminForm
    change_list_template = "trainings/admin/training_change_list.html"
    list_display = (
        "title",
        "theme",
        "format",
        "status",
        "is_online",
        "is_complete",
        "upcoming_sessions",
        "updated_at",
    )
    list_filter = ("status", "theme", "format", "is_certifying", "on_quotation", "markets")
    list_select_related = ("trainer",)
    search_fields = ("title_fr", "title_en", "summary_fr", "summary_en", "certification_code")
    prepopulated_fields = {"slug": ("title_fr",)}
    ordering = ("title",)
    date_hierarchy = "published_at"
    readonly_fields = ("publication_checklist", "session_tools", "created_at", "updated_at")
    raw_id_fields = ("trainer",)
    inlines = (SessionInline,)
    actions = ("publish", "unpublish")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    "theme",
                    "markets",
                    "summary",
                    "trainer",
                    "session_tools",
                )
            },
        ),
        (
            _("Content"),
            {
                "fields": (
                    "objectives",
                    "target_audience",
                    "prerequisites",
                    "outcome",
                    ("duration_hours", "duration_days"),
                    "programme",
                )
            },
        ),
        (
            _("Methods and place"),
            {"fields": ("teaching_methods", "evaluation_methods", "format", "place")},
        ),
        (
            _("Access"),
            {"fields": ("access_methods", "access_delay_days", "entry_level")},
        ),
        (
            _("Prices"),
            {"fields": (("price_member", "price_non_member"), "on_quotation", "fundable")},
        ),
        (
            _("Disability access and contacts"),
            {
                "fields": (
                    "disability_access",
                    "disability_referent_name",
                    ("disability_referent_email", "disability_referent_phone"),
                    "contact_name",
                    ("contact_email", "contact_phone"),
                )
            },
        ),
        (
            _("Certification"),
            {
                "fields": (
                    "is_certifying",
                    "certification_title",
                    "certification_code",
                    "certifying_body",
                    "skill_blocks",
                )
            },
        ),
        (
            _("National export (LHEO)"),
            {"fields": ("nsf_codes", "formacodes", "public_codes"), "classes": ("collapse",)},
        ),
        (
            _("Publication"),
            {
                "fields": (
                    "publication_checklist",
                    "status",
                    "published_at",
                    "created_at",
                    "updated_at",
                )
            },
        ),
        (
            _("Search engines"),
            {"fields": ("seo_title", "seo_description"), "classes": ("collapse",)},
        ),
    )

    def get_queryset(self, request):
        today = timezone.localdate()
        return (
            super()
            .get_queryset(request)
            .prefetch_related("markets")
            .annotate(
                upcoming=Count(
                    "sessions",
                    filter=Q(sessions__start_date__gte=today)
                    & ~Q(sessions__status=Session.Status.CANCELLED),
                )
            )
        )

    @admin.display(boolean=True, description=_("online"))
    def is_online(self, obj):
        return obj.is_live

    @admin.display(boolean=True, description=_("complete"))
    def is_complete(self, obj):
        return not obj.publication_problems(markets=list(obj.markets.all()))

    @admin.display(description=_("upcoming sessions"), ordering="upcoming")
    def upcoming_sessions(self, obj):
        return obj.upcoming

    @admin.display(description=_("sessions"))
    def session_tools(self, obj):
        if obj.pk is None:
            return _("Save the training first, then add its sessions.")
        return format_html(
            '<a href="{}?training={}">{}</a> · <a href="{}?training__id__exact={}">{}</a>',
            reverse("admin:trainings_session_add"),
            obj.pk,
            _("Add a session"),
            reverse("admin:trainings_session_changelist"),
            obj.pk,
            _("All its sessions and their requests"),
        )

    @admin.display(description=_("mandatory information"))
    def publication_checklist(self, obj):
        if obj.pk is None:
            return _("Save the training to see what is still missing before publication.")
        problems = obj.publication_problems()
        if not problems:
            return format_html(
                '<strong class="trainings-complete">{}</strong>',
                _("Complete: this training can be published."),
            )
        return format_html(
            "<p>{}</p><ul>{}</ul>",
            _("Missing before publication:"),
            format_html_join("", "<li>{}</li>", ((problem,) for problem in problems)),
        )

    @admin.action(description=_("Publish the selected trainings now"))
    def publish(self, request, queryset):
        published, refused = 0, []
        for training in queryset:
            problems = training.publication_problems(markets=list(training.markets.all()))
            if problems:
                refused.append(f"{training.title} ({', '.join(problems)})")
                continue
            training.status = Training.Status.PUBLISHED
            training.published_at = min(training.published_at, timezone.now())
            training.save(update_fields=["status", "published_at", "updated_at"])
            published += 1
        if published:
            self.message_user(
                request,
                ngettext(
                    "%(count)d training published.", "%(count)d trainings published.", published
                )
                % {"count": published},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                _("Not published, information missing: %(list)s") % {"list": "; ".join(refused)},
                messages.ERROR,
            )

    @admin.action(description=_("Return the selected trainings to draft"))
    def unpublish(self, request, queryset):
        # One save per training (not a bulk update): the history and the "last updated"
        # date record the change.
        count = 0
        for training in queryset.exclude(status=Training.Status.DRAFT):
            training.status = Training.Status.DRAFT
            training.save(update_fields=["status", "updated_at"])
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d training set to draft.", "%(count)d trainings set to draft.", count)
            % {"count": count},
            messages.SUCCESS,
        )


# Sessions ----------------------------------------------------------------------------------


class EnrolmentInline(admin.TabularInline):
    model = Enrolment
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ("participant_name", "company_name", "status", "price_category", "created_at")
    readonly_fields = fields
    ordering = ("status", "participant_last_name")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Session)
class SessionAdmin(TranslationAdmin):
    change_form_template = "trainings/admin/session_change_form.html"
    list_display = (
        "training",
        "start_date",
        "end_date",
        "place",
        "seats",
        "seats_taken_display",
        "status",
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


# Enrolment requests ------------------------------------------------------------------------


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
            taken = session.enrolments.filter(status__in=SEAT_HOLDING_STATUSES).count()
            if taken >= session.seats:
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
        "participant_display",
        "company_name",
        "session",
        "status",
        "price_category",
        "created_at",
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
        _status_action(EnrolmentStatus.CONFIRMED, _("Confirm the selected requests")),
        _status_action(
            EnrolmentStatus.WAITING_LIST, _("Move the selected requests to the waiting list")
        ),
        _status_action(EnrolmentStatus.CANCELLED, _("Cancel the selected requests")),
        _status_action(EnrolmentStatus.ATTENDED, _("Mark the selected participants as attended")),
        _status_action(EnrolmentStatus.ABSENT, _("Mark the selected participants as absent")),
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
            status=EnrolmentStatus.ATTENDED, session__training__is_certifying=True
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
        "participant",
        "training",
        "rating",
        "objectives_met",
        "would_recommend",
        "created_at",
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
    list_display = ("company_name", "name", "participants", "training", "status", "created_at")
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


@admin.register(TrainingProvider)
class TrainingProviderAdmin(TranslationAdmin):
    list_display = ("name", "siret", "activity_number", "city", "updated_at")
    list_select_related = ()
    search_fields = ("name", "legal_name")
    ordering = ("pk",)
    readonly_fields = ("updated_at",)

    def has_add_permission(self, request):
        return not TrainingProvider.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
