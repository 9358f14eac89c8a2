"""Subscribers of the newsletter and the log of their consent."""

import hashlib
import hmac

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Market
from members.models import Membership, Organisation

TOKEN_SALT = "newsletter.subscriber"
CONFIRM_SALT = "newsletter.confirm"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # a confirmation link works for a week


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        """Subscribers who confirmed their address and have not left: the only ones who
        ever receive an issue."""
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def members(self):
        """Subscribers whose account works for an active member organisation."""
        active = Organisation.objects.active().values("pk")
        return self.filter(
            user__in=Membership.objects.filter(organisation__in=active).values("user_id")
        )

    def audience(self, *, members_only: bool, markets=(), region: str = ""):
        """The confirmed subscribers an issue goes to: members only or everyone, narrowed
        to those interested in one of ``markets`` and living in ``region`` when given."""
        queryset = self.confirmed()
        if members_only:
            queryset = queryset.members()
        market_ids = [getattr(market, "pk", market) for market in markets]
        if market_ids:
            queryset = queryset.filter(
                pk__in=Subscriber.markets.through.objects.filter(market_id__in=market_ids).values(
                    "subscriber_id"
                )
            )
        if region:
            queryset = queryset.filter(region=region)
        return queryset


class Subscriber(models.Model):
    """An address that asked for the newsletter (double opt-in: nothing is sent before
    the confirmation link was clicked)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    Region = Organisation.Region

    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="fr"
    )
    markets = models.ManyToManyField(
        Market,
        blank=True,
        related_name="subscribers",
        verbose_name=_("market interests"),
        help_text=_("Optional: the markets you are most interested in."),
    )
    region = models.CharField(
        _("region"),
        max_length=10,
        choices=Organisation.Region.choices,
        blank=True,
        help_text=_("Optional: where you are, for news of your region."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsletter_subscriber",
        verbose_name=_("account"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_email_ci"),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(confirmed_at__isnull=False),
                name="newsletter_subscriber_confirmed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "region"])]

    def __str__(self):
        return self.email

    def get_absolute_url(self):
        return reverse("newsletter:preferences", kwargs={"token": self.token})

    @property
    def token(self) -> str:
        """The secret of the subscriber's own links (preferences, unsubscribe): signed with
        the site's key, so it cannot be guessed, and stable, so old issues' links work."""
        return signing.Signer(salt=TOKEN_SALT).sign(str(self.pk)).replace(":", "-", 1)

    @classmethod
    def from_token(cls, token: str) -> "Subscriber | None":
        pk = token_pk(token)
        return cls.objects.filter(pk=pk).first() if pk else None

    def confirmation_token(self) -> str:
        """A signed, expiring token for the double opt-in link (bound to the address)."""
        return signing.dumps({"s": self.pk, "e": self.email.lower()}, salt=CONFIRM_SALT)

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    def unsubscribe_url(self) -> str:
        return reverse("newsletter:unsubscribe", kwargs={"token": self.token})


def token_pk(token: str) -> int | None:
    """The subscriber number a token of :attr:`Subscriber.token` stands for, or None."""
    number, _dash, signature = (token or "").partition("-")
    if not number.isdigit() or not signature:
        return None
    try:
        value = signing.Signer(salt=TOKEN_SALT).unsign(f"{number}:{signature}")
    except signing.BadSignature:
        return None
    return int(value)


def hash_ip(ip: str) -> str:
    """A keyed hash of an address: the log can tell two requests of the same origin apart
    without ever storing the address itself (privacy first)."""
    if not ip:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()[:32]


class Consent(models.Model):
    """One line of the consent log: who asked or confirmed what, when and from where."""

    class Action(models.TextChoices):
        REQUESTED = "requested", _("Asked to subscribe")
        CONFIRMED = "confirmed", _("Confirmed the subscription")
        CHANGED = "changed", _("Changed the preferences")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    class Source(models.TextChoices):
        HOME = "home", _("Home page box")
        FOOTER = "footer", _("Footer box")
        PAGE = "page", _("Sign-up page")
        ACCOUNT = "account", _("My account")
        EMAIL_LINK = "email-link", _("Link in an email")
        ONE_CLICK = "one-click", _("One-click unsubscribe")
        STAFF = "staff", _("Back-office")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consents", verbose_name=_("subscriber")
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    source = models.CharField(_("source"), max_length=12, choices=Source.choices)
    at = models.DateTimeField(_("date"), default=timezone.now)
    ip_hash = models.CharField(
        _("origin (hashed)"),
        max_length=32,
        blank=True,
        help_text=_("A keyed hash of the IP address; the address itself is never stored."),
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("newsletter consent")
        verbose_name_plural = _("newsletter consent log")

    def __str__(self):
        return f"{self.subscriber} · {self.get_action_display()} · {self.at:%Y-%m-%d}"

    def get_absolute_url(self):
        return self.subscriber.get_absolute_url()
