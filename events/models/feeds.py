"""The secret address of each person's own calendar feed."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret address of a person's own calendar feed (their events and sessions)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("person"),
    )
    token = models.CharField(_("secret token"), max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    reset_at = models.DateTimeField(_("last reset"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("personal calendar feed")
        verbose_name_plural = _("personal calendar feeds")

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("personal-calendar", kwargs={"token": self.token})

    @classmethod
    def for_user(cls, user) -> "CalendarFeed":
        feed, _created = cls.objects.get_or_create(user=user)
        return feed

    def reset(self) -> None:
        """A new secret address: the old one stops working at once."""
        self.token = new_feed_token()
        self.reset_at = timezone.now()
        self.save(update_fields=["token", "reset_at"])
