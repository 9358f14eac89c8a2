"""The back-office of the newsletter: composing an issue from blocks, suggestions of what
was published since the last issue, previews in both languages, a test send to oneself,
then scheduling or sending it with the number of recipients shown first."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from core.admin_lists import (
    short_date,
    status_badge,
    truncated,
)
from core.views import refusal_as_message
from newsletter import composing, rendering, sending
from newsletter.models import (
    AlertSettings,
    Consent,
    Delivery,
    Follow,
    Issue,
    IssueBlock,
    SentAlertItem,
    Subscriber,
)


class IssueBlockInline(TranslationStackedInline):
    model = IssueBlock
    extra = 1
    fields = (("order", "kind", "members_only", "object_id"), "title", "body", "link")
    # New blocks are editorial texts; items of the portal come from the suggestions.
    readonly_fields = ("kind", "object_id")
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 4})}}
    ordering = ("order", "pk")

    def has_change_permission(self, request, obj=None):
        return obj is None or obj.is_editable

    def has_add_permission(self, request, obj=None):
        return obj is None or obj.is_editable

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.is_editable


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=_("Send at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Leave empty to send now."),
    )

    def clean_when(self):
        when = self.cleaned_data["when"]
        if when and when < timezone.now():
            raise forms.ValidationError(_("Choose a moment in the future, or leave it empty."))
        return when


@admin.register(Issue)
class IssueAdmin(TranslationAdmin):
    change_form_template = "newsletter/admin/issue_change_form.html"
    list_display = (
        truncated("subject", 36),
        status_badge("status"),
        "audience",
        short_date("scheduled_at"),
        short_date("sent_at"),
        "recipient_count",
    )
    list_filter = ("status", "audience", "is_public")
    search_fields = ("subject_fr", "subject_en")
    ordering = ("-created_at",)
    readonly_fields = (
        "status",
        "scheduled_at",
        "sent_at",
        "recipient_count",
        "created_by",
        "created_at",
        "updated_at",
    )
    filter_horizontal = ("markets",)
    inlines = (IssueBlockInline,)
    fieldsets = (
        (None, {"fields": ("subject", "preheader", "is_public")}),
        (_("Audience"), {"fields": ("audience", "markets", "region")}),
        (
            _("Record"),
            {
                "fields": (
                    "status",
                    "scheduled_at",
                    "sent_at",
                    "recipient_count",
                    "created_by",
                    "created_at",
                    "updated_at",
                )
            },
        ),
    )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not obj.is_editable:
            fields += [
                "subject_fr",
                "subject_en",
                "preheader_fr",
                "preheader_en",
                "audience",
                "markets",
                "region",
            ]
        return fields

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/suggest/", view(self.suggest_view), name="newsletter_issue_suggest"),
            path(
                "<int:pk>/preview/<str:language>/<str:audience>/",
                view(self.preview_view),
                name="newsletter_issue_preview",
            ),
            path("<int:pk>/test/", view(self.test_view), name="newsletter_issue_test"),
            path("<int:pk>/send/", view(self.send_view), name="newsletter_issue_send"),
            *super().get_urls(),
        ]

    def _issue(self, request, pk, *, change=True) -> Issue:
        issue = self.get_object(request, str(pk))
        if issue is None:
            raise Http404
        allowed = (
            self.has_change_permission(request, issue)
            if change
            else (self.has_view_permission(request, issue))
        )
        if not allowed:
            raise PermissionDenied
        return issue

    def _page(self, request, issue, template, title, **context):
        return TemplateResponse(
            request,
            f"newsletter/admin/{template}.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": issue,
                "title": title,
                **context,
            },
        )

    def suggest_view(self, request, pk):
        """What was published since the last issue, to add as blocks with one click."""
        issue = self._issue(request, pk)
        if request.method == "POST" and issue.is_editable:
            count = composing.blocks_add(issue=issue, keys=request.POST.getlist("item"))
            messages.success(request, _("%(count)s block(s) added.") % {"count": count})
            return redirect("admin:newsletter_issue_change", issue.pk)
        return self._page(
            request,
            issue,
            "issue_suggest",
            _("Suggested items"),
            suggestions=composing.suggestions(issue),
            since=composing.since_last_issue(issue),
        )

    def preview_view(self, request, pk, language, audience):
        """The email as it will be received, in the browser."""
        issue = self._issue(request, pk, change=False)
        if language not in {"fr", "en"} or audience not in {"members", "public"}:
            raise Http404
        built = rendering.build_issue(issue, language=language, members=audience == "members")
        url = reverse("admin:newsletter_issue_change", args=[issue.pk])
        response = HttpResponse(built.personalise(unsubscribe=url, preferences=url).html)
        # The email's styles are inline, as mail programs need them: this page alone lets
        # inline styles through, and still runs no script at all.
        response._csp_config = {
            "default-src": [CSP.NONE],
            "style-src": [CSP.UNSAFE_INLINE],
            "img-src": [CSP.SELF, "data:"],
            "base-uri": [CSP.NONE],
            "form-action": [CSP.NONE],
        }
        return response

    def test_view(self, request, pk):
        issue = self._issue(request, pk)
        if request.method != "POST":
            raise PermissionDenied
        sending.issue_test_send(issue=issue, user=request.user)
        messages.success(
            request,
            _("A test of both versions was sent to %(email)s.") % {"email": request.user.email},
        )
        return redirect("admin:newsletter_issue_change", issue.pk)

    def send_view(self, request, pk):
        """Shows the number of recipients, then schedules the issue or sends it now."""
        issue = self._issue(request, pk)
        form = ScheduleForm(request.POST or None)
        if request.method == "POST" and "unschedule" in request.POST:
            with refusal_as_message(request):
                sending.issue_unschedule(issue=issue)
                messages.success(request, _("The issue is a draft again."))
            return redirect("admin:newsletter_issue_change", issue.pk)
        if request.method == "POST" and issue.is_editable and form.is_valid():
            with refusal_as_message(request):
                issue = sending.issue_schedule(issue=issue, when=form.cleaned_data["when"])
                messages.success(
                    request,
                    _("The issue is scheduled.")
                    if form.cleaned_data["when"]
                    else _("The issue is being sent."),
                )
                return redirect("admin:newsletter_issue_change", issue.pk)
        recipients = issue.recipients()
        counts = issue.deliveries.aggregate(
            **{status: Count("pk", filter=Q(status=status)) for status in Delivery.Status.values}
        )
        return self._page(
            request,
            issue,
            "issue_send",
            _("Send the issue"),
            form=form,
            recipient_count=recipients.count(),
            member_count=recipients.members().count(),
            **counts,
        )


@admin.register(IssueBlock)
class IssueBlockAdmin(TranslationAdmin):
    list_display = (
        truncated("title", 40),
        truncated("issue__subject", 35),
        "kind",
        "order",
        "members_only",
    )
    list_filter = ("kind", "members_only")
    list_select_related = ("issue",)
    search_fields = ("title_fr", "title_en", "issue__subject_fr")
    ordering = ("issue", "order")
    raw_id_fields = ("issue",)


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    can_delete = False
    fields = ("at", "action", "source", "ip_hash")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = (
        truncated("email", 26),
        status_badge("status"),
        "language",
        "region",
        short_date("created_at"),
        short_date("confirmed_at"),
    )
    list_filter = ("status", "language", "region", "markets")
    list_select_related = ("user",)
    search_fields = ("email",)
    ordering = ("-created_at",)
    raw_id_fields = ("user",)
    filter_horizontal = ("markets",)
    readonly_fields = ("status", "created_at", "confirmed_at", "unsubscribed_at")
    inlines = (ConsentInline,)


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ("subscriber", "action", "source", "at")
    list_filter = ("action", "source")
    list_select_related = ("subscriber",)
    search_fields = ("subscriber__email",)
    ordering = ("-at",)
    readonly_fields = ("subscriber", "action", "source", "at", "ip_hash")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = (
        truncated("issue__subject", 35),
        truncated("subscriber__email", 35),
        status_badge("status"),
        "sent_at",
        truncated("error", 40),
    )
    list_filter = ("status", "issue")
    list_select_related = ("issue", "subscriber")
    search_fields = ("subscriber__email",)
    ordering = ("-created_at",)
    readonly_fields = ("issue", "subscriber", "status", "created_at", "sent_at", "error")

    def has_add_permission(self, request):
        return False


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "followed", "created_at")
    list_filter = ("kind",)
    list_select_related = ("user", "market", "competency", "organisation", "programme")
    search_fields = ("user__email",)
    ordering = ("-created_at",)
    raw_id_fields = ("user", "organisation")
    readonly_fields = ("created_at",)

    @admin.display(description=_("followed"))
    def followed(self, follow):
        return follow.market or follow.competency or follow.organisation or follow.programme


@admin.register(AlertSettings)
class AlertSettingsAdmin(admin.ModelAdmin):
    list_display = ("user", "frequency", "last_digest_at")
    list_filter = ("frequency",)
    list_select_related = ("user",)
    search_fields = ("user__email",)
    ordering = ("user__email",)
    raw_id_fields = ("user",)
    readonly_fields = ("last_digest_at", "updated_at")


@admin.register(SentAlertItem)
class SentAlertItemAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "object_id", "sent_at")
    list_filter = ("kind",)
    list_select_related = ("user",)
    search_fields = ("user__email",)
    ordering = ("-sent_at",)
    readonly_fields = ("user", "kind", "object_id", "sent_at")

    def has_add_permission(self, request):
        return False
