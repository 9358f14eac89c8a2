from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from modeltranslation.admin import TranslationAdmin

from core.admin import cover_fieldset
from core.admin_lists import (
    reminder_action,
    short_date,
    status_badge,
    truncated,
)
from core.history import HistoryAdmin
from events import emails, services
from events.forms import EventAdminForm
from events.matchmaking import admin as matchmaking_admin  # noqa: F401 (registers it)
from events.models import CalendarFeed, Event, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ("person", "organisation", "status", "waiting_rank", "price", "created_at")
    readonly_fields = ("person", "organisation", "status", "waiting_rank", "price", "created_at")
    ordering = ("status", "waiting_rank", "created_at")
    can_delete = False
    show_change_link = True

    @admin.display(description=_("person"))
    def person(self, registration):
        return registration.person_name

    def has_add_permission(self, request, obj=None):
        # Registrations go through the portal so that capacity and emails are respected.
        return False


@admin.register(Event)
class EventAdmin(HistoryAdmin, TranslationAdmin):
    form = EventAdminForm
    list_display = (
        truncated("title", 34),
        short_date("start"),
        "city",
        status_badge("status"),
        "capacity",
        "confirmed_count",
        "waiting_count",
        "staff_links",
    )
    list_filter = ("status", "kind", "audience", "markets", "roadmap_objectives")
    list_select_related = ("organiser",)
    search_fields = ("title_fr", "title_en", "city", "venue_name", "slug")
    prepopulated_fields = {"slug": ("title_fr",)}
    filter_horizontal = ("markets", "partners", "roadmap_objectives")
    raw_id_fields = ("organiser",)
    date_hierarchy = "start"
    ordering = ("-start",)
    readonly_fields = ("sequence", "created_at", "updated_at")
    inlines = (RegistrationInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "status", "summary", "description")}),
        (_("When"), {"fields": ("start", "end", "timezone")}),
        (
            _("Where"),
            {"fields": ("city", "venue_name", "address", "venue_is_public", "online_url")},
        ),
        (_("Who"), {"fields": ("markets", "organiser", "partners")}),
        (_("Roadmap"), {"fields": ("roadmap_objectives",)}),
        cover_fieldset(),
        (
            _("Registration"),
            {
                "fields": (
                    "registration_enabled",
                    "audience",
                    "capacity",
                    "registration_opens_at",
                    "registration_closes_at",
                    "cancellation_deadline",
                    "price_member",
                    "price_non_member",
                )
            },
        ),
        (_("Record"), {"fields": ("sequence", "created_at", "updated_at")}),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                confirmed=Count(
                    "registrations",
                    filter=Q(registrations__status__in=Registration.REGISTERED_STATUSES),
                ),
                waiting=Count("registrations", filter=Q(registrations__status="waiting")),
            )
        )

    @admin.display(description=_("confirmed"), ordering="confirmed")
    def confirmed_count(self, obj):
        return obj.confirmed

    @admin.display(description=_("waiting"), ordering="waiting")
    def waiting_count(self, obj):
        return obj.waiting

    @admin.display(description=_("attendees"))
    def staff_links(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("events:event-attendees", kwargs={"slug": obj.slug}),
            _("list and check-in"),
        )

    def save_model(self, request, obj, form, change):
        was_cancelled = change and "status" in form.changed_data and obj.is_cancelled
        super().save_model(request, obj, form, change)
        if was_cancelled:
            told = services.event_cancelled_notify(event=obj)
            self.message_user(
                request,
                ngettext(
                    "%(count)d registered person is told of the cancellation by email.",
                    "%(count)d registered people are told of the cancellation by email.",
                    told,
                )
                % {"count": told},
                messages.INFO,
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A raised capacity frees seats: offer them to the waiting list at once.
        offered = services.event_seats_refresh(event=form.instance)
        if offered:
            self.message_user(
                request,
                ngettext(
                    "%(count)d freed seat was offered to the waiting list.",
                    "%(count)d freed seats were offered to the waiting list.",
                    len(offered),
                )
                % {"count": len(offered)},
                messages.INFO,
            )


def _remind(registration) -> None:
    """A reminder now, saying in how many days the event starts."""
    today = timezone.localdate()
    days = max((timezone.localdate(registration.event.start) - today).days, 0)
    emails.send_reminder(registration, days=days)


def _registration_action(description, use_case, done):
    """A bulk action on registrations: ``use_case(registration, by)`` runs for each selected
    one, ``by`` being the staff member. A refusal is reported with the registration it
    concerns and the others go on; ``done``, a plural over ``n``
    (``ngettext_lazy(singular, plural, "n")``), counts those that went through."""

    @admin.action(description=description)
    def action(modeladmin, request, queryset):
        count = 0
        for registration in queryset.select_related("event", "user"):
            try:
                use_case(registration, request.user)
            except services.RegistrationError as error:
                modeladmin.message_user(
                    request, f"{registration}: {error.message}", messages.WARNING
                )
            else:
                count += 1
        if count:
            modeladmin.message_user(request, done % {"n": count}, messages.SUCCESS)

    return action


# Marking someone attended or a no-show reports alike.
MARKED = ngettext_lazy("%(n)d person marked.", "%(n)d people marked.", "n")


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = (
        truncated("person_name", 28, description=_("person"), ordering="user__last_name"),
        truncated("event__title", 28),
        truncated("organisation__name", 24),
        status_badge("status"),
        short_date("created_at"),
    )
    list_filter = ("status", "is_member", "event__kind")
    list_select_related = ("user", "event", "organisation")
    search_fields = ("user__email", "user__last_name", "user__first_name", "event__title_fr")
    raw_id_fields = ("organisation",)
    ordering = ("-created_at",)
    date_hierarchy = "created_at"
    readonly_fields = (
        "status",
        "waiting_rank",
        "offered_at",
        "offer_expires_at",
        "checked_in_at",
        "cancelled_at",
        "reminder_week_sent_at",
        "reminder_day_sent_at",
        "created_at",
        "updated_at",
    )
    fields = ("event", "user", "organisation", "is_member", "price", *readonly_fields)
    actions = (
        "promote",
        "move_to_top",
        "mark_attended",
        "mark_no_show",
        "cancel",
        reminder_action(
            "send_reminder",
            _("Send a reminder of the event to the selected people"),
            send=lambda registration: _remind(registration),
            eligible=lambda rows: rows.filter(
                status=Registration.Status.CONFIRMED, event__start__gt=timezone.now()
            ).select_related("event", "user"),
            done=ngettext_lazy(
                "%(count)d reminder sent (confirmed registrations to upcoming events only).",
                "%(count)d reminders sent (confirmed registrations to upcoming events only).",
                "count",
            ),
        ),
    )

    @admin.display(description=_("person"), ordering="user__last_name")
    def person(self, registration):
        return registration.person_name

    def has_add_permission(self, request):
        # New registrations go through the portal (capacity, waiting list, emails).
        return False

    def get_readonly_fields(self, request, obj=None):
        return (*self.readonly_fields, "event", "user")

    promote = _registration_action(
        _("Give a confirmed seat (waiting list)"),
        lambda r, by: services.registration_promote(registration=r),
        ngettext_lazy("%(n)d person promoted.", "%(n)d people promoted.", "n"),
    )
    move_to_top = _registration_action(
        _("Move to the top of the waiting list"),
        lambda r, by: services.waiting_list_move(registration=r, direction="top"),
        ngettext_lazy("%(n)d person moved.", "%(n)d people moved.", "n"),
    )
    mark_attended = _registration_action(
        _("Mark as attended"),
        lambda r, by: services.registration_mark(registration=r, status="attended"),
        MARKED,
    )
    mark_no_show = _registration_action(
        _("Mark as no-show"),
        lambda r, by: services.registration_mark(registration=r, status="no-show"),
        MARKED,
    )
    cancel = _registration_action(
        _("Cancel (the seat goes to the waiting list)"),
        lambda r, by: services.registration_cancel(registration=r, by=by),
        ngettext_lazy("%(n)d registration cancelled.", "%(n)d registrations cancelled.", "n"),
    )


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ("user", "created_at", "reset_at")
    list_select_related = ("user",)
    search_fields = ("user__email", "user__last_name")
    ordering = ("-created_at",)
    fields = ("user", "created_at", "reset_at")
    readonly_fields = ("user", "created_at", "reset_at")

    def has_add_permission(self, request):
        return False
