"""What the cluster charges and to whom: the seller's details, the yearly fee scales, the
renewal campaigns and the billing details of member organisations."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import Timestamped, account_field, price_field
from members.models import Organisation

CENT = Decimal("0.01")


def vat_rate_field(verbose_name, **options):
    return models.DecimalField(
        verbose_name,
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        **options,
    )


class Seller(models.Model):
    """The cluster as it appears on its invoices (a single row staff edit)."""

    name = models.CharField(_("name"), max_length=200, default="Pôle Véhicule du Futur")
    address = models.CharField(_("address"), max_length=250, default="40 rue Exemple, Technoland")
    postcode = models.CharField(_("postcode"), max_length=12, default="25460")
    city = models.CharField(_("city"), max_length=120, default="Étupes")
    country = models.CharField(_("country code"), max_length=2, default="FR")
    siren = models.CharField(
        _("SIREN"),
        max_length=9,
        default="000000000",
        validators=[RegexValidator(r"^[0-9]{9}$", _("Nine digits."))],
    )
    siret = models.CharField(
        _("SIRET"),
        max_length=14,
        default="00000000000000",
        validators=[RegexValidator(r"^[0-9]{14}$", _("Fourteen digits."))],
    )
    vat_number = models.CharField(_("VAT number"), max_length=20, default="FR00000000000")
    email = models.EmailField(_("billing email"), default="billing@vehicle-of-the-future.example")
    iban = models.CharField(_("IBAN"), max_length=34, default="FR7630001007941234567890185")
    bic = models.CharField(_("BIC"), max_length=11, default="BDFEFRPPXXX")
    penalty_rate = models.CharField(
        _("late-payment penalty rate"),
        max_length=200,
        default="three times the French legal interest rate",
        help_text=_("Printed on every invoice, e.g. “three times the legal interest rate”."),
    )
    payment_terms = models.CharField(
        _("payment terms"),
        max_length=300,
        default="Bank transfer with the payment reference. No discount for early payment.",
    )
    event_vat_rate = vat_rate_field(_("VAT rate of event fees (%)"), default=Decimal("20"))
    training_vat_rate = vat_rate_field(_("VAT rate of training fees (%)"), default=Decimal("0"))
    training_vat_exemption = models.CharField(
        _("VAT exemption mention of training fees"),
        max_length=200,
        blank=True,
        default="Exonération de TVA, article 261-4-4°-a du CGI (formation professionnelle)",
    )
    activity_due_days = models.PositiveSmallIntegerField(
        _("payment delay of event and training invoices (days)"), default=30
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("seller details")
        verbose_name_plural = _("seller details")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="billing_seller_single_row")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("admin:billing_seller_change", args=[1])

    @classmethod
    def current(cls) -> "Seller":
        seller, _created = cls.objects.get_or_create(pk=1)
        return seller

    def snapshot(self) -> dict:
        """What an invoice keeps of the seller (an invoice never changes afterwards)."""
        fields = (
            "name address postcode city country siren siret vat_number email iban bic "
            "penalty_rate payment_terms"
        ).split()
        return {name: getattr(self, name) for name in fields}


class FeeScaleQuerySet(models.QuerySet):
    def for_year(self, year: int):
        return self.filter(year=year).prefetch_related("fees").first()


class FeeScale(Timestamped):
    """The membership fees of one year."""

    class Proration(models.TextChoices):
        NONE = "none", _("Full fee whatever the joining date")
        MONTHLY = "monthly", _("By remaining months (the joining month counts)")
        QUARTERLY = "quarterly", _("By remaining quarters (the joining quarter counts)")

    year = models.PositiveSmallIntegerField(
        _("membership year"), unique=True, validators=[MinValueValidator(2000)]
    )
    vat_rate = vat_rate_field(_("VAT rate (%)"), default=Decimal("0"))
    vat_exemption = models.CharField(
        _("VAT exemption mention"),
        max_length=200,
        blank=True,
        help_text=_("Printed when the VAT rate is 0, e.g. the article of the tax code."),
    )
    due_days = models.PositiveSmallIntegerField(_("payment delay (days)"), default=30)
    proration = models.CharField(
        _("proration for members joining during the year"),
        max_length=10,
        choices=Proration.choices,
        default=Proration.QUARTERLY,
    )
    is_published = models.BooleanField(
        _("shown on the join page"), default=True, help_text=_("When it is the coming year's.")
    )

    objects = FeeScaleQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("fee scale")
        verbose_name_plural = _("fee scales")
        constraints = [
            models.CheckConstraint(
                condition=Q(vat_rate__gt=0) | ~Q(vat_exemption=""),
                name="billing_feescale_vat_or_exemption",
                violation_error_message=_("Without VAT, give the legal exemption mention."),
            ),
        ]

    def __str__(self):
        return str(_("Fee scale %(year)s") % {"year": self.year})

    def get_absolute_url(self):
        return reverse("admin:billing_feescale_change", args=[self.pk])

    def fee_for(self, organisation: Organisation) -> "Fee | None":
        """The fee of ``organisation``'s kind and size band, or of its kind for any size
        (uses the prefetched fees)."""
        fees = list(self.fees.all())
        for fee in fees:
            if fee.kind == organisation.kind and fee.size_band == organisation.size_band:
                return fee
        return next((f for f in fees if f.kind == organisation.kind and not f.size_band), None)

    def prorated(self, amount: Decimal, joined: date) -> Decimal:
        """``amount`` for a member joining on ``joined`` during the year."""
        if joined.year != self.year or self.proration == self.Proration.NONE:
            return amount
        if self.proration == self.Proration.MONTHLY:
            share = Decimal(13 - joined.month) / 12
        else:
            share = Decimal(4 - (joined.month - 1) // 3) / 4
        return (amount * share).quantize(CENT, ROUND_HALF_UP)


class Fee(models.Model):
    """One line of a fee scale: the yearly fee of a kind (and size band) of organisation."""

    scale = models.ForeignKey(
        FeeScale, on_delete=models.CASCADE, related_name="fees", verbose_name=_("fee scale")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Organisation.Kind.choices)
    size_band = models.CharField(
        _("size"),
        max_length=10,
        choices=Organisation.SizeBand.choices,
        blank=True,
        help_text=_("Empty: every size of this kind without a line of its own."),
    )
    amount = price_field(_("yearly fee excl. VAT (€)"))

    class Meta:
        ordering = ["scale", "kind", "size_band"]
        verbose_name = _("fee")
        verbose_name_plural = _("fees")
        constraints = [
            models.UniqueConstraint(
                fields=["scale", "kind", "size_band"],
                name="billing_fee_one_per_kind_and_size",
                violation_error_message=_("This kind and size already have a fee."),
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="billing_fee_positive"),
        ]

    def __str__(self):
        size = self.get_size_band_display() if self.size_band else _("any size")
        return f"{self.get_kind_display()} · {size}: {self.amount} €"

    def get_absolute_url(self):
        return self.scale.get_absolute_url()


class Campaign(models.Model):
    """The renewal call of one membership year: every active organisation gets its invoice."""

    class State(models.TextChoices):
        RUNNING = "running", _("Issuing invoices")
        OPEN = "open", _("Open")

    scale = models.OneToOneField(
        FeeScale, on_delete=models.PROTECT, related_name="campaign", verbose_name=_("fee scale")
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.RUNNING
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    opened_by = account_field(_("opened by"))
    issue_date = models.DateField(_("issue date of the invoices"))
    skipped = models.JSONField(
        _("organisations left out"),
        default=list,
        blank=True,
        help_text=_("Organisations whose kind has no fee in the scale."),
    )

    class Meta:
        ordering = ["-scale__year"]
        verbose_name = _("renewal campaign")
        verbose_name_plural = _("renewal campaigns")

    def __str__(self):
        return str(_("Renewal campaign %(year)s") % {"year": self.year})

    def get_absolute_url(self):
        return reverse("billing:receivables") + f"?year={self.year}"

    @property
    def year(self) -> int:
        return self.scale.year


class BillingProfile(Timestamped):
    """Where an organisation wants its invoices: kept beside the organisation (one-to-one)
    so that billing owns its data and the members app stays unaware of money."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="billing_profile",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(
        _("billing email"), blank=True, help_text=_("Receives every invoice and reminder.")
    )
    address = models.TextField(
        _("billing address"),
        max_length=500,
        blank=True,
        help_text=_("When invoices go to another address than the organisation's."),
    )
    purchase_order = models.CharField(
        _("purchase-order reference"),
        max_length=100,
        blank=True,
        help_text=_("Printed on the invoices (the buyer's reference)."),
    )
    vat_number = models.CharField(
        _("VAT number"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Z]{2}[0-9A-Z]{2,13}$",
                _("An intra-community VAT number: two letters and up to 13 characters."),
            )
        ],
    )

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("billing details")
        verbose_name_plural = _("billing details")

    def __str__(self):
        return str(self.organisation)

    def get_absolute_url(self):
        return reverse("billing:membership", kwargs={"slug": self.organisation.slug})
