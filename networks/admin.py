from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from content.admin import PUBLICATION_FIELDSET, SEO_FIELDSET, PublishableAdmin
from core.admin import cover_fieldset
from core.admin_lists import (
    CountryByNameMixin,
    status_badge,
    truncated,
)
from networks.models import Partner


@admin.register(Partner)
class PartnerAdmin(CountryByNameMixin, PublishableAdmin):
    list_display = (
        truncated("name", 38),
        "kind",
        "country",
        "featured",
        "order",
        status_badge("status"),
        "is_online",
    )
    list_editable = ("featured", "order")
    list_filter = ("status", "kind", "featured", "country")
    search_fields = ("name_fr", "name_en", "summary_fr", "summary_en", "city")
    list_select_related = ()
    prepopulated_fields = {"slug": ("name_fr",)}
    ordering = ("kind", "order", "name_fr")
    date_hierarchy = None
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "featured", "order")}),
        (
            _("Where and since when"),
            {"fields": ("country", "city", "website", "partnership_since")},
        ),
        (_("Presentation"), {"fields": ("logo", "summary", "description")}),
        cover_fieldset(),
        PUBLICATION_FIELDSET,
        SEO_FIELDSET,
    )
