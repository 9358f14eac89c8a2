"""Model pieces shared by the apps: timestamps, a decision with who and when, the field of a
price, the link to the account of the person behind a row, and text in the reader's
language."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.images import RenditionImageField, crop_url
from core.storage import private_storage


def account_field(verbose_name, related_name="+", **options) -> models.ForeignKey:
    """The optional link to the account of the person who wrote, asked or did something.
    The row is a record worth keeping: when the account is deleted the link empties and the
    row stays. ``related_name="+"`` when the account needs no way back to these rows;
    ``options`` are those of any field (``help_text``...)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
        **options,
    )


class Timestamped(models.Model):
    """When the row was created and last changed."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Decided(models.Model):
    """A request someone from the cluster or an organisation answers: who and when.

    ``decide(by=user)`` stamps the decision; the caller sets the outcome and saves with
    ``update_fields`` including :attr:`DECISION_FIELDS`."""

    DECISION_FIELDS = ["decided_at", "decided_by"]

    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = account_field(_("decided by"))

    class Meta:
        abstract = True

    def decide(self, *, by) -> None:
        self.decided_at = timezone.now()
        self.decided_by = by if by is not None and by.is_authenticated else None


def price_field(verbose_name, **options) -> models.DecimalField:
    """The field of a price someone types: euros to the cent, up to 999,999.99, never
    negative. ``options`` are those of any field (``default``, ``null``, ``help_text``...).

    The validator only guards forms: a model whose database must refuse a negative price
    too adds its own check constraint."""
    return models.DecimalField(
        verbose_name,
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        **options,
    )


# Covers: widths of the renditions in srcset, and the picture shared on social networks.
COVER_RENDITIONS = (480, 960, 1600)
SOCIAL_IMAGE_SIZE = (1200, 630)
# Focal points are rounded to this step (in %) for the CSS classes that place the picture.
FOCAL_STEP = 5


def cover_path(instance, filename: str) -> str:
    return f"covers/{instance._meta.model_name}/{timezone.now():%Y}/{filename}"


def cover_constraints() -> list:
    """The database checks of a ``WithCover`` model (add them to its ``Meta.constraints``):
    the focal point lies within the picture, 0 to 100 % across and down."""
    return [
        models.CheckConstraint(
            condition=models.Q(**{f"{field}__gte": 0, f"{field}__lte": 100}),
            name=f"%(app_label)s_%(class)s_{field}_range",
            violation_error_message=_("The focal point is a percentage, from 0 to 100."),
        )
        for field in ("cover_focal_x", "cover_focal_y")
    ]


class WithCover(models.Model):
    """A cover picture: its text alternative and its focal point.

    The original is cleaned and stored with WebP renditions (``COVER_RENDITIONS`` wide, for
    ``srcset``) and a ``SOCIAL_IMAGE_SIZE`` crop around the focal point for social networks
    (:attr:`social_image`). The focal point, in percentages across and down, keeps the
    subject in view wherever the picture is cropped: by CSS (``object-position``, through
    :attr:`cover_position_class`) and in the crops. Drawn by ``includes/cover.html``.
    A concrete model adds ``*cover_constraints()`` to its ``Meta.constraints``.
    """

    cover = RenditionImageField(
        _("cover image"),
        upload_to=cover_path,
        blank=True,
        renditions=COVER_RENDITIONS,
        crops=(SOCIAL_IMAGE_SIZE,),
        focal=("cover_focal_x", "cover_focal_y"),
        help_text=_("PNG, JPEG, WebP or GIF, 5 MB at most; ideally 1600 pixels wide or more."),
    )
    cover_alt = models.CharField(
        _("cover description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    cover_focal_x = models.PositiveSmallIntegerField(
        _("focal point across (%)"),
        default=50,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Where the subject is, from the left edge (0) to the right edge (100)."),
    )
    cover_focal_y = models.PositiveSmallIntegerField(
        _("focal point down (%)"),
        default=50,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Where the subject is, from the top (0) to the bottom (100)."),
    )

    COVER_FIELDS = ["cover", "cover_alt", "cover_focal_x", "cover_focal_y"]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        # A focal point left empty is the centre.
        for field in ("cover_focal_x", "cover_focal_y"):
            if getattr(self, field) is None:
                setattr(self, field, 50)
        if self.cover and not self.cover_alt.strip():
            # Said next to the picture: translated models edit the description in
            # several fields (cover_alt_fr, cover_alt_en), which forms name differently.
            message = _(
                "Describe this image in the cover description, for people who cannot see it."
            )
            raise ValidationError({"cover": ValidationError(message, code="no_description")})

    @property
    def cover_position_class(self) -> str:
        """CSS classes placing the focal point (``object-position``; the CSP forbids inline
        styles), rounded to ``FOCAL_STEP`` %."""

        def step(value) -> int:
            return min(100, max(0, round((value or 0) / FOCAL_STEP) * FOCAL_STEP))

        return f"focal-x-{step(self.cover_focal_x)} focal-y-{step(self.cover_focal_y)}"

    @property
    def social_image(self) -> str:
        """The address of the ``SOCIAL_IMAGE_SIZE`` crop of the cover (relative to the site
        when media are on the disk; build the absolute address with the request), or ""."""
        return crop_url(self.cover, SOCIAL_IMAGE_SIZE)


def localized(field: str) -> property:
    """A read-only property giving the English version of ``field`` (``<field>_en``) when the
    page is in English and the author wrote one, the French text otherwise: the English
    version is optional, the French one is always there."""

    def read(instance) -> str:
        english = getattr(instance, f"{field}_en")
        return english if get_language() == "en" and english else getattr(instance, field)

    read.__doc__ = f"``{field}`` in the reader's language (French when no English is given)."
    return property(read)


class OutgoingEmail(models.Model):
    """One email on its way out: the outbox of the mail service (core.mail).

    The row is written in the transaction of the change that sends the email, so an email
    exists exactly when its change does. The delivery task (core.tasks.deliver_email) locks
    the row, sends the message once, and marks it sent; an SMTP failure counts an attempt
    and tries again later, a second run of the task for a sent email does nothing."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed (gave up)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.CharField(_("subject"), max_length=998)
    recipients = models.TextField(_("recipients"))
    payload = models.JSONField(_("message"), help_text=_("Text, HTML, headers, attachments."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "sent", "failed"]),
                name="core_outgoingemail_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status="sent", sent_at__isnull=False)
                | (~models.Q(status="sent") & models.Q(sent_at__isnull=True)),
                name="core_outgoingemail_sent_at_iff_sent",
            ),
        ]

    def __str__(self):
        return f"{self.subject} → {self.recipients}"


