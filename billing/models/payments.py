"""Money received: payments, and how much of each goes to which invoice."""

from decimal import Decimal

from django.db import models
from django.db.models import DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from billing.models.invoices import Invoice, money_field
from core.models import account_field


class PaymentQuerySet(models.QuerySet):
    def with_allocated(self):
        """Annotate ``allocated``: the part of the payment given to invoices."""
        total = (
            Allocation.objects.filter(payment=OuterRef("pk"))
            .order_by()
            .values("payment")
            .annotate(total=Sum("amount"))
            .values("total")
        )
        money = DecimalField(max_digits=10, decimal_places=2)
        return self.annotate(
            allocated=Coalesce(
                Subquery(total[:1], output_field=money), Value(Decimal("0")), output_field=money
            )
        )


class Payment(models.Model):
    """A sum received (transfer, cheque, card at the desk), from a bank statement or typed
    by staff. A bank line is imported once: its transaction id is unique."""

    class Method(models.TextChoices):
        TRANSFER = "transfer", _("Bank transfer")
        CHEQUE = "cheque", _("Cheque")
        CARD = "card", _("Card at the desk")
        OTHER = "other", _("Other")

    received_on = models.DateField(_("received on"))
    amount = money_field(_("amount (€)"))
    method = models.CharField(
        _("method"), max_length=10, choices=Method.choices, default=Method.TRANSFER
    )
    payer_name = models.CharField(_("payer"), max_length=200, blank=True)
    reference = models.CharField(_("reference given by the payer"), max_length=250, blank=True)
    bank_transaction_id = models.CharField(
        _("bank transaction id"), max_length=120, null=True, blank=True, unique=True
    )
    statement = models.CharField(_("bank statement"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=250, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    recorded_by = account_field(_("recorded by"))

    objects = PaymentQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="billing_payment_positive")
        ]

    def __str__(self):
        return f"{self.received_on} · {self.amount} € · {self.payer_name or self.reference}"

    def get_absolute_url(self):
        return reverse("admin:billing_payment_change", args=[self.pk])

    @property
    def unallocated(self) -> Decimal:
        """Needs ``with_allocated``: positive for an overpayment or a line to allocate."""
        return self.amount - self.allocated


class Allocation(models.Model):
    """The part of a payment that settles an invoice."""

    payment = models.ForeignKey(
        Payment, on_delete=models.CASCADE, related_name="allocations", verbose_name=_("payment")
    )
    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="allocations", verbose_name=_("invoice")
    )
    amount = money_field(_("amount (€)"))

    class Meta:
        ordering = ["payment", "invoice"]
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        constraints = [
            models.UniqueConstraint(
                fields=["payment", "invoice"], name="billing_allocation_once_per_invoice"
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="billing_allocation_positive"),
        ]

    def __str__(self):
        return f"{self.amount} € → {self.invoice.number}"

    def get_absolute_url(self):
        return self.payment.get_absolute_url()
