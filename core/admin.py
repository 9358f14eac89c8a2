"""The outbox in the back-office: what left, what waits, what failed and why; long exports;
the audience of the public pages (counted without tracking, core.audience); and the cover
fields every content admin shows the same way."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import audience
from core.admin_lists import (
    register_site_actions,
    status_badge,
    truncated,
)
from core.models import ExportFile, OutgoingEmail, PageViewDay
from core.spreadsheets import csv_response
from core.tasks import deliver_email


def cover_fieldset() -> tuple:
    """The cover of a core.models.WithCover row, as one fieldset of its admin: a new one
    each time, since TranslationAdmin rewrites the fieldsets it is given in place."""
    return (
        _("Cover"),
        {
            "fields": ["cover", "cover_alt", ("cover_focal_x", "cover_focal_y")],
            "description": _(
                "Cards and pages crop the picture around the focal point: put it on the "
                "subject (50 and 50 is the centre)."
            ),
        },
    )


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = (
        truncated("subject", 50),
        truncated("recipients", 35),
        status_badge("status"),
        "attempts",
        "created_at",
        "sent_at",
    )
    list_filter = ("status", "created_at")
    search_fields = ("subject", "recipients", "request_id", "=id")
    ordering = ("-created_at",)
    date_hierarchy = "created_at"
    readonly_fields = (
        "id",
        "subject",
        "recipients",
        "status",
        "attempts",
        "last_error",
        "request_id",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "payload",
    )
    actions = ("retry",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Try again to send the selected failed emails"))
    def retry(self, request, queryset):
        failed = list(queryset.filter(status=OutgoingEmail.Status.FAILED))
        for email in failed:
            email.status = OutgoingEmail.Status.QUEUED
            email.attempts = 0
            email.next_attempt_at = timezone.now()
            email.save(update_fields=["status", "attempts", "next_attempt_at"])
            transaction.on_commit(lambda pk=str(email.pk): deliver_email.enqueue(pk))
        self.message_user(
            request,
            ngettext("%(count)d email queued again.", "%(count)d emails queued again.", len(failed))
            % {"count": len(failed)},
            messages.SUCCESS,
        )


@admin.register(ExportFile)
class ExportFileAdmin(admin.ModelAdmin):
    """Long exports waiting for their owner; deleted when they expire (prune_exports)."""

    list_display = ("name", "owner", "rows", "created_at", "expires_at")
    list_filter = ("created_at",)
    search_fields = ("name", "owner__email")
    ordering = ("-created_at",)
    readonly_fields = ("id", "owner", "name", "file", "rows", "created_at", "expires_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AudiencePeriodForm(forms.Form):
    period = forms.TypedChoiceField(
        label=_("Period"),
        coerce=int,
        initial=30,
        choices=[
            (7, _("Last 7 days")),
            (30, _("Last 30 days")),
            (90, _("Last 90 days")),
            (365, _("Last 12 months")),
        ],
    )


@admin.register(PageViewDay)
class PageViewDayAdmin(admin.ModelAdmin):
    """The daily figures, read-only (written by flush_page_views), and the audience page."""

    list_display = ("day", "content_type", "object_id", "item_link", "views")
    list_filter = ("content_type", "day")
    search_fields = ("=object_id",)
    ordering = ("-day", "-views")
    list_select_related = ("content_type",)
    readonly_fields = ("content_type", "object_id", "day", "views", "updated_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        # The pages named in the list: one query per kind of page, not one per row.
        return super().get_queryset(request).prefetch_related("item")

    @admin.display(description=_("page"))
    def item_link(self, row):
        return row.item or "—"

    def get_urls(self):
        return [
            path(
                "audience/",
                self.admin_site.admin_view(self.audience_view),
                name="core_pageviewday_audience",
            ),
            *super().get_urls(),
        ]

    def audience_view(self, request):
        """The most viewed public pages and the trend over a chosen period, against the
        period before; ``?format=csv`` downloads every page viewed in the period."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = AudiencePeriodForm(request.GET or None)
        days = form.cleaned_data["period"] if form.is_valid() else 30
        if request.GET.get("format") == "csv" and form.is_valid():
            return self._csv(request, days)
        report = audience.report(days)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Audience of the public pages"),
            "opts": self.model._meta,
            "form": form,
            "days": days,
            "report": report,
        }
        return TemplateResponse(request, "core/admin/audience.html", context)

    def _csv(self, request, days):
        report = audience.report(days, limit=None)
        response, writer = csv_response(f"audience-{report['start']}-{report['end']}.csv")
        writer.writerow(
            [
                _("Kind"),
                _("Page"),
                _("Address"),
                _("Views"),
                _("Views in the previous period"),
                _("Change (%)"),
            ]
        )
        for item in report["items"]:
            obj = item["object"]
            writer.writerow(
                [
                    item["kind"],
                    str(obj) if obj else item["object_id"],
                    request.build_absolute_uri(obj.get_absolute_url()) if obj else "",
                    item["current"],
                    item["previous"],
                    "" if item["change"] is None else item["change"],
                ]
            )
        return response


# The export of the selection (CSV, Excel) on every list of the back-office.
register_site_actions(admin.site)
