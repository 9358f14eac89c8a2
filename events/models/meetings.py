"""Business meetings: a request between two participants of a meeting day, its place in
the schedule (slot and table) and what came of it."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import Timestamped


class MeetingQuerySet(models.QuerySet):
    def of_profile(self, profile):
        return self.filter(Q(requester=profile) | Q(recipient=profile))

    def accepted(self):
        return self.filter(status=Meeting.Status.ACCEPTED)

    def live(self):
        """Requests still pending or accepted (not declined, withdrawn or cancelled)."""
        return self.filter(status__in=Meeting.LIVE_STATUSES)

    def placed(self):
        return self.accepted().filter(slot__isnull=False)

    def with_people(self):
        return self.select_related("requester", "recipient", "slot")


class Meeting(Timestamped):
    """A meeting asked by ``requester`` to ``recipient``; once accepted it gets a slot and
    a table. ``is_fixed`` keeps it where staff put it when the placement runs again."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CANCELLED = "cancelled", _("Cancelled by the team")

    class Attendance(models.TextChoices):
        UNKNOWN = "", _("Not marked")
        HELD = "held", _("Held")
        MISSED = "missed", _("Missed")

    class FollowUp(models.TextChoices):
        YES = "yes", _("Yes")
        MAYBE = "maybe", _("Maybe")
        NO = "no", _("No")

    LIVE_STATUSES = ("pending", "accepted")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="meetings", verbose_name=_("event")
    )
    requester = models.ForeignKey(
        "events.MeetingProfile",
        on_delete=models.CASCADE,
        related_name="requests_sent",
        verbose_name=_("asked by"),
    )
    recipient = models.ForeignKey(
        "events.MeetingProfile",
        on_delete=models.CASCADE,
        related_name="requests_received",
        verbose_name=_("asked to"),
    )
    message = models.TextField(_("message"), max_length=600)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    slot = models.ForeignKey(
        "events.MeetingSlot",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("slot"),
    )
    table = models.PositiveSmallIntegerField(_("table"), null=True, blank=True)
    is_fixed = models.BooleanField(
        _("fixed by staff"), default=False, help_text=_("The placement leaves it where it is.")
    )
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default="", blank=True
    )
    requester_follow_up = models.CharField(
        _("follow-up (asker)"), max_length=5, choices=FollowUp.choices, blank=True
    )
    recipient_follow_up = models.CharField(
        _("follow-up (asked)"), max_length=5, choices=FollowUp.choices, blank=True
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["event", "slot__start", "table", "pk"]
        verbose_name = _("business meeting")
        verbose_name_plural = _("business meetings")
        constraints = [
            models.CheckConstraint(
                condition=~Q(requester=models.F("recipient")),
                name="events_meeting_not_with_oneself",
            ),
            models.UniqueConstraint(
                fields=["requester", "recipient"],
                condition=Q(status__in=("pending", "accepted")),
                name="events_meeting_one_live_request_per_pair",
                violation_error_message=_("A request between these two people is open already."),
            ),
            models.UniqueConstraint(
                fields=["event", "slot", "table"],
                condition=Q(slot__isnull=False),
                name="events_meeting_one_per_table_and_slot",
            ),
            # A placed meeting is accepted and has a table. (A table without a slot is
            # allowed: deleting a slot empties the slot of its meetings, not their table.)
            models.CheckConstraint(
                condition=Q(slot__isnull=True) | (Q(table__gte=1) & Q(status="accepted")),
                name="events_meeting_placed_means_accepted_at_a_table",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.requester.display_name} ↔ {self.recipient.display_name}"

    def get_absolute_url(self):
        return reverse("events:meetings-home", kwargs={"slug": self.event.slug})

    def other(self, profile):
        return self.recipient if profile.pk == self.requester_id else self.requester

    def follow_up_of(self, profile) -> str:
        if profile.pk == self.requester_id:
            return self.requester_follow_up
        return self.recipient_follow_up


class AgendaEntry(models.Model):
    """A participant's seat at a placed meeting: one row per person and meeting, so that
    the database itself refuses anyone in two meetings of the same slot."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="entries", verbose_name=_("meeting")
    )
    profile = models.ForeignKey(
        "events.MeetingProfile",
        on_delete=models.CASCADE,
        related_name="agenda",
        verbose_name=_("participant"),
    )
    slot = models.ForeignKey(
        "events.MeetingSlot",
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("slot"),
    )

    class Meta:
        ordering = ["slot__start"]
        verbose_name = _("agenda entry")
        verbose_name_plural = _("agenda entries")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "slot"], name="events_agendaentry_one_meeting_per_slot"
            ),
            models.UniqueConstraint(
                fields=["meeting", "profile"], name="events_agendaentry_once_per_meeting"
            ),
        ]

    def __str__(self):
        return f"{self.profile} · {self.slot}"
