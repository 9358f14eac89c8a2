"""The back-office of billing: fee scales and seller details are edited; issued documents
are read-only (a correction is a credit note, from the action)."""

from django.contrib import admin, messages
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from billing import invoicing
from billing.models import (
    Allocation,
    BillingProfile,
    Campaign,
    Counter,
    Fee,
    FeeScale,
    Invoice,
    InvoiceLine,
    Payment,
    Reminder,
    Seller,
)
from core import typography
from core.admin_lists import (
    CountryByNameMixin,
    SingletonAdmin,
    status_badge,
    truncated,
)


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Seller)
class SellerAdmin(CountryByNameMixin, SingletonAdmin):
    list_display = ["name", "siret", "vat_number", "iban", "updated_at"]
    readonly_fields = ["updated_at"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in self.country_fields:
            field.label = capfirst(_("country"))  # typed by its name, stored as its code
        return field


class FeeInline(admin.TabularInline):
    model = Fee
    extra = 1


@admin.register(FeeScale)
class FeeScaleAdmin(admin.ModelAdmin):
    list_display = ["year", "vat_rate", "due_days", "proration", "is_published"]
    list_filter = ["is_published", "proration"]
    search_fields = ["year"]
    ordering = ["-year"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [FeeInline]
    actions = ["open_campaign"]

    @admin.action(description=_("Open the renewal campaign of the selected year"))
    def open_campaign(self, request, queryset):
        for scale in queryset:
            try:
                invoicing.campaign_open(scale=scale, by=request.user)
            except invoicing.BillingError as error:
                self.message_user(request, f"{scale}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("Campaign %(year)s opened.") % {"year": scale.year})


@admin.register(Campaign)
class CampaignAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["__str__", status_badge("state"), "issue_date", "opened_at", "opened_by"]
    list_filter = ["state"]
    list_select_related = ["scale", "opened_by"]
    search_fields = ["scale__year"]
    readonly_fields = ["scale", "state", "issue_date", "opened_at", "opened_by", "skipped"]


class InvoiceLineInline(admin.TabularInline):
    model = InvoiceLine
    can_delete = False
    extra = 0
    fields = ["position", "description", "quantity", "unit_price", "vat_rate", "amount_excl_vat"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class ReminderInline(admin.TabularInline):
    model = Reminder
    extra = 0
    can_delete = False
    readonly_fields = ["level", "sent_at", "sent_to"]

    def has_add_permission(self, request, obj=None):
        return False


class AllocationOfInvoiceInline(admin.TabularInline):
    model = Allocation
    extra = 0
    can_delete = False
    readonly_fields = ["payment", "amount"]

    def has_add_permission(self, request, obj=None):
        return False


class PaymentStateFilter(admin.SimpleListFilter):
    """Invoices with something still due, or settled (paid or credited in full)."""

    title = _("payment")
    parameter_name = "payment"

    def lookups(self, request, model_admin):
        return [("outstanding", _("Unpaid: something is still due")), ("settled", _("Settled"))]

    def queryset(self, request, queryset):
        # ``balance`` comes from InvoiceAdmin.get_queryset (``with_balance``).
        if self.value() == "outstanding":
            return queryset.filter(kind=Invoice.Kind.INVOICE, balance__gt=0)
        if self.value() == "settled":
            return queryset.filter(kind=Invoice.Kind.INVOICE, balance__lte=0)
        return queryset


class RenewalCampaignFilter(admin.SimpleListFilter):
    """The invoices issued by the renewal campaign of a year."""

    title = _("renewal campaign")
    parameter_name = "campaign_year"

    def lookups(self, request, model_admin):
        years = Campaign.objects.order_by("-scale__year").values_list("scale__year", flat=True)
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(campaign__scale__year=int(value))
        return queryset


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    list_display = [
        "number",
        "kind",
        "purpose",
        truncated("buyer_name", 35),
        "issue_date",
        "due_date",
        "total_incl_vat",
        "still_due",
    ]
    list_filter = [
        PaymentStateFilter,
        RenewalCampaignFilter,
        "kind",
        "purpose",
        "membership_year",
        "issue_date",
    ]
    search_fields = ["number", "buyer_name", "buyer_siret", "payment_reference"]
    list_select_related = ["organisation"]
    ordering = ["-issue_date", "-number"]
    date_hierarchy = "issue_date"
    inlines = [InvoiceLineInline, AllocationOfInvoiceInline, ReminderInline]
    actions = ["credit"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_balance()

    @admin.display(description=_("still due"), ordering="balance")
    def still_due(self, invoice):
        """What the invoice still owes, with the link to record its payment."""
        if invoice.is_credit_note or invoice.balance is None or invoice.balance <= 0:
            return "—"
        return format_html(
            '{} <a href="{}?invoice={}">{}<span class="visually-hidden"> {}</span></a>',
            typography.money(invoice.balance, 2),
            reverse("billing:payment-create"),
            invoice.number,
            _("Record a payment"),
            invoice.number,
        )

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Invoice._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # viewing only: an issued document never changes

    @admin.action(description=_("Cancel with a credit note"))
    def credit(self, request, queryset):
        for invoice in queryset.invoices():
            try:
                note = invoicing.credit_note_issue(
                    invoice=invoice, reason=str(_("Correction by the cluster")), by=request.user
                )
            except invoicing.BillingError as error:
                self.message_user(request, f"{invoice.number}: {error.message}", messages.ERROR)
            else:
                self.message_user(
                    request, _("Credit note %(number)s issued.") % {"number": note.number}
                )


class AllocationInline(admin.TabularInline):
    model = Allocation
    extra = 1
    autocomplete_fields = ["invoice"]


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = [
        "received_on",
        "amount",
        "method",
        truncated("payer_name", 30),
        truncated("reference", 30),
    ]
    list_filter = ["method", "received_on"]
    search_fields = [
        "payer_name",
        "reference",
        "bank_transaction_id",
        "allocations__invoice__number",
    ]
    ordering = ["-received_on", "-pk"]
    date_hierarchy = "received_on"
    readonly_fields = ["bank_transaction_id", "statement", "created_at", "recorded_by"]
    inlines = [AllocationInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            invoicing.invoices_settle(
                invoice_ids=list(form.instance.allocations.values_list("invoice", flat=True))
            )


@admin.register(BillingProfile)
class BillingProfileAdmin(admin.ModelAdmin):
    list_display = [
        truncated("organisation__name", 40),
        "email",
        "purchase_order",
        "vat_number",
        "updated_at",
    ]
    search_fields = ["organisation__name", "email", "vat_number"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["invoice", "level", "sent_at"]
    list_filter = ["level", "sent_at"]
    search_fields = ["invoice__number", "invoice__buyer_name"]
    list_select_related = ["invoice"]


@admin.register(Counter)
class CounterAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["year", "last"]
