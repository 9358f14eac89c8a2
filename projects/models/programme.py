from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import Timestamped


class FundingProgrammeQuerySet(models.QuerySet):
    def active(self):
        """Programmes members may still target (staff retire old ones instead of deleting)."""
        return self.filter(is_active=True)


class FundingProgramme(Timestamped):
    """A funding scheme projects target (France 2030 i-Démo, ANR, Horizon Europe...)."""

    class Scope(models.TextChoices):
        REGIONAL = "regional", _("Regional")
        NATIONAL = "national", _("National")
        EUROPEAN = "european", _("European")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    funder = models.CharField(
        _("funder"), max_length=150, blank=True, help_text=_("Who runs it: Bpifrance, ANR...")
    )
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    website = models.URLField(_("website"), max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("open to new projects"),
        default=True,
        help_text=_("Retired programmes stay on past projects but are no longer offered."),
    )

    objects = FundingProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projects:project-list") + f"?programme={self.slug}"