def export_path(instance, filename: str) -> str:
    return f"exports/{instance.pk}/{filename}"


class ExportFile(models.Model):
    """A long export written by a task to the private storage, downloaded by the person who
    asked for it (core.views.export_download) until it expires."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("requested by"),
    )
    name = models.CharField(_("file name"), max_length=200)
    file = models.FileField(_("file"), upload_to=export_path, storage=private_storage)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="core_exportfile_expires_after_creation",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("export-download", args=[self.pk])


class PageViewDayQuerySet(models.QuerySet):
    def of(self, obj):
        """The rows of one item (an organisation, a project...)."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=obj.pk,
        )

    def between(self, start, end):
        """Days from ``start`` to ``end``, both included."""
        return self.filter(day__gte=start, day__lte=end)

    def by_month(self) -> dict:
        """``{first day of the month: views}`` (one query)."""
        rows = (
            self.annotate(month=TruncMonth("day"))
            .order_by()
            .values("month")
            .annotate(total=Sum("views"))
            .values_list("month", "total")
        )
        return dict(rows)


class PageViewDay(models.Model):
    """How many times the public page of one item was viewed on one day (core.audience).

    Nothing about the readers is kept: no address, no cookie, no account, only the count."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("kind of page"),
    )
    object_id = models.PositiveBigIntegerField(_("item"))
    item = GenericForeignKey("content_type", "object_id")
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageViewDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("page views of a day")
        verbose_name_plural = _("page views per day")
        ordering = ["-day", "-views"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "day"], name="core_pageviewday_one_per_day"
            ),
            models.CheckConstraint(
                condition=models.Q(views__gte=0), name="core_pageviewday_views_not_negative"
            ),
        ]
        indexes = [models.Index(fields=["day"], name="core_pageviewday_day_idx")]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} · {self.day}: {self.views}"

    def get_absolute_url(self):
        return reverse("admin:core_pageviewday_audience")
