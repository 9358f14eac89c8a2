"""The back-office of organisations, with their vocabularies (competencies, certifications)
and the membership settings."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TranslationAdmin

from core.admin_lists import (
    CountryByNameMixin,
    SingletonAdmin,
    flag_badge,
    short_date,
    status_badge,
    truncated,
    update_action,
)
from core.history import HistoryAdmin
from core.imports import GuidedImportMixin
from members.admin.history import RECENT_CHANGES_PER_PAGE, describe_changes, recent_records
from members.models import (
    Certification,
    Competency,
    Membership,
    MembershipSettings,
    Organisation,
    OrganisationHasHistory,
    Platform,
)
from members.models.organisations import describe_history
from members.resources import OrganisationResource

# The colour of each membership status in the lists.
STATUS_TONES = {
    Organisation.Status.ACTIVE: "success",
    Organisation.Status.APPLICANT: "info",
    Organisation.Status.LAPSED: "warning",
    Organisation.Status.FORMER: "muted",
}


class ListedFilter(admin.SimpleListFilter):
    title = _("public directory")
    parameter_name = "listed"

    def lookups(self, request, model_admin):
        return [("yes", _("Shown")), ("no", _("Not shown"))]

    def queryset(self, request, queryset):
        listed = Organisation.objects.in_directory().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=listed)
        if self.value() == "no":
            return queryset.exclude(pk__in=listed)
        return queryset


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["user", "role", "job_title", "visibility", "created_at"]
    readonly_fields = ["created_at"]
    raw_id_fields = ["user"]


class PlatformInline(admin.TabularInline):
    model = Platform
    extra = 0
    fields = ["name", "kind", "access", "updated_at"]
    readonly_fields = ["updated_at"]
    show_change_link = True


@admin.register(Organisation)
class OrganisationAdmin(
    CountryByNameMixin, GuidedImportMixin, ImportExportMixin, HistoryAdmin, TranslationAdmin
):
    resource_classes = [OrganisationResource]
    list_display = [
        truncated("name", 32),
        "kind",
        "place",
        status_badge("membership_status", STATUS_TONES),
        short_date("paid_until", description=_("paid up to")),
        flag_badge(
            lambda organisation: organisation.is_listed,
            yes=_("shown"),
            no=_("hidden"),
            description=_("listed"),
        ),
    ]
    list_filter = [
        "membership_status",
        ListedFilter,
        "region",
        "kind",
        "size_band",
        "markets",
        "is_public",
    ]
    search_fields = ["name", "city", "postcode", "siret", "keywords", "website"]
    list_select_related = []
    ordering = ["sort_name"]
    date_hierarchy = "member_since"
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["department", "archived_at", "created_at", "updated_at"]
    filter_horizontal = ["markets", "competencies", "certifications"]
    inlines = [MembershipInline, PlatformInline]
    actions = [
        update_action(
            "mark_lapsed",
            _("Mark as lapsed (unpaid)"),
            changes={"membership_status": Organisation.Status.LAPSED},
            done=ngettext_lazy(
                "%(count)d organisation marked as lapsed.",
                "%(count)d organisations marked as lapsed.",
                "count",
            ),
        ),
        update_action(
            "mark_active",
            _("Mark as active members"),
            changes={"membership_status": Organisation.Status.ACTIVE},
            done=ngettext_lazy(
                "%(count)d organisation marked as active.",
                "%(count)d organisations marked as active.",
                "count",
            ),
        ),
        update_action(
            "archive",
            _("Archive as former members (instead of deleting)"),
            changes={"membership_status": Organisation.Status.FORMER},
            done=ngettext_lazy(
                "%(count)d organisation archived as a former member: it leaves the directory "
                "and stays in the history.",
                "%(count)d organisations archived as former members: they leave the directory "
                "and stay in the history.",
                "count",
            ),
        ),
        update_action(
            "hide",
            _("Hide from the public directory"),
            changes={"is_public": False},
            done=ngettext_lazy(
                "%(count)d organisation hidden from the directory.",
                "%(count)d organisations hidden from the directory.",
                "count",
            ),
        ),
        update_action(
            "show",
            _("Show in the public directory"),
            changes={"is_public": True},
            done=ngettext_lazy(
                "%(count)d organisation shown in the directory.",
                "%(count)d organisations shown in the directory.",
                "count",
            ),
        ),
    ]
    delete_confirmation_template = "members/admin/organisation_delete_confirmation.html"
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "size_band", "siret", "website", "logo"]}),
        (
            _("Address"),
            {"fields": ["address", "postcode", "city", "country", "department", "region"]},
        ),
        (
            _("Presentation"),
            {"fields": ["pitch", "description", "keywords"]},
        ),
        (_("Markets and know-how"), {"fields": ["markets", "competencies", "certifications"]}),
        (
            _("Membership"),
            {
                "fields": [
                    "membership_status",
                    "member_since",
                    "paid_until",
                    "is_public",
                    "archived_at",
                ]
            },
        ),
        (_("Record"), {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description=_("town"), ordering="city")
    def place(self, organisation):
        if organisation.department:
            return f"{organisation.city} ({organisation.department})"
        return organisation.city

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        if not _is_revert(request):
            # One history entry per edit, holding the final many-to-many values: see
            # save_related() (a revert records its own entries, see history_form_view()).
            obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Reverting to a version: the search text follows the restored competencies."""
        response = super().history_form_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            for organisation in Organisation.objects.filter(pk=object_id):
                organisation.refresh_search_text()
        return response

    def save_related(self, request, form, formsets, change):
        organisation = form.instance
        try:
            super().save_related(request, form, formsets, change)
        finally:
            if hasattr(organisation, "skip_history_when_saving"):
                del organisation.skip_history_when_saving
        organisation._history_user = request.user
        organisation.save()

    # Deleting: an organisation with history (projects, registrations...) is archived
    # instead. Its history is shown as "protected" on the confirmation page, which then
    # offers no way to confirm, and the model refuses the deletion whatever the way.

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for organisation in objs:
            history = organisation.history_kept()
            if history:
                protected.append(
                    _("%(name)s keeps its history (%(history)s): archive it instead.")
                    % {"name": organisation, "history": describe_history(history)}
                )
        return deleted, model_count, perms_needed, protected

    def delete_model(self, request, obj):
        try:
            super().delete_model(request, obj)
        except OrganisationHasHistory as refused:
            raise PermissionDenied(refused.message) from refused

    def delete_queryset(self, request, queryset):
        try:
            with transaction.atomic():
                super().delete_queryset(request, queryset)
        except OrganisationHasHistory as refused:
            raise PermissionDenied(refused.message) from refused

    def get_urls(self):
        return [
            path(
                "recent-changes/",
                self.admin_site.admin_view(self.recent_changes),
                name="members_organisation_recent_changes",
            ),
            *super().get_urls(),
        ]

    def recent_changes(self, request):
        """A feed of the latest profile edits, each with what changed and a link to the
        version, from which staff can revert it."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        page = Paginator(recent_records(), RECENT_CHANGES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        entries = describe_changes(list(page.object_list))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Recent changes of organisation profiles"),
            "opts": self.model._meta,
            "entries": entries,
            "page_obj": page,
        }
        return TemplateResponse(request, "members/admin/recent_changes.html", context)


def _is_revert(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name == "members_organisation_simple_history")


# --- Vocabularies and settings -----------------------------------------------------------


@admin.register(Competency)
class CompetencyAdmin(TranslationAdmin):
    list_display = ["name", "slug", "organisation_count"]
    search_fields = ["name_fr", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_fr"]}
    ordering = ["name"]
    list_select_related = []

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(organisation_total=Count("organisations"))

    @admin.display(description=_("organisations"), ordering="organisation_total")
    def organisation_count(self, competency):
        return competency.organisation_total


@admin.register(Certification)
class CertificationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "organisation_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name"]
    list_select_related = []

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(organisation_total=Count("organisations"))

    @admin.display(description=_("organisations"), ordering="organisation_total")
    def organisation_count(self, certification):
        return certification.organisation_total


@admin.register(MembershipSettings)
class MembershipSettingsAdmin(SingletonAdmin):
    list_display = ["__str__", "grace_days", "updated_at"]
    readonly_fields = ["updated_at"]
    list_select_related = []
