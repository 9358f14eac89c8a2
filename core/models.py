"""Model pieces shared by the apps: timestamps, a decision with who and when, the field of a
price, the link to the account of the person behind a row, and text in the reader's
language."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def account_field(verbose_name, related_name="+", **options) -> models.ForeignKey:
    """The optional link to the account of the person who wrote, asked or did something.
    The row is a record worth keeping: when the account is deleted the link empties and the
    row stays. ``related_name="+"`` when the account needs no way back to these rows;
    ``options`` are those of any field (``help_text``...)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
        **options,
    )


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
    decided_by = account_field(_("decided by"))

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


def localized(field: str) -> property:
    """A read-only property giving the English version of ``field`` (``<field>_en``) when the
    page is in English and the author wrote one, the French text otherwise: the English
    version is optional, the French one is always there."""

    def read(instance) -> str:
        english = getattr(instance, f"{field}_en")
        return english if get_language() == "en" and english else getattr(instance, field)

    read.__doc__ = f"``{field}`` in the reader's language (French when no English is given)."
    return property(read)
