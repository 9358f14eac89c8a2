from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TranslationAdmin

from content.admin import PUBLICATION_FIELDSET, SEO_FIELDSET, PublishableAdmin
from core.admin import cover_fieldset
from core.admin_lists import (
    CountryByNameMixin,
    flag_badge,
    short_date,
    status_badge,
    truncated,
    update_action,
)
from core.history import HistoryAdmin
from projects.forms import FUNDING_FIELDS, TEXT_FIELDS, StatusChangeForm
from projects.models import (
    Call,
    ExternalPartner,
    FundingProgramme,
    Participation,
    PartnerInterest,
    PartnerSearch,
    Project,
    ProjectDocument,
    ProjectImage,
    ProjectStatusChange,
    ReviewNote,
)


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(TranslationAdmin):
    list_display = (truncated("name", 34), truncated("funder", 28), "scope", "order", "is_active")
    list_editable = ("order", "is_active")
    list_filter = ("scope", "is_active")
    search_fields = ("name_fr", "name_en", "funder")
    list_select_related = ()
    prepopulated_fields = {"slug": ("name_fr",)}
    readonly_fields = ("created_at", "updated_at")
    ordering = ("order", "name_fr")


@admin.register(Call)
class CallAdmin(PublishableAdmin):
    list_display = (
        truncated("title", 45),
        truncated("programme__name", 30),
        "deadline",
        status_badge("status"),
        "is_online",
    )
    list_filter = ("status", "programme", "markets")
    list_select_related = ("programme",)
    search_fields = ("title_fr", "title_en", "summary_fr")
    prepopulated_fields = {"slug": ("title_fr",)}
    filter_horizontal = ("markets",)
    date_hierarchy = "deadline"
    ordering = ("-deadline",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "programme", "deadline", "link", "markets")}),
        (_("Text"), {"fields": ("summary",)}),
        PUBLICATION_FIELDSET,
        SEO_FIELDSET,
    )


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    raw_id_fields = ("organisation",)
    fields = ("organisation", "role")


class ExternalPartnerInline(CountryByNameMixin, admin.TabularInline):
    model = ExternalPartner
    extra = 0
    fields = ("name", "country", "kind", "role")


class ReviewNoteInline(admin.StackedInline):
    """Staff notes on the review. Members never see them."""

    model = ReviewNote
    extra = 1
    fields = ("body", "author", "created_at")
    readonly_fields = ("author", "created_at")
    verbose_name_plural = _("review notes (staff only, never shown to members)")


class StatusChangeInline(admin.TabularInline):
    model = ProjectStatusChange
    extra = 0
    fields = ("changed_on", "from_status", "to_status", "author", "note")
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = _("timeline (change it with the “Change the status” button)")

    def has_add_permission(self, request, obj=None):
        return False


class DocumentInline(admin.TabularInline):
    model = ProjectDocument
    extra = 0
    fields = ("title", "download", "size", "uploaded_by", "uploaded_at")
    readonly_fields = fields
    verbose_name_plural = _("consortium documents (add them on the project's documents page)")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("Download"))


class ImageInline(admin.TabularInline):
    model = ProjectImage
    extra = 0
    fields = ("image", "alt_text", "caption", "order")


