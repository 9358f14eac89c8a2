"""The admin of the training organisation's own details (a single row)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from trainings.models import TrainingProvider


@admin.register(TrainingProvider)
class TrainingProviderAdmin(TranslationAdmin):
    list_display = ("name", "siret", "activity_number", "city", "updated_at")
    list_select_related = ()
    search_fields = ("name", "legal_name")
    ordering = ("pk",)
    readonly_fields = ("updated_at",)

    def has_add_permission(self, request):
        return not TrainingProvider.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
