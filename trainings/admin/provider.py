"""The admin of the training organisation's own details (a single row)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from core.admin_lists import SingletonAdmin
from trainings.models import TrainingProvider


@admin.register(TrainingProvider)
class TrainingProviderAdmin(SingletonAdmin, TranslationAdmin):
    list_display = ("name", "siret", "activity_number", "city", "updated_at")
    list_select_related = ()
    search_fields = ("name", "legal_name")
    ordering = ("pk",)
    readonly_fields = ("updated_at",)
