"""Events: conferences, workshops, webinars... with their dates, place, seats and prices."""

from decimal import Decimal
from zoneinfo import ZoneInfo, available_timezones

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.permissions import acts_as_staff
from content.catalogue import MarketTaggedQuerySet
from content.models import Market, RoadmapObjective
from core.models import Timestamped, WithCover, cover_constraints, price_field
from events.models.registrations import Registration
from members.models import Organisation

DEFAULT_TIMEZONE = "Europe/Paris"
# Paths under /events/ that an event slug must not take.
RESERVED_SLUGS = {"mine", "archive", "calendar", "feed", "offers", "registrations", "staff"}


def validate_timezone(value: str) -> None:
    if value not in available_timezones():
        raise ValidationError(_("Unknown time zone: use a name such as Europe/Paris."))


def validate_event_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This address is reserved by the site: choose another slug."))


class EventQuerySet(MarketTaggedQuerySet):
    def listed(self):
        """Events the public may see: published, and cancelled or postponed ones (with a
        banner), never drafts."""
        return self.exclude(status=Event.Status.DRAFT)

    def visible_to(self, user):
        """Everything for staff (they preview drafts), listed events for everyone else."""
        if acts_as_staff(user):
            return self.all()
        return self.listed()

    def upcoming(self):
        """Events that have not ended yet, soonest first."""
        return self.filter(end__gte=timezone.now()).order_by("start", "pk")

    def past(self):
        """Events that have ended, most recent first."""
        return self.filter(end__lt=timezone.now()).order_by("-start", "-pk")

    def for_list(self):
        """Preloads what an event card shows: markets, and the number of taken seats as
        ``seats_taken`` (an annotation, so a list costs a fixed number of queries)."""
        # A correlated count, not a join with GROUP BY: the first rows of a list count
        # their own registrations only, however many events there are.
        taken = (
            Registration.objects.filter(event=OuterRef("pk"), status__in=Registration.SEAT_STATUSES)
            .order_by()
            .values("event")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return self.with_markets().annotate(
            seats_taken=Coalesce(Subquery(taken, output_field=models.IntegerField()), 0)
        )

    def in_month(self, year: int, month: int):
        """Events that take place, even partly, during that month (Paris time)."""
        paris = ZoneInfo(DEFAULT_TIMEZONE)
        first = timezone.datetime(year, month, 1, tzinfo=paris)
        following = (
            timezone.datetime(year + 1, 1, 1, tzinfo=paris)
            if month == 12
            else timezone.datetime(year, month + 1, 1, tzinfo=paris)
        )
        return self.filter(start__lt=following, end__gte=first)

    def organised_with(self, organisation):
        """Events ``organisation`` organises or is a partner of."""
        return self.filter(Q(organiser=organisation) | Q(partners=organisation)).distinct()


class Event(WithCover, Timestamped):
    """A conference, workshop, webinar, business meeting, site visit or trade show."""

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        WORKSHOP = "workshop", _("Workshop")
        WEBINAR = "webinar", _("Webinar")
        BUSINESS_MEETING = "business-meeting", _("Business meeting")
        SITE_VISIT = "site-visit", _("Site visit")
        TRADE_SHOW = "trade-show", _("Trade show")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Open to everyone")
        MEMBERS = "members", _("Members only")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")
        POSTPONED = "postponed", _("Postponed")

    # A change to one of these fields is a new version of the calendar entry (SEQUENCE).
    CALENDAR_FIELDS = (
        "title_fr",
        "title_en",
        "start",
        "end",
        "timezone",
        "venue_name",
        "address",
        "city",
        "online_url",
        "status",
    )

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, validators=[validate_event_slug]
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown on event cards.")
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    timezone = models.CharField(
        _("time zone"),
        max_length=50,
        default=DEFAULT_TIMEZONE,
        validators=[validate_timezone],
        help_text=_("Start and end are entered and shown in this time zone."),
    )
    city = models.CharField(
        _("city"),
        max_length=120,
        blank=True,
        help_text=_("Shown to everyone. Leave empty for an online event."),
    )
    venue_name = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("Shown to registered people only, unless the venue is public."),
    )
    address = models.CharField(
        _("address"),
        max_length=250,
        blank=True,
        help_text=_("Shown to registered people only, unless the venue is public."),
    )
    venue_is_public = models.BooleanField(
        _("public venue"),
        default=False,
        help_text=_(
            "Show the venue and its address to everyone (a trade show, a conference centre). "
            "Leave unticked for a visit of a company's site: registered people only see it."
        ),
    )
    online_url = models.URLField(
        _("online link"),
        max_length=500,
        blank=True,
        help_text=_("Video-conference link, shown to registered people only."),
    )
    markets = models.ManyToManyField(
        Market, blank=True, related_name="events", verbose_name=_("markets")
    )
    organiser = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organised_events",
        verbose_name=_("organiser"),
        help_text=_("Leave empty when the cluster itself organises the event."),
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="partner_events", verbose_name=_("partners")
    )
    roadmap_objectives = models.ManyToManyField(
        RoadmapObjective,
        blank=True,
        related_name="events",
        verbose_name=_("roadmap objectives"),
        help_text=_("The objectives of the roadmap this item serves."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Number of seats. Leave empty for an unlimited number."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"),
        null=True,
        blank=True,
        help_text=_("Leave empty to open registration as soon as the event is published."),
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to close registration when the event starts."),
    )
    registration_enabled = models.BooleanField(
        _("registration on the portal"),
        default=True,
        help_text=_("Untick for events people attend without registering here."),
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    price_member = price_field(
        _("price for members (€)"), default=Decimal("0"), help_text=_("0 means free.")
    )
    price_non_member = price_field(
        _("price for non-members (€)"),
        default=Decimal("0"),
        help_text=_("0 means free. Not used for members-only events."),
    )
    cancellation_deadline = models.DateTimeField(
        _("cancellation deadline"),
        null=True,
        blank=True,
        help_text=_("People can cancel on the portal until then. Empty: until the start."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    sequence = models.PositiveIntegerField(
        _("calendar version"),
        default=0,
        editable=False,
        help_text=_("Raised at each change calendars must pick up (iCalendar SEQUENCE)."),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")),
                name="events_event_end_after_start",
                violation_error_message=_("The event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=0),
                name="events_event_capacity_positive",
            ),
            *cover_constraints(),
        ]
        indexes = [
            models.Index(fields=["status", "start"]),
            models.Index(fields=["end"]),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.pk and not kwargs.get("update_fields"):
            previous = (
                type(self)
                .objects.filter(pk=self.pk)
                .values(*self.CALENDAR_FIELDS, "sequence")
                .first()
            )
            if previous and any(
                previous[name] != getattr(self, name) for name in self.CALENDAR_FIELDS
            ):
                self.sequence = previous["sequence"] + 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:event-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at < self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Registration cannot close before it opens.")
        if self.start and self.registration_closes_at and self.registration_closes_at > self.end:
            errors["registration_closes_at"] = _("Registration must close before the event ends.")
        if errors:
            raise ValidationError(errors)

    # Time zone -----------------------------------------------------------------------------
    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(self.timezone or DEFAULT_TIMEZONE)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.tzinfo)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.tzinfo)

    @property
    def is_multi_day(self) -> bool:
        return self.local_start.date() != self.local_end.date()

    @property
    def shows_foreign_timezone(self) -> bool:
        return self.timezone != DEFAULT_TIMEZONE

    # State ---------------------------------------------------------------------------------
    @property
    def has_started(self) -> bool:
        return self.start <= timezone.now()

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_postponed(self) -> bool:
        return self.status == self.Status.POSTPONED

    @property
    def is_members_only(self) -> bool:
        return self.audience == self.Audience.MEMBERS

    @property
    def is_online(self) -> bool:
        return not self.city

    @property
    def is_free(self) -> bool:
        return not self.price_member and (self.is_members_only or not self.price_non_member)

    @property
    def closes_at(self):
        return self.registration_closes_at or self.start

    @property
    def cancellable_until(self):
        return self.cancellation_deadline or self.start

    def registration_state(self) -> str:
        """Why registration is open or not: ``open``, ``not-yet``, ``closed``, ``past``,
        ``cancelled``, ``postponed``, ``draft`` or ``disabled``."""
        now = timezone.now()
        if self.status == self.Status.DRAFT:
            return "draft"
        if self.is_cancelled:
            return "cancelled"
        if self.is_postponed:
            return "postponed"
        if self.has_started:
            return "past"
        if not self.registration_enabled:
            return "disabled"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not-yet"
        if now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def is_open_for_registration(self) -> bool:
        return self.registration_state() == "open"

    def can_be_cancelled_by_attendee(self) -> bool:
        return timezone.now() < self.cancellable_until and not self.has_started

    # Seats ---------------------------------------------------------------------------------
    @cached_property
    def seats_taken(self) -> int:
        return self.registrations.filter(status__in=Registration.SEAT_STATUSES).count()

    @property
    def seats_left(self) -> int | None:
        """Free seats, or None when the capacity is unlimited."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.seats_taken >= self.capacity

    def price_for(self, *, is_member: bool) -> Decimal:
        return self.price_member if is_member else self.price_non_member

    def calendar_uid(self) -> str:
        return f"event-{self.pk}@vehicle-of-the-future.example"
