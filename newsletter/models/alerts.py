"""What members follow, how often they want their digest, and what was already sent."""

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from content.models import Market
from members.models import Competency, Organisation
from projects.models import FundingProgramme

OFF_SALT = "newsletter.digest-off"

# The field of Follow holding each kind of target.
TARGETS = {
    "market": Market,
    "competency": Competency,
    "organisation": Organisation,
    "programme": FundingProgramme,
}


class FollowQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()

    def ids(self, kind: str) -> list[int]:
        """The numbers of the targets of ``kind`` these follows point at."""
        return list(self.filter(kind=kind).values_list(f"{kind}_id", flat=True))


class Follow(models.Model):
    """A person follows a market, a competency, an organisation or a funding programme."""

    class Kind(models.TextChoices):
        MARKET = "market", _("Market")
        COMPETENCY = "competency", _("Competency")
        ORGANISATION = "organisation", _("Organisation")
        PROGRAMME = "programme", _("Funding programme")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    market = models.ForeignKey(
        Market, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    programme = models.ForeignKey(
        FundingProgramme, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            # Exactly the target of its kind is set.
            models.CheckConstraint(
                condition=Q(
                    kind="market",
                    market__isnull=False,
                    competency__isnull=True,
                    organisation__isnull=True,
                    programme__isnull=True,
                )
                | Q(
                    kind="competency",
                    market__isnull=True,
                    competency__isnull=False,
                    organisation__isnull=True,
                    programme__isnull=True,
                )
                | Q(
                    kind="organisation",
                    market__isnull=True,
                    competency__isnull=True,
                    organisation__isnull=False,
                    programme__isnull=True,
                )
                | Q(
                    kind="programme",
                    market__isnull=True,
                    competency__isnull=True,
                    organisation__isnull=True,
                    programme__isnull=False,
                ),
                name="newsletter_follow_one_target",
            ),
            *(
                models.UniqueConstraint(
                    fields=["user", kind],
                    condition=Q(kind=kind),
                    name=f"newsletter_follow_{kind}_once",
                )
                for kind in TARGETS
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.target}"

    def get_absolute_url(self):
        return reverse("newsletter:my-alerts")

    @property
    def target(self):
        return getattr(self, self.kind)


class AlertSettings(models.Model):
    """How often a person gets their digest, and when the last one left."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Weekly")
        DAILY = "daily", _("Daily")
        OFF = "off", _("Off")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="alert_settings",
        verbose_name=_("person"),
    )
    frequency = models.CharField(
        _("digest"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["user"]
        verbose_name = _("alert settings")
        verbose_name_plural = _("alert settings")

    def __str__(self):
        return f"{self.user} · {self.get_frequency_display()}"

    def get_absolute_url(self):
        return reverse("newsletter:my-alerts")

    @staticmethod
    def off_token(user_id: int) -> str:
        """The secret of the one-click "stop my digest" link of a person's digests."""
        return signing.Signer(salt=OFF_SALT).sign(str(user_id)).replace(":", "-", 1)

    @staticmethod
    def user_id_from_off_token(token: str) -> int | None:
        number, _dash, signature = (token or "").partition("-")
        if not number.isdigit() or not signature:
            return None
        try:
            return int(signing.Signer(salt=OFF_SALT).unsign(f"{number}:{signature}"))
        except signing.BadSignature:
            return None


class SentAlertItem(models.Model):
    """An item a digest already listed for a person: never listed to them again."""

    class Kind(models.TextChoices):
        PARTNER_SEARCH = "partnersearch", _("Partner search")
        CALL = "call", _("Funding call")
        EVENT = "event", _("Event")
        TRAINING = "training", _("Training")
        PROJECT = "project", _("Labelled project")
        ORGANISATION = "organisation", _("New member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="sent_alert_items",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("item number"))
    sent_at = models.DateTimeField(_("sent"))

    class Meta:
        ordering = ["-sent_at", "pk"]
        verbose_name = _("item sent in a digest")
        verbose_name_plural = _("items sent in digests")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "object_id"], name="newsletter_alert_item_once"
            ),
        ]
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.object_id} → {self.user}"

    def get_absolute_url(self):
        return reverse("newsletter:my-alerts")
