"""The outbox in the back-office: what left, what waits, what failed and why; and the
cover fields every content admin shows the same way."""

from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.models import ExportFile, OutgoingEmail
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
    list_display = ("subject", "recipients", "status", "attempts", "created_at", "sent_at")
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
