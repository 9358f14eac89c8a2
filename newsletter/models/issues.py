"""Issues of the newsletter, their blocks and one delivery row per recipient."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Market
from core.models import Timestamped, account_field
from members.models import Organisation
from newsletter.models.subscribers import Subscriber

# A send with no message out for this long is taken as stopped, and resumed.
STALLED_AFTER = timedelta(minutes=10)


class IssueQuerySet(models.QuerySet):
    def in_archive(self):
        """Sent issues staff made public: the archive and its feed, newest first."""
        return self.filter(status=Issue.Status.SENT, is_public=True).order_by("-sent_at", "-pk")

    def search(self, text: str):
        """Issues whose subject or preview text, in French or English, contain ``text``."""
        return self.filter(
            Q(subject_fr__icontains=text)
            | Q(subject_en__icontains=text)
            | Q(preheader_fr__icontains=text)
            | Q(preheader_en__icontains=text)
        )

    def due(self, now=None):
        """Scheduled issues whose time has come, and sends a crash or a restart left
        half-way: "sending" with no message out for :data:`STALLED_AFTER` (a send still
        running is left to its worker, so that the throttle holds)."""
        now = now or timezone.now()
        busy = Delivery.objects.filter(
            issue=models.OuterRef("pk"), sent_at__gte=now - STALLED_AFTER
        )
        return self.filter(
            Q(status=Issue.Status.SCHEDULED, scheduled_at__lte=now)
            | Q(status=Issue.Status.SENDING, updated_at__lt=now - STALLED_AFTER)
            & ~models.Exists(busy)
        )


class Issue(Timestamped):
    """One issue of the newsletter, written in French and English from blocks."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    class Audience(models.TextChoices):
        ALL = "all", _("All subscribers")
        MEMBERS = "members", _("Members only")

    subject = models.CharField(_("subject"), max_length=150)
    preheader = models.CharField(
        _("preview text"),
        max_length=150,
        blank=True,
        help_text=_("The line mail programs show after the subject."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.ALL
    )
    markets = models.ManyToManyField(
        Market,
        blank=True,
        related_name="+",
        verbose_name=_("market interests"),
        help_text=_("Only subscribers interested in one of these markets (none: everyone)."),
    )
    region = models.CharField(
        _("region"),
        max_length=10,
        choices=Organisation.Region.choices,
        blank=True,
        help_text=_("Only subscribers of this region (empty: every region)."),
    )
    is_public = models.BooleanField(
        _("shown in the public archive"),
        default=True,
        help_text=_("Issues for members only should stay out of the archive."),
    )
    scheduled_at = models.DateTimeField(_("send at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0, editable=False)
    created_by = account_field(_("written by"))

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = [models.F("sent_at").desc(nulls_first=True), "-pk"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="scheduled") | Q(scheduled_at__isnull=False),
                name="newsletter_issue_scheduled_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="newsletter_issue_sent_has_date",
            ),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("newsletter:issue-detail", kwargs={"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)

    def recipients(self):
        """The confirmed subscribers this issue goes to (see SubscriberQuerySet.audience)."""
        return Subscriber.objects.audience(
            members_only=self.audience == self.Audience.MEMBERS,
            markets=[market.pk for market in self.markets.all()],
            region=self.region,
        )


class IssueBlock(models.Model):
    """A block of an issue: an editorial text, or an item of the portal (its title, a
    short text and its address, copied when it was picked, so the archive keeps what was
    sent)."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Editorial text")
        ARTICLE = "article", _("Article")
        EVENT = "event", _("Event")
        TRAINING = "training", _("Training")
        CALL = "call", _("Funding call")
        PARTNER_SEARCH = "partnersearch", _("Partner search")
        PROJECT = "project", _("Labelled project")
        ORGANISATION = "organisation", _("New member")

    issue = models.ForeignKey(
        Issue, on_delete=models.CASCADE, related_name="blocks", verbose_name=_("issue")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices, default=Kind.TEXT)
    object_id = models.PositiveBigIntegerField(_("item number"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    link = models.CharField(_("link"), max_length=300, blank=True)
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Left out of the copies for non-members and of the public archive."),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "kind", "object_id"],
                condition=Q(object_id__isnull=False),
                name="newsletter_block_item_once",
                violation_error_message=_("This item is already in the issue."),
            ),
            models.CheckConstraint(
                condition=Q(kind="text") | Q(object_id__isnull=False),
                name="newsletter_block_item_has_object",
            ),
        ]

    def __str__(self):
        return self.title or self.get_kind_display()

    def get_absolute_url(self):
        return self.issue.get_absolute_url()

    @property
    def absolute_link(self) -> str:
        if not self.link or self.link.startswith(("http://", "https://")):
            return self.link
        return settings.SITE_URL + self.link


class Delivery(models.Model):
    """The issue sent to one subscriber: created queued for the whole audience before the
    first message leaves, so a send that stopped half-way resumes with the rows still
    queued and never writes to anyone twice (one row per issue and subscriber)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    issue = models.ForeignKey(
        Issue, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("issue")
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        ordering = ["issue", "pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_delivery_once_per_subscriber"
            ),
        ]
        indexes = [models.Index(fields=["issue", "status"])]

    def __str__(self):
        return f"{self.issue} → {self.subscriber}"

    def get_absolute_url(self):
        return self.issue.get_absolute_url()
