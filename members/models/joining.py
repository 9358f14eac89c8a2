"""How people and organisations join: invitations, join requests, membership applications."""

import hashlib
import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Decided, account_field
from members.models.memberships import Membership
from members.models.organisations import Organisation

INVITATION_LIFETIME = timedelta(days=14)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        """Invitations that can still be accepted: not used, not withdrawn, not expired."""
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )

    def addressed_to(self, emails):
        """Invitations sent to one of ``emails`` (case-insensitive)."""
        query = Q()
        for email in emails:
            query |= Q(email__iexact=email)
        return self.filter(query) if query else self.none()


class Invitation(models.Model):
    """A single-use link an organisation admin sends to bring a colleague in.

    Only a hash of the link's token is stored: the link itself exists in the email alone.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Withdrawn")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(
        _("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.COLLEAGUE
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = account_field(_("invited by"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = account_field(_("accepted by"))
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    def get_absolute_url(self):
        return reverse("members:organisation-people", kwargs={"slug": self.organisation.slug})

    @staticmethod
    def new_token() -> tuple[str, str]:
        """A fresh token and its hash."""
        token = secrets.token_urlsafe(32)
        return token, Invitation.hash_token(token)

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def default_expiry(cls):
        return timezone.now() + INVITATION_LIFETIME

    @property
    def state(self) -> str:
        if self.accepted_at:
            return self.State.ACCEPTED
        if self.revoked_at:
            return self.State.REVOKED
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.PENDING

    def get_state_display(self) -> str:
        return self.State(self.state).label

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING


class JoinRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=JoinRequest.Status.PENDING)

    def for_admin(self, user):
        """Requests to join the organisations ``user`` administers (every one for staff)."""
        return self.filter(organisation__in=Organisation.objects.editable_by(user).values("pk"))


class JoinRequest(Decided):
    """A signed-up person asking to join the organisation their email address belongs to."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="join_requests",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="join_requests",
        verbose_name=_("organisation"),
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(status="pending"),
                name="members_joinrequest_one_pending",
                violation_error_message=_("You have already asked to join this organisation."),
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation}"

    def get_absolute_url(self):
        return reverse("members:organisation-people", kwargs={"slug": self.organisation.slug})


class MembershipApplicationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=MembershipApplication.Status.PENDING)


class MembershipApplication(Decided):
    """An organisation applying to join the cluster, with its contact person and motivation."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Under review")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="application",
        verbose_name=_("organisation"),
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = account_field(_("account of the applicant"), related_name="membership_applications")
    contact_first_name = models.CharField(_("first name"), max_length=150)
    contact_last_name = models.CharField(_("last name"), max_length=150)
    contact_email = models.EmailField(_("email address"))
    contact_phone = models.CharField(_("phone"), max_length=30, blank=True)
    contact_job_title = models.CharField(_("job title"), max_length=150, blank=True)
    motivation = models.TextField(
        _("motivation"),
        max_length=3000,
        help_text=_("What you expect from the cluster and what you bring to it."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    objects = MembershipApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="members_application_declined_with_reason",
                violation_error_message=_("Say why the application is declined."),
            )
        ]

    def __str__(self):
        return str(self.organisation)

    def get_absolute_url(self):
        return reverse("members:application-status", kwargs={"public_id": self.public_id})

    @property
    def contact_name(self) -> str:
        return f"{self.contact_first_name} {self.contact_last_name}".strip()
