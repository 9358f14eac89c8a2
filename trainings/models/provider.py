from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import phone_validator
from members.validators import normalise_siret, validate_siret

activity_number_validator = RegexValidator(
    r"^\d{11}$", _("The declaration number has exactly 11 digits.")
)
# The five-digit check of the postcodes of the provider's and the sessions' addresses.
postcode_validator = RegexValidator(r"^\d{5}$", _("A French postcode has 5 digits."))


class TrainingProvider(models.Model):
    """The cluster as a training organisation (a single row staff keep up to date).

    These are the legal details every training offer carries: they appear on the training
    pages (Qualiopi mention), in the exports and as the responsible organisation of the LHEO
    catalogue.
    """

    name = models.CharField(_("usual name"), max_length=250)
    legal_name = models.CharField(_("legal name"), max_length=250)
    siret = models.CharField(_("SIRET"), max_length=14, validators=[validate_siret])
    activity_number = models.CharField(
        _("training declaration number"),
        max_length=11,
        validators=[activity_number_validator],
        help_text=_("The 11-digit number given by the regional prefecture (NDA)."),
    )
    qualiopi_certificate = models.CharField(
        _("Qualiopi certificate"),
        max_length=250,
        help_text=_("Certificate number, certifying body and category (training actions)."),
    )
    address = models.CharField(_("address"), max_length=50)
    postcode = models.CharField(
        _("postcode"),
        max_length=5,
        validators=[postcode_validator],
    )
    city = models.CharField(_("city"), max_length=50)
    phone = models.CharField(_("phone"), max_length=25, validators=[phone_validator])
    email = models.EmailField(_("email"))
    website = models.URLField(_("website"), blank=True)
    vat_rate = models.DecimalField(
        _("VAT rate (%)"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("20.00"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Used to show prices including VAT in the national catalogue export."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("training organisation details")
        verbose_name_plural = _("training organisation details")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="trainings_provider_single_row")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        self.siret = normalise_siret(self.siret)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("trainings:training-list")

    @classmethod
    def current(cls) -> "TrainingProvider | None":
        """The single row, or None before staff have filled it in."""
        return cls.objects.filter(pk=1).first()
