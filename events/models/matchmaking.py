"""Business meeting days: the matchmaking settings of an event, its time slots and the
meeting profiles of its participants."""

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Market
from core.models import Timestamped
from members.models import Organisation

LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("es", _("Spanish")),
]


def parse_breaks(text: str) -> list[tuple[time, time]]:
    """``"10:30-10:45; 12:30-14:00"`` as a list of (start, end) times; raises
    ``ValueError`` on anything else."""
    breaks = []
    for part in (text or "").replace(",", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        start, end = (time.fromisoformat(bit.strip()) for bit in part.split("-"))
        if end <= start:
            raise ValueError(part)
        breaks.append((start, end))
    return sorted(breaks)


def default_first_meeting() -> time:
    return time(9, 0)


def default_last_meeting_end() -> time:
    return time(17, 0)


class Matchmaking(Timestamped):
    """The business meetings of an event (a "meeting day"): how long a meeting lasts, when
    meetings take place, at how many tables, and when requests and the schedule open."""

    event = models.OneToOneField(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="matchmaking",
        verbose_name=_("event"),
    )
    meeting_minutes = models.PositiveSmallIntegerField(
        _("meeting length (minutes)"),
        default=25,
        validators=[MinValueValidator(5), MaxValueValidator(120)],
    )
    gap_minutes = models.PositiveSmallIntegerField(
        _("gap between meetings (minutes)"),
        default=5,
        validators=[MaxValueValidator(60)],
        help_text=_("Time to change tables."),
    )
    first_meeting_at = models.TimeField(_("first meeting starts"), default=default_first_meeting)
    last_meeting_ends_by = models.TimeField(
        _("last meeting ends by"), default=default_last_meeting_end
    )
    breaks = models.CharField(
        _("breaks"),
        max_length=200,
        blank=True,
        default="12:30-14:00",
        help_text=_("Times without meetings, such as 10:30-10:45; 12:30-14:00."),
    )
    tables = models.PositiveSmallIntegerField(
        _("number of tables"), default=20, validators=[MinValueValidator(1)]
    )
    requests_open_at = models.DateTimeField(_("requests open"))
    requests_close_at = models.DateTimeField(_("requests close"))
    schedule_planned_at = models.DateTimeField(
        _("schedule publication date"),
        help_text=_(
            "Announced to participants; the schedule is published then, or earlier by staff "
            "from the grid."
        ),
    )
    schedule_published_at = models.DateTimeField(
        _("schedule published"), null=True, blank=True, editable=False
    )
    max_requests_sent = models.PositiveSmallIntegerField(
        _("requests a participant may send"), default=10, validators=[MinValueValidator(1)]
    )
    max_meetings = models.PositiveSmallIntegerField(
        _("meetings a participant may hold"), default=8, validators=[MinValueValidator(1)]
    )

    class Meta:
        ordering = ["event__start"]
        verbose_name = _("meeting day")
        verbose_name_plural = _("meeting days")
        constraints = [
            models.CheckConstraint(
                condition=Q(requests_close_at__gte=models.F("requests_open_at")),
                name="events_matchmaking_requests_close_after_open",
                violation_error_message=_("Requests cannot close before they open."),
            ),
            models.CheckConstraint(
                condition=Q(meeting_minutes__gte=5),
                name="events_matchmaking_meeting_length",
            ),
            models.CheckConstraint(condition=Q(tables__gte=1), name="events_matchmaking_tables"),
        ]

    def __str__(self):
        return str(self.event)

    def get_absolute_url(self):
        return reverse("events:meetings-home", kwargs={"slug": self.event.slug})

    def clean(self):
        super().clean()
        errors = {}
        try:
            parse_breaks(self.breaks)
        except ValueError:
            errors["breaks"] = _("Write breaks as 10:30-10:45; 12:30-14:00.")
        if self.first_meeting_at and self.last_meeting_ends_by:
            if self.last_meeting_ends_by <= self.first_meeting_at:
                errors["last_meeting_ends_by"] = _("Meetings must end after they start.")
        if self.requests_open_at and self.requests_close_at:
            if self.requests_close_at < self.requests_open_at:
                errors["requests_close_at"] = _("Requests cannot close before they open.")
        if errors:
            raise ValidationError(errors)

    def slot_times(self) -> list[tuple[datetime, datetime, bool]]:
        """The day's slots as (start, end, is_break), on the event's first day in its time
        zone: meetings of ``meeting_minutes`` every ``meeting_minutes + gap_minutes``,
        skipping the breaks (each break is a slot of its own, shown in agendas)."""
        zone = self.event.tzinfo
        day = self.event.local_start.date()
        breaks = [
            (datetime.combine(day, a, zone), datetime.combine(day, b, zone))
            for a, b in parse_breaks(self.breaks)
        ]
        moment = datetime.combine(day, self.first_meeting_at, zone)
        end_of_day = datetime.combine(day, self.last_meeting_ends_by, zone)
        length = timedelta(minutes=self.meeting_minutes)
        step = timedelta(minutes=self.meeting_minutes + self.gap_minutes)
        slots = []
        while moment + length <= end_of_day:
            pause = next((b for b in breaks if b[0] < moment + length and moment < b[1]), None)
            if pause:
                slots.append((pause[0], pause[1], True))
                breaks.remove(pause)
                moment = pause[1]
                continue
            slots.append((moment, moment + length, False))
            moment += step
        return slots

    # State ---------------------------------------------------------------------------------
    @property
    def requests_are_open(self) -> bool:
        return self.requests_open_at <= timezone.now() < self.requests_close_at

    @property
    def is_published(self) -> bool:
        return self.schedule_published_at is not None

    @property
    def is_over(self) -> bool:
        return self.event.end <= timezone.now()


class MeetingSlot(models.Model):
    """A time of the meeting day: a meeting slot, or a break."""

    matchmaking = models.ForeignKey(
        Matchmaking, on_delete=models.CASCADE, related_name="slots", verbose_name=_("meeting day")
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    is_break = models.BooleanField(_("break"), default=False)

    class Meta:
        ordering = ["matchmaking", "start"]
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        constraints = [
            models.UniqueConstraint(
                fields=["matchmaking", "start"], name="events_meetingslot_one_per_time"
            ),
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="events_meetingslot_end_after_start"
            ),
        ]

    def __str__(self):
        zone = self.matchmaking.event.tzinfo if "matchmaking" in self._state.fields_cache else None
        start = timezone.localtime(self.start, zone)
        end = timezone.localtime(self.end, zone)
        return f"{start:%H:%M}–{end:%H:%M}"


class MeetingProfileQuerySet(models.QuerySet):
    def listed(self):
        """Profiles of people still registered (confirmed, attended or no-show)."""
        from events.models.registrations import Registration

        return self.filter(registration__status__in=Registration.REGISTERED_STATUSES)

    def search(self, text: str):
        """Profiles whose offer, need or organisation mention every word of ``text``."""
        qs = self
        for word in text.split()[:8]:
            qs = qs.filter(
                Q(offer__icontains=word)
                | Q(seek__icontains=word)
                | Q(organisation_name__icontains=word)
            )
        return qs

    def speaking(self, language: str):
        return self.filter(languages__contains=f",{language},")


class MeetingProfile(Timestamped):
    """What a participant of a meeting day offers and seeks: the card others browse."""

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="meeting_profiles",
        verbose_name=_("event"),
    )
    registration = models.OneToOneField(
        "events.Registration",
        on_delete=models.CASCADE,
        related_name="meeting_profile",
        verbose_name=_("registration"),
    )
    display_name = models.CharField(_("name shown"), max_length=150)
    organisation_name = models.CharField(_("organisation"), max_length=200)
    organisation_kind = models.CharField(
        _("kind of organisation"), max_length=20, choices=Organisation.Kind.choices
    )
    offer = models.TextField(_("what I offer"), max_length=1000)
    seek = models.TextField(_("what I seek"), max_length=1000)
    markets = models.ManyToManyField(
        Market, blank=True, related_name="meeting_profiles", verbose_name=_("markets")
    )
    # Language codes between commas (",fr,de,"), so that a filter is a plain "contains".
    languages = models.CharField(_("languages spoken"), max_length=40, default=",fr,")
    unavailable_slots = models.ManyToManyField(
        MeetingSlot, blank=True, related_name="+", verbose_name=_("slots I am not available")
    )

    objects = MeetingProfileQuerySet.as_manager()

    class Meta:
        ordering = ["organisation_name", "display_name"]
        verbose_name = _("meeting profile")
        verbose_name_plural = _("meeting profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(languages__startswith=",") & Q(languages__endswith=","),
                name="events_meetingprofile_languages_format",
            ),
        ]

    def __str__(self):
        return f"{self.display_name} ({self.organisation_name})"

    def get_absolute_url(self):
        return reverse(
            "events:meetings-participant", kwargs={"slug": self.event.slug, "pk": self.pk}
        )

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def language_names(self) -> list[str]:
        names = dict(LANGUAGES)
        return [str(names.get(code, code)) for code in self.language_codes]
