"""Invoices and credit notes: numbered from one gapless sequence, never changed once issued."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import DecimalField, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import PortalError
from core.models import account_field
from core.storage import private_storage
from members.models import Organisation

ZERO = Decimal("0.00")
MONEY = DecimalField(max_digits=10, decimal_places=2)


class InvoiceImmutable(PortalError):
    """An issued invoice or credit note cannot be changed or deleted."""


def money_field(verbose_name, **options):
    return models.DecimalField(verbose_name, max_digits=10, decimal_places=2, **options)


class Counter(models.Model):
    """The last number given in one year's sequence. Its row is locked
    (``select_for_update``) by the transaction that issues a document, so that numbers
    follow each other without gap nor duplicate, whatever the number of processes."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        ordering = ["year"]
        verbose_name = _("number sequence")
        verbose_name_plural = _("number sequences")

    def __str__(self):
        return f"{self.year}: {self.last}"

    def get_absolute_url(self):
        return reverse("admin:billing_counter_changelist")


def _sum(queryset, field):
    total = queryset.order_by().values("invoice").annotate(total=Sum(field)).values("total")
    return Coalesce(Subquery(total[:1], output_field=MONEY), Value(ZERO), output_field=MONEY)


class InvoiceQuerySet(models.QuerySet):
    def delete(self):
        raise InvoiceImmutable(_("Issued invoices and credit notes cannot be deleted."))

    def update(self, **kwargs):
        raise InvoiceImmutable(_("Issued invoices and credit notes cannot be changed."))

    def invoices(self):
        return self.filter(kind=Invoice.Kind.INVOICE)

    def with_balance(self):
        """Annotate ``paid`` (payments allocated), ``credited`` (credit notes issued for
        it) and ``balance`` (what is still due), with subqueries: no row multiplication."""
        from billing.models.payments import Allocation

        credited = (
            Invoice.objects.filter(credited_invoice=OuterRef("pk"))
            .order_by()
            .values("credited_invoice")
            .annotate(total=Sum("total_incl_vat"))
            .values("total")
        )
        return self.annotate(
            paid=_sum(Allocation.objects.filter(invoice=OuterRef("pk")), "amount"),
            credited=Coalesce(
                Subquery(credited[:1], output_field=MONEY), Value(ZERO), output_field=MONEY
            ),
        ).annotate(balance=F("total_incl_vat") - F("paid") - F("credited"))

    def open(self):
        """Invoices with something still due (needs ``with_balance``)."""
        return self.filter(kind=Invoice.Kind.INVOICE, balance__gt=0)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def visible_to(self, user):
        """Documents ``user`` may read: those of the organisations they administer, their
        own personal ones; every one for staff."""
        if not user.is_authenticated:
            return self.none()
        editable = Organisation.objects.editable_by(user).values("pk")
        from accounts.permissions import acts_as_staff

        if acts_as_staff(user):
            return self
        return self.filter(Q(organisation__in=editable) | Q(organisation=None, person=user))


