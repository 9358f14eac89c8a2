"""Registrations: a person's place at an event, on its waiting list, or a seat offered."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.permissions import acts_as_staff
from core.models import Timestamped
from members.models import Membership, Organisation

# What lists show instead of a person whose account was deleted.
DELETED_ACCOUNT = _("Deleted account")

# How long a seat offered to the next person of the waiting list stays theirs to claim.
OFFER_VALIDITY = timedelta(hours=24)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        """Registrations that still hold a place or a rank (not cancelled)."""
        return self.exclude(status=Registration.Status.CANCELLED)

    def holding_seats(self):
        return self.filter(status__in=Registration.SEAT_STATUSES)

    def waiting(self):
        """The waiting list in its order."""
        return self.filter(status=Registration.Status.WAITING).order_by("waiting_rank", "pk")

    def visible_to(self, user):
        """Registrations ``user`` may see and cancel: their own; those made for an
        organisation they administer by people who still belong to it; every one for
        staff."""
        if not user.is_authenticated:
            return self.none()
        if acts_as_staff(user):
            return self.all()
        administered = Organisation.objects.editable_by(user).values("pk")
        colleague_of_admin = Membership.objects.filter(
            user=OuterRef("user"),
            organisation=OuterRef("organisation"),
            organisation__in=administered,
        )
        return self.filter(Q(user=user) | Exists(colleague_of_admin))

    def with_waiting_position(self):
        """Annotates ``waiting_position``: 1 for the first person waiting, and so on."""
        ahead = (
            Registration.objects.filter(
                event=OuterRef("event"),
                status=Registration.Status.WAITING,
            )
            .filter(
                Q(waiting_rank__lt=OuterRef("waiting_rank"))
                | Q(waiting_rank=OuterRef("waiting_rank"), pk__lte=OuterRef("pk"))
            )
            .order_by()
            .values("event")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(waiting_position=models.Subquery(ahead))


class Registration(Timestamped):
    """A person's registration to an event, their place on the waiting list, or a seat
    they were offered."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        OFFERED = "offered", _("Offered a freed seat")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no-show", _("No-show")

    # Statuses that hold a seat (an offered seat is kept for the person until it expires).
    SEAT_STATUSES = ("confirmed", "offered", "attended", "no-show")
    ACTIVE_STATUSES = ("confirmed", "waiting", "offered", "attended", "no-show")
    REGISTERED_STATUSES = ("confirmed", "attended", "no-show")

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    # Empty once the person deleted their account: the registration stays, anonymous, so
    # that the attendance figures of past events never change.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("organisation"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    is_member = models.BooleanField(
        _("member price"), default=False, help_text=_("Registered with the members' price.")
    )
    price = models.DecimalField(_("price (€)"), max_digits=8, decimal_places=2, default=0)
    waiting_rank = models.PositiveIntegerField(
        _("waiting-list rank"), null=True, blank=True, help_text=_("Lower comes first.")
    )
    offered_at = models.DateTimeField(_("seat offered at"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminder_week_sent_at = models.DateTimeField(_("one-week reminder sent"), null=True, blank=True)
    reminder_day_sent_at = models.DateTimeField(_("one-day reminder sent"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~Q(status="cancelled"),
                name="events_registration_one_active_per_person",
                violation_error_message=_("This person is already registered for this event."),
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "waiting_rank"]),
            models.Index(fields=["status", "offer_expires_at"]),
        ]

    def __str__(self):
        return f"{self.person_name} · {self.event}"

    @property
    def person_name(self) -> str:
        """Who registered, as staff lists show it: the name (or email), or "Deleted
        account" once the account is gone."""
        if self.user is None:
            return str(DELETED_ACCOUNT)
        return self.user.get_full_name() or self.user.email

    def get_absolute_url(self):
        return reverse("events:registration-detail", kwargs={"pk": self.pk})

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED

    @property
    def holds_seat(self) -> bool:
        return self.status in self.SEAT_STATUSES

    @property
    def is_registered(self) -> bool:
        """Confirmed (or attended): sees the venue and the online link."""
        return self.status in self.REGISTERED_STATUSES

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.WAITING

    @property
    def is_offered(self) -> bool:
        return self.status == self.Status.OFFERED

    @property
    def offer_is_open(self) -> bool:
        return self.is_offered and self.offer_expires_at and self.offer_expires_at > timezone.now()

    def can_be_cancelled_by(self, user) -> bool:
        """Attendees cancel until the deadline; waiting-list places can always be left;
        staff can always cancel."""
        if not self.is_active or self.status in (self.Status.ATTENDED, self.Status.NO_SHOW):
            return False
        if acts_as_staff(user):
            return True
        if self.status in (self.Status.WAITING, self.Status.OFFERED):
            return not self.event.has_started
        return self.event.can_be_cancelled_by_attendee()
