"""The children shown on a parent's admin page: a training's sessions, a session's requests."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from trainings.models import Enrolment, Session


class ListInline(admin.TabularInline):
    """Children at a glance, read-only: each one is added and edited on its own page, where
    its rules (seats, emails to the requester) apply."""

    extra = 0
    can_delete = False
    show_change_link = True

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False


class SessionInline(ListInline):
    model = Session
    fields = ("start_date", "end_date", "place", "seats", "status")
    ordering = ("-start_date",)

    @admin.display(description=_("place"))
    def place(self, obj):
        return obj.place_label


class EnrolmentInline(ListInline):
    model = Enrolment
    fields = ("participant_name", "company_name", "status", "price_category", "created_at")
    ordering = ("status", "participant_last_name")