@admin.register(Project)
class ProjectAdmin(HistoryAdmin):
    list_display = (
        "acronym",
        truncated("title", 30),
        truncated("coordinator_name", 24, description=_("coordinator")),
        status_badge("status"),
        "total_budget",
    )
    list_filter = (
        "status",
        "visibility",
        "programme",
        "markets",
        "roadmap_objectives",
        "labelled_on",
    )
    list_select_related = ("programme",)
    search_fields = ("acronym", "title", "summary", "participations__organisation__name")
    prepopulated_fields = {"slug": ("acronym",)}
    filter_horizontal = ("markets", "roadmap_objectives")
    date_hierarchy = "created_at"
    ordering = ("-updated_at",)
    inlines = (
        ReviewNoteInline,
        ParticipationInline,
        ExternalPartnerInline,
        StatusChangeInline,
        DocumentInline,
        ImageInline,
    )
    change_form_template = "projects/admin/project_change_form.html"
    fieldsets = (
        (None, {"fields": ("acronym", "slug", "title", "title_en", "status", "visibility")}),
        (_("Text"), {"fields": TEXT_FIELDS}),
        (_("Funding and schedule"), {"fields": (*FUNDING_FIELDS, "labelled_on")}),
        (_("Roadmap"), {"fields": ("roadmap_objectives",)}),
        cover_fieldset(),
        (_("Record"), {"fields": ("created_by", "created_at", "updated_at")}),
    )

    def get_queryset(self, request):
        coordinator = Participation.objects.filter(
            project=OuterRef("pk"), role=Participation.Role.COORDINATOR
        ).values("organisation__name")[:1]
        return super().get_queryset(request).annotate(coordinator_name=Subquery(coordinator))

    @admin.display(description=_("coordinator"), ordering="coordinator_name")
    def coordinator_name(self, obj):
        return obj.coordinator_name

    def get_readonly_fields(self, request, obj=None):
        # Once created, a project changes status through the timeline only.
        fields = ["created_by", "created_at", "updated_at"]
        if obj is not None:
            fields += ["status", "labelled_on"]
        return fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if not change:
            # A project entered in the back-office starts its timeline at its first status.
            ProjectStatusChange.objects.create(
                project=obj, to_status=obj.status, author=request.user
            )

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, ReviewNote) and instance.author_id is None:
                instance.author = request.user
            instance.save()
        for instance in formset.deleted_objects:
            instance.delete()
        formset.save_m2m()

    def get_urls(self):
        return [
            path(
                "<path:object_id>/status/",
                self.admin_site.admin_view(self.status_view),
                name="projects_project_status",
            ),
            *super().get_urls(),
        ]

    def status_view(self, request, object_id):
        """Move the project along its timeline; a labelling decision emails the coordinator."""
        project = self.get_object(request, object_id)
        if project is None:
            raise Http404
        if not self.has_change_permission(request, project):
            raise PermissionDenied
        form = StatusChangeForm(request.POST or None, project=project, user=request.user)
        if form.apply():
            self.message_user(
                request,
                _("%(project)s is now “%(status)s”.")
                % {"project": project.acronym, "status": project.get_status_display()},
                messages.SUCCESS,
            )
            return redirect(reverse("admin:projects_project_change", args=[project.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": project,
            "form": form,
            "title": _("Change the status of %(project)s") % {"project": project.acronym},
            "reviews": project.review_notes.select_related("author"),
        }
        return TemplateResponse(request, "projects/admin/project_status.html", context)


@admin.register(Participation)
class ParticipationAdmin(HistoryAdmin):
    list_display = (
        truncated("project", 40),
        truncated("organisation__name", 36),
        "role",
        short_date("created_at"),
    )
    list_filter = ("role",)
    list_select_related = ("project", "organisation")
    search_fields = ("project__acronym", "organisation__name")
    autocomplete_fields = ("project",)
    raw_id_fields = ("organisation",)
    readonly_fields = ("created_at",)
    ordering = ("project__acronym",)


@admin.register(ExternalPartner)
class ExternalPartnerAdmin(CountryByNameMixin, HistoryAdmin):
    list_display = (truncated("name", 36), truncated("project", 35), "country", "kind", "role")
    list_filter = ("kind", "country", "role")
    list_select_related = ("project",)
    search_fields = ("name", "project__acronym")
    autocomplete_fields = ("project",)
    ordering = ("name",)


@admin.register(ProjectStatusChange)
class ProjectStatusChangeAdmin(admin.ModelAdmin):
    list_display = (
        truncated("project", 30),
        status_badge("to_status"),
        short_date("changed_on"),
        "author",
    )
    list_filter = ("to_status", "changed_on")
    list_select_related = ("project", "author")
    search_fields = ("project__acronym", "note")
    readonly_fields = (
        "project",
        "from_status",
        "to_status",
        "changed_on",
        "author",
        "note",
        "created_at",
    )
    ordering = ("-created_at",)

    def has_add_permission(self, request):
        return False


@admin.register(ReviewNote)
class ReviewNoteAdmin(admin.ModelAdmin):
    list_display = ("project", "author", "created_at")
    list_filter = ("created_at",)
    list_select_related = ("project", "author")
    search_fields = ("project__acronym", "body")
    autocomplete_fields = ("project",)
    readonly_fields = ("author", "created_at")
    ordering = ("-created_at",)

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(ProjectDocument)
class ProjectDocumentAdmin(admin.ModelAdmin):
    list_display = (
        truncated("title", 35),
        truncated("project", 30),
        "size",
        "uploaded_by",
        short_date("uploaded_at"),
    )
    list_filter = ("uploaded_at",)
    list_select_related = ("project", "uploaded_by")
    search_fields = ("title", "project__acronym")
    fields = ("project", "title", "size", "uploaded_by", "uploaded_at")
    readonly_fields = fields
    ordering = ("-uploaded_at",)

    def has_add_permission(self, request):
        return False


@admin.register(ProjectImage)
class ProjectImageAdmin(admin.ModelAdmin):
    list_display = ("alt_text", "project", "order")
    list_filter = ("project__status",)
    list_select_related = ("project",)
    search_fields = ("alt_text", "project__acronym")
    autocomplete_fields = ("project",)
    ordering = ("project", "order")


class InterestInline(admin.TabularInline):
    model = PartnerInterest
    extra = 0
    fields = ("organisation", "user", "message", "created_at")
    readonly_fields = fields


@admin.register(PartnerSearch)
class PartnerSearchAdmin(HistoryAdmin):
    actions = [
        update_action(
            "close",
            _("Archive: close the selected partner searches"),
            changes={},
            stamp={"closed_at": timezone.now},
            eligible=lambda rows: rows.filter(closed_at__isnull=True),
            done=ngettext_lazy(
                "%(count)d partner search closed.",
                "%(count)d partner searches closed.",
                "count",
            ),
        )
    ]
    list_display = (
        truncated("title", 38),
        truncated("organisation__name", 30),
        short_date("deadline"),
        flag_badge(
            lambda search: search.closed_at is None,
            yes=_("open"),
            no=_("closed"),
            description=_("state"),
            ordering="closed_at",
        ),
        short_date("created_at"),
    )
    list_filter = ("markets", "deadline", "closed_at")
    list_select_related = ("organisation", "author")
    search_fields = ("title", "idea", "organisation__name")
    autocomplete_fields = ("call",)
    raw_id_fields = ("organisation", "author")
    filter_horizontal = ("competencies", "markets")
    readonly_fields = ("created_at", "updated_at")
    ordering = ("-created_at",)
    inlines = (InterestInline,)


@admin.register(PartnerInterest)
class PartnerInterestAdmin(admin.ModelAdmin):
    list_display = (
        truncated("search__title", 40),
        truncated("organisation__name", 30),
        "user",
        "created_at",
    )
    list_filter = ("created_at",)
    list_select_related = ("search", "organisation", "user")
    search_fields = ("search__title", "organisation__name")
    readonly_fields = ("search", "organisation", "user", "message", "created_at")
    ordering = ("-created_at",)

    def has_add_permission(self, request):
        return False
