"""The back-office of platforms and resource centres."""

from django.contrib import admin
from import_export.admin import ExportMixin
from modeltranslation.admin import TranslationAdmin

from core.admin_lists import (
    short_date,
    truncated,
)
from core.history import HistoryAdmin
from members.models import Platform
from members.resources import PlatformResource, SniffedCSV


@admin.register(Platform)
class PlatformAdmin(ExportMixin, HistoryAdmin, TranslationAdmin):
    resource_classes = [PlatformResource]
    formats = [SniffedCSV]
    list_display = [
        truncated("name", 36),
        truncated("organisation__name", 32),
        "kind",
        "access",
        short_date("updated_at"),
    ]
    list_filter = ["kind", "access", "markets", "roadmap_objectives", "organisation__region"]
    search_fields = ["name", "summary_fr", "summary_en", "equipment", "organisation__name"]
    list_select_related = ["organisation"]
    raw_id_fields = ["organisation", "contact"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["markets", "roadmap_objectives"]
    ordering = ["name"]
    readonly_fields = ["created_at", "updated_at"]
