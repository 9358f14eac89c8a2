from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import account_field
from members.models.organisations import Organisation
from members.models.platforms import Platform


class ContactMessage(models.Model):
    """A message relayed by email through the portal, kept for staff (abuse, follow-up).

    Nobody sees another person's email address: the portal sends the message and the
    recipient chooses whether to answer (the reply goes to the sender's address).
    """

    class Kind(models.TextChoices):
        PERSON = "person", _("To a person")
        ORGANISATION = "organisation", _("To an organisation")
        PLATFORM = "platform", _("Platform access request")

    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="contact_messages_sent",
        verbose_name=_("sender"),
    )
    recipient = account_field(
        _("recipient"),
        related_name="contact_messages_received",
        help_text=_("Empty when the message went to the organisation's admins."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_messages",
        verbose_name=_("organisation"),
    )
    platform = models.ForeignKey(
        Platform,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="access_requests",
        verbose_name=_("platform"),
    )
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=3000)
    delivered_to = models.PositiveSmallIntegerField(_("emails sent"), default=1)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("relayed message")
        verbose_name_plural = _("relayed messages")

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        if self.platform_id:
            return self.platform.get_absolute_url()
        if self.organisation_id:
            return self.organisation.get_absolute_url()
        return "/"
