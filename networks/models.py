from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from content.models import Publishable, PublishableQuerySet
from core.countries import COUNTRIES
from core.images import RenditionImageField
from core.models import WithCover, cover_constraints


class PartnerQuerySet(PublishableQuerySet):
    def in_display_order(self):
        """Network memberships first, then each kind in turn; featured partners lead each kind."""
        kind_order = models.Case(
            *(
                models.When(kind=value, then=models.Value(position))
                for position, value in enumerate(Partner.Kind.values)
            ),
            output_field=models.IntegerField(),
        )
        return self.alias(kind_order=kind_order).order_by(
            "kind_order", "-featured", "order", "name"
        )


class Partner(WithCover, Publishable):
    """A network, cluster, funder or institution the cluster works with."""

    class Kind(models.TextChoices):
        # The order of the choices is the order of the partners page.
        NETWORK = "network", _("Network the cluster belongs to")
        CLUSTER_FRANCE = "cluster-france", _("Other cluster in France")
        CLUSTER_ABROAD = "cluster-abroad", _("Cluster abroad")
        FUNDER = "funder", _("Funder or public authority")
        ACADEMIC = "academic", _("Academic partner")
        INDUSTRY = "industry", _("Industrial association")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, default="FR")
    city = models.CharField(_("city"), max_length=120, blank=True)
    logo = RenditionImageField(
        _("logo"), upload_to="partners/", blank=True, renditions=(160, 320, 640)
    )
    website = models.URLField(_("website"), max_length=250, blank=True)
    summary = models.CharField(
        _("summary"), max_length=250, help_text=_("One or two sentences shown on the cards.")
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    partnership_since = models.PositiveSmallIntegerField(
        _("partnership since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
        help_text=_("The year the partnership or the membership started."),
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Featured partners lead their group and appear on the home page."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "order", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = cover_constraints()

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("networks:partner-detail", kwargs={"slug": self.slug})

    @property
    def initials(self) -> str:
        """Up to two letters standing in for a missing logo."""
        words = [word for word in self.name.replace("-", " ").split() if word[:1].isalnum()]
        return "".join(word[0] for word in words[:2]).upper() or "?"
