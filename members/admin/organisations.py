from django.apps import apps
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ExportMixin, ImportExportMixin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from content.models import Market
from members import services
from members.forms import ApplicationDeclineForm
from members.models import (
    Certification,
    Competency,
    ConsentRecord,
    ContactMessage,
    Invitation,
    JoinRequest,
    Membership,
    MembershipApplication,
    MembershipSettings,
    Organisation,
    Platform,
)
from members.resources import (
    InvitationResource,
    MembershipApplicationResource,
    MembershipResource,
    OrganisationResource,
    PlatformResource,
    SniffedCSV,
)

RECENT_CHANGES_PER_PAGE = 50


# --- Organisations -----------------------------------------------------------------------


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
class OrganisationAdmin(ImportExportMixin, SimpleHistoryAdmin, TranslationAdmin):
    resource_classes = [OrganisationResource]
    formats = [SniffedCSV]
    list_display = [
        "name",
        "kind",
        "city",
        "department",
        "region",
        "membership_status",
        "paid_until",
        "is_public",
        "listed",
        "updated_at",
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
    readonly_fields = ["department", "created_at", "updated_at"]
    filter_horizontal = ["markets", "competencies", "certifications"]
    inlines = [MembershipInline, PlatformInline]
    actions = ["mark_lapsed", "mark_active", "hide", "show"]
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
            {"fields": ["membership_status", "member_since", "paid_until", "is_public"]},
        ),
        (_("Record"), {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(boolean=True, description=_("in the directory"))
    def listed(self, organisation):
        return organisation.is_listed

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

    def _bulk_update(self, request, queryset, **changes) -> int:
        """Change every selected organisation, each with its own history entry."""
        count = 0
        with transaction.atomic():
            for organisation in queryset.select_for_update():
                for field, value in changes.items():
                    setattr(organisation, field, value)
                organisation._history_user = request.user
                organisation.save(update_fields=[*changes, "updated_at"])
                count += 1
        return count

    @admin.action(description=_("Mark as lapsed (unpaid)"))
    def mark_lapsed(self, request, queryset):
        count = self._bulk_update(request, queryset, membership_status=Organisation.Status.LAPSED)
        self.message_user(
            request,
            ngettext(
                "%(count)d organisation marked as lapsed.",
                "%(count)d organisations marked as lapsed.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark as active members"))
    def mark_active(self, request, queryset):
        count = self._bulk_update(request, queryset, membership_status=Organisation.Status.ACTIVE)
        self.message_user(
            request,
            ngettext(
                "%(count)d organisation marked as active.",
                "%(count)d organisations marked as active.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Hide from the public directory"))
    def hide(self, request, queryset):
        count = self._bulk_update(request, queryset, is_public=False)
        self.message_user(
            request,
            ngettext(
                "%(count)d organisation hidden from the directory.",
                "%(count)d organisations hidden from the directory.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Show in the public directory"))
    def show(self, request, queryset):
        count = self._bulk_update(request, queryset, is_public=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d organisation shown in the directory.",
                "%(count)d organisations shown in the directory.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

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
        page = Paginator(_recent_records(), RECENT_CHANGES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        entries = _describe_changes(list(page.object_list))
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


def _recent_records():
    history = Organisation.history.model
    previous = (
        history.objects.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    return (
        history.objects.select_related("history_user")
        .annotate(previous_id=Subquery(previous))
        .order_by("-history_date", "-history_id")
    )


M2M_FIELDS = {
    "markets": ("market_id", Market),
    "competencies": ("competency_id", Competency),
    "certifications": ("certification_id", Certification),
}


def _describe_changes(records) -> list[dict]:
    """What changed in each historical record against the one before (fixed query count)."""
    history = Organisation.history.model
    previous = history.objects.in_bulk([r.previous_id for r in records if r.previous_id])
    involved = [r.history_id for r in records] + list(previous)
    m2m_values = {}
    for name, (column, model) in M2M_FIELDS.items():
        rows = apps.get_model("members", f"HistoricalOrganisation_{name}").objects.filter(
            history_id__in=involved
        )
        labels = {obj.pk: str(obj) for obj in model.objects.all()}
        for history_id, value in rows.values_list("history_id", column):
            m2m_values.setdefault((name, history_id), set()).add(labels.get(value, value))
    entries = []
    for record in records:
        before = previous.get(record.previous_id)
        changes = []
        if before is not None:
            delta = record.diff_against(before, excluded_fields=list(M2M_FIELDS))
            for change in delta.changes:
                field = Organisation._meta.get_field(change.field)
                changes.append(
                    {
                        "name": field.name,
                        "field": field.verbose_name,
                        "old": _short(change.old),
                        "new": _short(change.new),
                    }
                )
            for name in M2M_FIELDS:
                old = m2m_values.get((name, before.history_id), set())
                new = m2m_values.get((name, record.history_id), set())
                if old != new:
                    changes.append(
                        {
                            "name": name,
                            "field": Organisation._meta.get_field(name).verbose_name,
                            "old": ", ".join(sorted(old)) or "—",
                            "new": ", ".join(sorted(new)) or "—",
                        }
                    )
        entries.append({"record": record, "changes": changes, "is_first": before is None})
    return entries


def _short(value, length=120) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= length else text[: length - 1] + "…"


# --- People and vocabularies -------------------------------------------------------------


@admin.register(Membership)
class MembershipAdmin(ExportMixin, SimpleHistoryAdmin):
    resource_classes = [MembershipResource]
    formats = [SniffedCSV]
    list_display = ["user", "organisation", "role", "job_title", "visibility", "created_at"]
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
class MembershipSettingsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "grace_days", "updated_at"]
    readonly_fields = ["updated_at"]
    list_select_related = []

    def has_add_permission(self, request):
        return not MembershipSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Platform)
class PlatformAdmin(ExportMixin, SimpleHistoryAdmin, TranslationAdmin):
    resource_classes = [PlatformResource]
    formats = [SniffedCSV]
    list_display = ["name", "organisation", "kind", "access", "updated_at"]
    list_filter = ["kind", "access", "markets", "organisation__region"]
    search_fields = ["name", "summary_fr", "summary_en", "equipment", "organisation__name"]
    list_select_related = ["organisation"]
    raw_id_fields = ["organisation", "contact"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["markets"]
    ordering = ["name"]
    readonly_fields = ["created_at", "updated_at"]


# --- Joining -----------------------------------------------------------------------------


class InvitationStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Invitation.State.choices

    def queryset(self, request, queryset):
        now = timezone.now()
        value = self.value()
        if value == Invitation.State.PENDING:
            return queryset.pending()
        if value == Invitation.State.ACCEPTED:
            return queryset.filter(accepted_at__isnull=False)
        if value == Invitation.State.REVOKED:
            return queryset.filter(revoked_at__isnull=False, accepted_at__isnull=True)
        if value == Invitation.State.EXPIRED:
            return queryset.filter(
                accepted_at__isnull=True, revoked_at__isnull=True, expires_at__lte=now
            )
        return queryset


@admin.register(Invitation)
class InvitationAdmin(ExportMixin, admin.ModelAdmin):
    resource_classes = [InvitationResource]
    formats = [SniffedCSV]
    list_display = [
        "email",
        "organisation",
        "role",
        "state_label",
        "invited_by",
        "created_at",
        "expires_at",
    ]
    list_filter = [InvitationStateFilter, "role"]
    search_fields = ["email", "organisation__name"]
    list_select_related = ["organisation", "invited_by"]
    ordering = ["-created_at"]
    readonly_fields = [
        "organisation",
        "email",
        "role",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
    ]
    exclude = ["token_hash"]
    actions = ["withdraw"]

    @admin.display(description=_("state"))
    def state_label(self, invitation):
        return invitation.get_state_display()

    def has_add_permission(self, request):
        # Invitations carry a secret link sent by email: they start from the People page.
        return False

    @admin.action(description=_("Withdraw the selected invitations"))
    def withdraw(self, request, queryset):
        count = queryset.pending().update(revoked_at=timezone.now())
        self.message_user(
            request,
            ngettext("%(count)d invitation withdrawn.", "%(count)d invitations withdrawn.", count)
            % {"count": count},
        )


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "status", "created_at", "decided_at", "decided_by"]
    list_filter = ["status", "organisation__region"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    list_select_related = ["user", "organisation", "decided_by"]
    ordering = ["-created_at"]
    readonly_fields = [
        "user",
        "organisation",
        "message",
        "created_at",
        "decided_at",
        "decided_by",
    ]
    actions = ["approve", "decline"]

    def has_add_permission(self, request):
        return False

    def _decide(self, request, queryset, approve):
        done = 0
        for join_request in queryset.pending():
            services.join_request_decide(
                join_request=join_request, approve=approve, by=request.user, request=request
            )
            done += 1
        self.message_user(
            request,
            ngettext("%(count)d request answered.", "%(count)d requests answered.", done)
            % {"count": done},
        )

    @admin.action(description=_("Approve the selected requests"))
    def approve(self, request, queryset):
        self._decide(request, queryset, True)

    @admin.action(description=_("Decline the selected requests"))
    def decline(self, request, queryset):
        self._decide(request, queryset, False)


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(ExportMixin, admin.ModelAdmin):
    resource_classes = [MembershipApplicationResource]
    formats = [SniffedCSV]
    list_display = [
        "organisation",
        "organisation_kind",
        "contact_name",
        "status",
        "created_at",
        "decided_at",
        "review_link",
    ]
    list_filter = ["status", "organisation__kind", "organisation__region", "organisation__markets"]
    search_fields = [
        "organisation__name",
        "contact_last_name",
        "contact_email",
        "organisation__city",
    ]
    list_select_related = ["organisation"]
    ordering = ["-created_at"]
    readonly_fields = [
        "organisation",
        "user",
        "status",
        "decline_reason",
        "created_at",
        "decided_at",
        "decided_by",
    ]
    change_form_template = "members/admin/application_change_form.html"

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("kind"), ordering="organisation__kind")
    def organisation_kind(self, application):
        return application.organisation.get_kind_display()

    @admin.display(description=_("review"))
    def review_link(self, application):
        if application.status != MembershipApplication.Status.PENDING:
            return "—"
        url = reverse("admin:members_membershipapplication_review", args=[application.pk])
        return format_html('<a href="{}">{}</a>', url, _("Accept or decline"))

    def get_urls(self):
        return [
            path(
                "<int:pk>/review/",
                self.admin_site.admin_view(self.review),
                name="members_membershipapplication_review",
            ),
            *super().get_urls(),
        ]

    def review(self, request, pk):
        """Accept the application, or decline it with a reason sent to the applicant."""
        application = get_object_or_404(
            MembershipApplication.objects.select_related("organisation"), pk=pk
        )
        if not self.has_change_permission(request, application):
            raise PermissionDenied
        form = ApplicationDeclineForm(request.POST or None)
        if request.method == "POST":
            try:
                if "accept" in request.POST:
                    services.application_accept(
                        application=application, by=request.user, request=request
                    )
                    self.message_user(
                        request,
                        _("%(name)s is now an active member; the applicant was told.")
                        % {"name": application.organisation},
                        messages.SUCCESS,
                    )
                    return redirect("admin:members_membershipapplication_changelist")
                if form.is_valid():
                    services.application_decline(
                        application=application,
                        reason=form.cleaned_data["reason"],
                        by=request.user,
                        request=request,
                    )
                    self.message_user(
                        request,
                        _("The application is declined; the applicant was told why."),
                        messages.SUCCESS,
                    )
                    return redirect("admin:members_membershipapplication_changelist")
            except services.MembersError as error:
                self.message_user(request, error.message, messages.ERROR)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Review the application of %(name)s") % {"name": application.organisation},
            "opts": self.model._meta,
            "application": application,
            "form": form,
        }
        return TemplateResponse(request, "members/admin/application_review.html", context)


# --- Logs --------------------------------------------------------------------------------


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ContactMessage)
class ContactMessageAdmin(ReadOnlyAdmin):
    list_display = [
        "created_at",
        "kind",
        "sender",
        "sender_email",
        "recipient",
        "organisation",
        "platform",
        "subject",
        "delivered_to",
    ]
    list_filter = ["kind"]
    date_hierarchy = "created_at"
    search_fields = ["subject", "body", "sender__email", "recipient__email", "organisation__name"]
    list_select_related = ["sender", "recipient", "organisation", "platform"]
    ordering = ["-created_at"]

    @admin.display(description=_("sender's address"), ordering="sender__email")
    def sender_email(self, message):
        # Staff follow up abuse: the address is shown here, never on the site.
        return message.sender.email


@admin.register(ConsentRecord)
class ConsentRecordAdmin(ReadOnlyAdmin):
    list_display = ["recorded_at", "user", "organisation", "visibility", "source"]
    list_filter = ["visibility", "source"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    list_select_related = ["user", "organisation"]
    ordering = ["-recorded_at"]
    date_hierarchy = "recorded_at"
