"""Sessions: the dated runs of a training, with their place and seats."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Publishable
from core import typography
from core.models import Timestamped
from trainings.models.enrolments import SEAT_HOLDING_STATUSES
from trainings.models.provider import postcode_validator


class SessionQuerySet(models.QuerySet):
    def with_seats_taken(self):
        """Annotates ``seats_taken``: enrolments holding a seat (see SEAT_HOLDING_STATUSES).

        A correlated count, not a join with GROUP BY: a list limited to its first rows
        counts the enrolments of those rows only (the home page's next sessions stay as
        fast with 10,000 sessions as with 100)."""
        from trainings.models.enrolments import Enrolment

        taken = (
            Enrolment.objects.filter(session=OuterRef("pk"), status__in=SEAT_HOLDING_STATUSES)
            .order_by()
            .values("session")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return self.annotate(
            seats_taken=Coalesce(Subquery(taken, output_field=models.IntegerField()), 0)
        )

    def upcoming(self):
        """Sessions starting today or later that are not cancelled, soonest first."""
        return (
            self.filter(start_date__gte=timezone.localdate())
            .exclude(status=Session.Status.CANCELLED)
            .order_by("start_date", "start_time", "pk")
        )

    def past(self):
        return self.filter(end_date__lt=timezone.localdate())

    def of_published_trainings(self):
        return self.filter(
            training__status=Publishable.Status.PUBLISHED,
            training__published_at__lte=timezone.now(),
        )


@dataclass(frozen=True)
class EnrolmentState:
    """Whether a session takes requests now, and why not when it does not."""

    open: bool
    full: bool = False
    reason: str = ""


class Session(Timestamped):
    """A dated run of a training, with its place and number of seats."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONFIRMED = "confirmed", _("Confirmed")
        FULL = "full", _("Full")
        CANCELLED = "cancelled", _("Cancelled")

    training = models.ForeignKey(
        "trainings.Training",
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("training"),
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    start_time = models.TimeField(_("starts at"), default=time(9, 0))
    end_time = models.TimeField(_("ends at"), default=time(17, 0))
    venue = models.CharField(
        _("venue"), max_length=150, blank=True, help_text=_("Name of the building or room.")
    )
    address = models.CharField(_("address"), max_length=50, blank=True)
    postcode = models.CharField(
        _("postcode"),
        max_length=5,
        blank=True,
        validators=[postcode_validator],
    )
    city = models.CharField(_("city"), max_length=50, blank=True)
    remote_url = models.URLField(
        _("remote link"),
        blank=True,
        help_text=_("Video-conference address, sent to confirmed participants only."),
    )
    seats = models.PositiveSmallIntegerField(_("seats"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    registration_deadline = models.DateField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the training's access delay."),
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "start_time", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="trainings_session_ends_after_start",
                violation_error_message=_("A session cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(seats__gte=0), name="trainings_session_seats_positive"
            ),
        ]
        indexes = [models.Index(fields=["start_date", "status"])]

    def __str__(self):
        return f"{self.training} · {self.date_range}"

    def get_absolute_url(self):
        return self.training.get_absolute_url() + f"#session-{self.pk}"

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date:
            if self.end_date < self.start_date:
                errors["end_date"] = _("A session cannot end before it starts.")
            elif (
                self.end_date == self.start_date
                and self.start_time
                and self.end_time
                and self.end_time <= self.start_time
            ):
                errors["end_time"] = _("The session must end after it starts.")
        if self.registration_deadline and self.start_date:
            if self.registration_deadline > self.start_date:
                errors["registration_deadline"] = _(
                    "The registration deadline must come before the first day."
                )
        if self.pk and self.seats is not None:
            holders = self.enrolments.filter(status__in=SEAT_HOLDING_STATUSES).count()
            if self.seats < holders:
                errors["seats"] = _(
                    "%(count)d people already hold a seat: cancel or move requests to the "
                    "waiting list before lowering the number of seats."
                ) % {"count": holders}
        if (self.address or self.postcode or self.city) and not (
            self.address and self.postcode and self.city
        ):
            errors["address"] = _("Give the full address: street, postcode and city.")
        if errors:
            raise ValidationError(errors)

    # Dates ---------------------------------------------------------------------------

    @property
    def starts_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start_date, self.start_time))

    @property
    def ends_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.end_date, self.end_time))

    @property
    def day_count(self) -> int:
        return (self.end_date - self.start_date).days + 1

    @property
    def date_range(self) -> str:
        if self.start_date == self.end_date:
            return typography.date(self.start_date, "DATE_FORMAT")
        return _("%(start)s to %(end)s") % {
            "start": typography.date(self.start_date, "DATE_FORMAT"),
            "end": typography.date(self.end_date, "DATE_FORMAT"),
        }

    @property
    def deadline(self) -> date:
        """Last day requests are accepted."""
        if self.registration_deadline:
            return self.registration_deadline
        return self.start_date - timedelta(days=self.training.access_delay_days)

    @property
    def is_over(self) -> bool:
        return self.end_date < timezone.localdate()

    @property
    def has_started(self) -> bool:
        return self.start_date <= timezone.localdate()

    @property
    def is_remote(self) -> bool:
        return not self.city

    @property
    def place_label(self) -> str:
        if self.is_remote:
            return str(_("Remote"))
        parts = [self.venue, self.city] if self.venue else [self.city]
        return ", ".join(parts)

    # Seats and enrolment -------------------------------------------------------------

    def count_seats_taken(self) -> int:
        """Seats held now; uses the ``seats_taken`` annotation when present."""
        annotated = getattr(self, "seats_taken", None)
        if annotated is not None:
            return annotated
        return self.enrolments.filter(status__in=SEAT_HOLDING_STATUSES).count()

    @property
    def seats_left(self) -> int:
        return max(self.seats - self.count_seats_taken(), 0)

    def enrolment_state(self, seats_taken: int | None = None) -> EnrolmentState:
        """Whether requests are accepted today. A full session still takes waiting-list
        requests (``open`` is True and ``full`` is True)."""
        today = timezone.localdate()
        if not self.training.is_live:
            return EnrolmentState(False, reason=str(_("This training is not open for enrolment.")))
        if self.status == self.Status.CANCELLED:
            return EnrolmentState(False, reason=str(_("This session has been cancelled.")))
        if self.start_date <= today:
            return EnrolmentState(
                False, reason=str(_("This session has already started or taken place."))
            )
        if self.deadline < today:
            return EnrolmentState(
                False,
                reason=str(_("Requests for this session closed on %(date)s."))
                % {"date": typography.date(self.deadline, "DATE_FORMAT")},
            )
        taken = self.count_seats_taken() if seats_taken is None else seats_taken
        if self.status == self.Status.FULL or taken >= self.seats:
            return EnrolmentState(True, full=True, reason=str(_("This session is full.")))
        return EnrolmentState(True)
