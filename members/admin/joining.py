"""The back-office of joining: invitations, join requests and membership applications (with
the review page that accepts or declines an application)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from import_export.admin import ExportMixin

from core.admin_lists import (
    bulk_action,
    status_badge,
    truncated,
)
from members import services
from members.forms import ApplicationDeclineForm
from members.models import Invitation, JoinRequest, MembershipApplication
from members.resources import InvitationResource, MembershipApplicationResource, SniffedCSV


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
        truncated("email", 35),
        truncated("organisation__name", 35),
        "role",
        "state_label",
        "invited_by",
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
    list_display = [
        "user",
        truncated("organisation__name", 40),
        status_badge("status"),
        "created_at",
        "decided_at",
        "decided_by",
    ]
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
                join_request=join_request, approve=approve, by=request.user
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
    actions = [
        bulk_action(
            "accept",
            _("Approve: accept the selected applications (the applicants are told)"),
            handle=lambda request, application: services.application_accept(
                application=application, by=request.user
            ),
            eligible=lambda rows: rows.pending().select_related("organisation"),
            done=ngettext_lazy(
                "%(count)d application accepted: the organisation is an active member.",
                "%(count)d applications accepted: the organisations are active members.",
                "count",
            ),
            lock=False,
        )
    ]
    list_display = [
        truncated("organisation__name", 40),
        "organisation_kind",
        "contact_name",
        status_badge("status"),
        "created_at",
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
                    services.application_accept(application=application, by=request.user)
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
