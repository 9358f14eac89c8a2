from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from content.models import (
    Article,
    ContactRequest,
    ContactSettings,
    HomeBlock,
    KeyFigure,
    Market,
    Page,
    RoadmapObjective,
    SocialLink,
    TeamMember,
)
from core.admin import cover_fieldset
from core.admin_lists import (
    SingletonAdmin,
    short_date,
    status_badge,
    truncated,
)

PUBLICATION_FIELDSET = (
    _("Publication"),
    {"fields": ("status", "published_at", "created_at", "updated_at")},
)
SEO_FIELDSET = (
    _("Search engines"),
    {"fields": ("seo_title", "seo_description"), "classes": ("collapse",)},
)


class PublishableAdmin(TranslationAdmin):
    """Common back-office behaviour of staff-curated, scheduled items."""

    readonly_fields = ("created_at", "updated_at")
    list_filter = ("status",)
    date_hierarchy = "published_at"
    actions = ("publish", "unpublish")

    @admin.display(boolean=True, description=_("online"))
    def is_online(self, obj):
        return obj.is_live

    @admin.action(description=_("Publish the selected items now"))
    def publish(self, request, queryset):
        count = queryset.update(status="published", published_at=timezone.now())
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Return the selected items to draft"))
    def unpublish(self, request, queryset):
        count = queryset.update(status="draft")
        self.message_user(
            request,
            ngettext("%(count)d item set to draft.", "%(count)d items set to draft.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Market)
class MarketAdmin(PublishableAdmin):
    list_display = ("name", "theme", "order", status_badge("status"), "published_at", "is_online")
    list_editable = ("order",)
    search_fields = ("name_fr", "name_en", "tagline_fr", "tagline_en")
    prepopulated_fields = {"slug": ("name_fr",)}
    ordering = ("order",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "theme", "order", "tagline")}),
        (_("Page"), {"fields": ("intro", "challenges", "offer")}),
        cover_fieldset(),
        PUBLICATION_FIELDSET,
        SEO_FIELDSET,
    )


@admin.register(RoadmapObjective)
class RoadmapObjectiveAdmin(PublishableAdmin):
    list_display = (
        "number",
        truncated("title", 60),
        status_badge("status"),
        "published_at",
        "is_online",
    )
    list_display_links = ("number",)
    search_fields = ("title_fr", "title_en", "summary_fr", "summary_en")
    filter_horizontal = ("markets",)
    ordering = ("number",)
    fieldsets = (
        (None, {"fields": ("number", "title", "summary", "body", "markets")}),
        PUBLICATION_FIELDSET,
        SEO_FIELDSET,
    )


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = (
        truncated("title", 45),
        "kind",
        "author",
        status_badge("status"),
        short_date("published_at"),
        "is_online",
    )
    list_filter = ("status", "kind", "markets", "roadmap_objectives")
    list_select_related = ("author",)
    search_fields = ("title_fr", "title_en", "excerpt_fr", "excerpt_en", "body_fr")
    prepopulated_fields = {"slug": ("title_fr",)}
    autocomplete_fields = ("author",)
    filter_horizontal = ("markets", "roadmap_objectives")
    ordering = ("-published_at",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "author", "markets", "roadmap_objectives")}),
        (_("Text"), {"fields": ("excerpt", "body")}),
        cover_fieldset(),
        PUBLICATION_FIELDSET,
        SEO_FIELDSET,
    )

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = (
        truncated("title", 50),
        "role",
        "slug",
        status_badge("status"),
        "published_at",
        "is_online",
    )
    list_filter = ("status", "role")
    search_fields = ("title_fr", "title_en", "body_fr", "body_en")
    prepopulated_fields = {"slug": ("title_fr",)}
    ordering = ("title_fr",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "role", "intro", "body")}),
        cover_fieldset(),
        PUBLICATION_FIELDSET,
        SEO_FIELDSET,
    )


@admin.register(KeyFigure)
class KeyFigureAdmin(TranslationAdmin):
    list_display = (
        "year",
        "value",
        truncated("label", 45),
        "order",
        "is_visible",
        short_date("updated_at"),
    )
    list_editable = ("order", "is_visible")
    list_filter = ("is_visible", "year")
    search_fields = ("value", "label_fr", "label_en")
    readonly_fields = ("updated_at",)
    ordering = ("year", "order")


@admin.register(HomeBlock)
class HomeBlockAdmin(TranslationAdmin):
    list_display = (
        truncated("title", 50),
        truncated("link_url", 40),
        "order",
        "is_visible",
        "updated_at",
    )
    list_editable = ("order", "is_visible")
    list_filter = ("is_visible",)
    search_fields = ("title_fr", "title_en", "body_fr", "body_en")
    readonly_fields = ("updated_at",)
    ordering = ("order",)


@admin.register(ContactSettings)
class ContactSettingsAdmin(SingletonAdmin, TranslationAdmin):
    """The single row of the cluster's contact details: the list leads straight to it."""

    list_display = ("__str__", "city", "phone", "updated_at")
    list_filter = ("city",)
    search_fields = ("city", "street")
    readonly_fields = ("updated_at",)
    ordering = ("pk",)
    fieldsets = (
        (None, {"fields": ("street", "postcode", "city", "phone", "opening_hours", "access")}),
        (
            _("Where the contact form sends each topic (never shown on the site)"),
            {
                "fields": (
                    "membership_email",
                    "projects_email",
                    "training_email",
                    "events_email",
                    "press_email",
                )
            },
        ),
        (None, {"fields": ("updated_at",)}),
    )


@admin.register(ContactRequest)
class ContactRequestAdmin(admin.ModelAdmin):
    """Messages of the contact form, kept for follow-up; nobody edits them."""

    list_display = ("created_at", "topic", "subject", "name", "organisation", "routed_to")
    list_filter = ("topic", "created_at")
    search_fields = ("subject", "name", "email", "organisation", "message")
    ordering = ("-created_at",)
    date_hierarchy = "created_at"
    readonly_fields = (
        "topic",
        "name",
        "email",
        "organisation",
        "subject",
        "message",
        "language",
        "routed_to",
        "created_at",
    )

    def has_add_permission(self, request):
        return False


@admin.register(TeamMember)
class TeamMemberAdmin(TranslationAdmin):
    list_display = ("last_name", "first_name", "role", "topic", "order", "is_visible")
    list_editable = ("order", "is_visible")
    list_filter = ("is_visible", "topic")
    search_fields = ("first_name", "last_name", "role_fr", "role_en")
    readonly_fields = ("updated_at",)
    ordering = ("order", "last_name")


@admin.register(SocialLink)
class SocialLinkAdmin(admin.ModelAdmin):
    list_display = ("network", "url", "order", "is_visible", "updated_at")
    list_editable = ("order", "is_visible")
    list_filter = ("is_visible", "network")
    search_fields = ("url",)
    readonly_fields = ("updated_at",)
    ordering = ("order",)
