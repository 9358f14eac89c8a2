"""The admin of the catalogue: trainings, with the check of what publication requires."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from core.admin import cover_fieldset
from core.admin_lists import (
    status_badge,
    truncated,
)
from core.history import HistoryAdmin
from trainings.admin.inlines import SessionInline
from trainings.codes import AUDIENCE_CODES, EMPLOYEES, split_codes
from trainings.models import Session, Training


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


@admin.register(Training)
class TrainingAdmin(HistoryAdmin, TranslationAdmin):
    form = TrainingAdminForm
    change_list_template = "trainings/admin/training_change_list.html"
    list_display = (
        truncated("title", 45),
        "theme",
        "format",
        status_badge("status"),
        "is_online",
        "is_complete",
        "upcoming_sessions",
    )
    list_filter = (
        "status",
        "theme",
        "format",
        "is_certifying",
        "on_quotation",
        "markets",
        "roadmap_objectives",
    )
    filter_horizontal = ("markets", "roadmap_objectives")
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
                    "roadmap_objectives",
                    "summary",
                    "trainer",
                    "session_tools",
                )
            },
        ),
        cover_fieldset(),
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