class Invoice(models.Model):
    """An invoice or a credit note, issued: every field is fixed at creation."""

    class Kind(models.TextChoices):
        INVOICE = "invoice", _("Invoice")
        CREDIT_NOTE = "credit", _("Credit note")

    class Purpose(models.TextChoices):
        MEMBERSHIP = "membership", _("Membership fee")
        EVENT = "event", _("Event registration")
        TRAINING = "training", _("Training")
        OTHER = "other", _("Other")

    number = models.CharField(_("number"), max_length=20, unique=True, editable=False)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    purpose = models.CharField(_("purpose"), max_length=12, choices=Purpose.choices)
    credited_invoice = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_notes",
        verbose_name=_("invoice credited"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoices",
        verbose_name=_("organisation"),
    )
    person = account_field(_("person billed"), related_name="invoices")
    membership_year = models.PositiveSmallIntegerField(_("membership year"), null=True, blank=True)
    campaign = models.ForeignKey(
        "billing.Campaign",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoices",
        verbose_name=_("campaign"),
    )
    registration = models.ForeignKey(
        "events.Registration",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invoices",
        verbose_name=_("event registration"),
    )
    enrolment = models.ForeignKey(
        "trainings.Enrolment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invoices",
        verbose_name=_("training request"),
    )
    seller = models.JSONField(_("seller"))
    buyer_name = models.CharField(_("buyer"), max_length=200)
    buyer_address = models.CharField(_("buyer address"), max_length=250, blank=True)
    buyer_postcode = models.CharField(_("buyer postcode"), max_length=12, blank=True)
    buyer_city = models.CharField(_("buyer city"), max_length=120, blank=True)
    buyer_country = models.CharField(_("buyer country"), max_length=2, default="FR")
    buyer_siret = models.CharField(_("buyer SIRET"), max_length=14, blank=True)
    buyer_vat_number = models.CharField(_("buyer VAT number"), max_length=20, blank=True)
    buyer_reference = models.CharField(_("purchase-order reference"), max_length=100, blank=True)
    buyer_emails = models.JSONField(_("sent to"), default=list, blank=True)
    is_professional = models.BooleanField(_("professional buyer"), default=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    issue_date = models.DateField(_("issue date"))
    service_start = models.DateField(_("service from"))
    service_end = models.DateField(_("service until"))
    due_date = models.DateField(_("due date"))
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=5, decimal_places=2)
    vat_exemption = models.CharField(_("VAT exemption mention"), max_length=200, blank=True)
    total_excl_vat = money_field(_("total excl. VAT"))
    total_vat = money_field(_("VAT"))
    total_incl_vat = money_field(_("total incl. VAT"))
    payment_reference = models.CharField(_("payment reference"), max_length=25, unique=True)
    reason = models.CharField(_("reason"), max_length=250, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="invoices/%Y/", storage=private_storage, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = account_field(_("issued by"))

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        ordering = ["-issue_date", "-number"]
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        constraints = [
            models.CheckConstraint(
                condition=Q(total_incl_vat=F("total_excl_vat") + F("total_vat")),
                name="billing_invoice_totals_add_up",
            ),
            models.CheckConstraint(
                condition=Q(total_excl_vat__gte=0) & Q(total_vat__gte=0),
                name="billing_invoice_amounts_positive",
            ),
            models.CheckConstraint(
                condition=Q(kind="invoice", credited_invoice=None)
                | Q(kind="credit", credited_invoice__isnull=False),
                name="billing_credit_note_refers_to_invoice",
            ),
            models.CheckConstraint(
                condition=Q(vat_rate__gt=0) | ~Q(vat_exemption=""),
                name="billing_invoice_vat_or_exemption",
            ),
            models.CheckConstraint(
                condition=Q(service_end__gte=F("service_start")),
                name="billing_invoice_service_period",
            ),
            models.UniqueConstraint(
                fields=["organisation", "membership_year"],
                condition=Q(kind="invoice", purpose="membership", campaign__isnull=False),
                name="billing_one_campaign_invoice_per_year",
            ),
            models.UniqueConstraint(
                fields=["registration"],
                condition=Q(kind="invoice"),
                name="billing_one_invoice_per_registration",
            ),
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=Q(kind="invoice"),
                name="billing_one_invoice_per_enrolment",
            ),
        ]
        indexes = [models.Index(fields=["kind", "due_date"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def save(self, *args, **kwargs):
        """Insert once; afterwards only the PDF may be stored, once."""
        if self.pk is not None and not self._state.adding:
            if kwargs.get("update_fields") != ["pdf"] or not getattr(self, "_pdf_pending", False):
                raise InvoiceImmutable(_("Issued invoices and credit notes cannot be changed."))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("billing:invoice-pdf", kwargs={"pk": self.pk})

    def delete(self, *args, **kwargs):
        raise InvoiceImmutable(_("Issued invoices and credit notes cannot be deleted."))

    @property
    def is_credit_note(self) -> bool:
        return self.kind == self.Kind.CREDIT_NOTE

    @property
    def filename(self) -> str:
        return f"{self.number}.pdf"

    def state(self, today=None) -> str:
        """``paid``, ``partly-paid``, ``overdue``, ``unpaid``, ``credited`` or ``issued``
        (credit notes); needs ``with_balance``."""
        if self.is_credit_note:
            return "issued"
        if self.credited and self.credited >= self.total_incl_vat:
            return "credited"
        if self.balance <= 0:
            return "paid"
        if self.due_date < (today or timezone.localdate()):
            return "overdue"
        return "partly-paid" if self.paid > 0 else "unpaid"

    STATE_LABELS = {
        "paid": _("Paid"),
        "partly-paid": _("Partly paid"),
        "overdue": _("Overdue"),
        "unpaid": _("To pay"),
        "credited": _("Cancelled by a credit note"),
        "issued": _("Issued"),
    }

    def state_label(self) -> str:
        return self.STATE_LABELS[self.state()]

    def days_late(self, today=None) -> int:
        return max(0, ((today or timezone.localdate()) - self.due_date).days)


class InvoiceLine(models.Model):
    """A line of an invoice: quantity, unit price before tax, VAT rate and amount."""

    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="lines", verbose_name=_("invoice")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    description = models.CharField(_("description"), max_length=300)
    quantity = models.DecimalField(_("quantity"), max_digits=8, decimal_places=2, default=1)
    unit_price = money_field(_("unit price excl. VAT"))
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=5, decimal_places=2)
    amount_excl_vat = money_field(_("amount excl. VAT"))

    class Meta:
        ordering = ["invoice", "position"]
        verbose_name = _("invoice line")
        verbose_name_plural = _("invoice lines")
        constraints = [
            models.UniqueConstraint(
                fields=["invoice", "position"], name="billing_line_position_unique"
            )
        ]

    def __str__(self):
        return self.description

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise InvoiceImmutable(_("Issued invoices and credit notes cannot be changed."))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.invoice.get_absolute_url()

    def delete(self, *args, **kwargs):
        raise InvoiceImmutable(_("Issued invoices and credit notes cannot be deleted."))


class Reminder(models.Model):
    """A payment reminder sent for an overdue invoice: each level once only."""

    class Level(models.IntegerChoices):
        FIRST = 15, _("First reminder (due date + 15 days)")
        SECOND = 30, _("Second reminder (due date + 30 days)")

    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="reminders", verbose_name=_("invoice")
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    sent_to = models.JSONField(_("sent to"), default=list)

    class Meta:
        ordering = ["invoice", "level"]
        verbose_name = _("payment reminder")
        verbose_name_plural = _("payment reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["invoice", "level"], name="billing_reminder_once_per_level"
            )
        ]

    def __str__(self):
        return f"{self.invoice} · {self.get_level_display()}"

    def get_absolute_url(self):
        return self.invoice.get_absolute_url()
