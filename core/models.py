"""Model pieces shared by the apps: timestamps, a decision with who and when, and the field
of a price."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Timestamped(models.Model):
    """When the row was created and last changed."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Decided(models.Model):
    """A request someone from the cluster or an organisation answers: who and when.

    ``decide(by=user)`` stamps the decision; the caller sets the outcome and saves with
    ``update_fields`` including :attr:`DECISION_FIELDS`."""

    DECISION_FIELDS = ["decided_at", "decided_by"]

    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        abstract = True

    def decide(self, *, by) -> None:
        self.decided_at = timezone.now()
        self.decided_by = by if by is not None and by.is_authenticated else None


def price_field(verbose_name, **options) -> models.DecimalField:
    """The field of a price someone types: euros to the cent, up to 999,999.99, never
    negative. ``options`` are those of any field (``default``, ``null``, ``help_text``...).

    The validator only guards forms: a model whose database must refuse a negative price
    too adds its own check constraint."""
    return models.DecimalField(
        verbose_name,
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        **options,
    )
