"""What people ask for: enrolment requests, à-la-carte requests and satisfaction answers."""

from django.conf import settings
from django.core import signing
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Timestamped, account_field
from members.models import Organisation
from members.validators import validate_siret

SURVEY_SALT = "trainings.satisfaction-survey"


class EnrolmentStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING_LIST = "waiting_list", _("Waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")
    ABSENT = "absent", _("Absent")


# A request holds one of the session's seats from the moment it is made until it is
# cancelled or moved to the waiting list: requested and confirmed people hold a seat, and so
# do the attended and absent ones (they had a seat when the session took place). Waiting-list
# and cancelled requests hold none. A session never has more seat-holding requests than seats.
SEAT_HOLDING_STATUSES = (
    EnrolmentStatus.REQUESTED,
    EnrolmentStatus.CONFIRMED,
    EnrolmentStatus.ATTENDED,
    EnrolmentStatus.ABSENT,
)
# Statuses that only make sense once the session has started.
ATTENDANCE_STATUSES = (EnrolmentStatus.ATTENDED, EnrolmentStatus.ABSENT)
# Statuses the requester may still cancel from their space.
CANCELLABLE_STATUSES = (
    EnrolmentStatus.REQUESTED,
    EnrolmentStatus.CONFIRMED,
    EnrolmentStatus.WAITING_LIST,
)


class EnrolmentQuerySet(models.QuerySet):
    def of_user(self, user):
        """Requests ``user`` made or is the participant of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(requester=user) | Q(participant_user=user))

    def for_list(self):
        """Preloads the session, its training and the organisation."""
        return self.select_related("session__training", "organisation")

    def survey_due(self):
        """Attended requests of finished sessions whose questionnaire was never sent."""
        return self.filter(
            status=EnrolmentStatus.ATTENDED,
            session__end_date__lt=timezone.localdate(),
            survey_sent_at__isnull=True,
            satisfaction__isnull=True,
        ).exclude(participant_email="")

    def survey_to_answer(self):
        """Attended requests of finished sessions without an answer yet."""
        return self.filter(
            status=EnrolmentStatus.ATTENDED,
            session__end_date__lt=timezone.localdate(),
            satisfaction__isnull=True,
        )


class Enrolment(Timestamped):
    """A request for a seat in a session, made for oneself or for someone else."""

    Status = EnrolmentStatus

    class PriceCategory(models.TextChoices):
        MEMBER = "member", _("Member price")
        NON_MEMBER = "non_member", _("Non-member price")
        QUOTATION = "quotation", _("On quotation")

    class CertificationResult(models.TextChoices):
        NONE = "", _("Not recorded")
        PASSED = "passed", _("Passed")
        FAILED = "failed", _("Failed")

    session = models.ForeignKey(
        "trainings.Session",
        on_delete=models.PROTECT,
        related_name="enrolments",
        verbose_name=_("session"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.REQUESTED,
    )
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)

    # Who asked.
    requester = account_field(_("requester account"), related_name="training_requests")
    requester_name = models.CharField(_("requester name"), max_length=150)
    requester_email = models.EmailField(_("requester email"))
    requester_phone = models.CharField(_("requester phone"), max_length=30, blank=True)
    language = models.CharField(
        _("language of the emails"), max_length=2, choices=settings.LANGUAGES, default="fr"
    )

    # For which company.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_enrolments",
        verbose_name=_("member organisation"),
    )
    company_name = models.CharField(_("company"), max_length=200)
    company_siret = models.CharField(
        _("SIRET"), max_length=14, blank=True, validators=[validate_siret]
    )
    company_address = models.CharField(_("company address"), max_length=250, blank=True)
    company_postcode = models.CharField(_("company postcode"), max_length=12, blank=True)
    company_city = models.CharField(_("company city"), max_length=120, blank=True)

    # Who attends.
    participant_user = account_field(_("participant account"), related_name="training_enrolments")
    participant_first_name = models.CharField(_("participant first name"), max_length=150)
    participant_last_name = models.CharField(_("participant last name"), max_length=150)
    participant_email = models.EmailField(_("participant email"), blank=True)
    participant_job_title = models.CharField(_("participant job title"), max_length=150, blank=True)
    accessibility_needs = models.TextField(
        _("adjustments needed"),
        blank=True,
        help_text=_("Disability or other needs the trainers should prepare for."),
    )
    message = models.TextField(_("message"), blank=True)

    # Price snapshot at the time of the request.
    price_category = models.CharField(
        _("price category"), max_length=20, choices=PriceCategory.choices
    )
    price_excl_vat = models.DecimalField(
        _("price (excl. VAT)"), max_digits=8, decimal_places=2, null=True, blank=True
    )

    certification_result = models.CharField(
        _("certification result"),
        max_length=10,
        choices=CertificationResult.choices,
        blank=True,
        default=CertificationResult.NONE,
        help_text=_("For certifying courses: the result of the certification exam."),
    )
    survey_sent_at = models.DateTimeField(_("questionnaire sent"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("enrolment request")
        verbose_name_plural = _("enrolment requests")
        constraints = [
            models.UniqueConstraint(
                "session",
                Lower("participant_email"),
                condition=~Q(status="cancelled") & ~Q(participant_email=""),
                name="trainings_enrolment_once_per_session",
                violation_error_message=_("This person already has a request for this session."),
            ),
            models.CheckConstraint(
                condition=Q(price_excl_vat__isnull=True) | Q(price_excl_vat__gte=0),
                name="trainings_enrolment_price_positive",
            ),
        ]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self):
        return f"{self.participant_name} · {self.session}"

    def get_absolute_url(self):
        return reverse("trainings:enrolment-list")

    @property
    def participant_name(self) -> str:
        return f"{self.participant_first_name} {self.participant_last_name}".strip()

    @property
    def holds_seat(self) -> bool:
        return self.status in SEAT_HOLDING_STATUSES

    @property
    def is_cancellable(self) -> bool:
        """Whether the requester may still cancel it themselves (before the first day)."""
        return self.status in CANCELLABLE_STATUSES and not self.session.has_started

    @property
    def survey_token(self) -> str:
        """The participant's personal link token to the satisfaction questionnaire."""
        return signing.Signer(salt=SURVEY_SALT).sign_object(self.pk)

    @property
    def survey_path(self) -> str:
        return reverse("trainings:survey-answer", kwargs={"token": self.survey_token})

    @classmethod
    def pk_from_survey_token(cls, token: str) -> int | None:
        try:
            value = signing.Signer(salt=SURVEY_SALT).unsign_object(token)
        except signing.BadSignature:
            return None
        return value if isinstance(value, int) else None


class SatisfactionAnswer(models.Model):
    """A participant's answer to the satisfaction questionnaire sent after the session."""

    class Objectives(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    enrolment = models.OneToOneField(
        Enrolment,
        on_delete=models.CASCADE,
        related_name="satisfaction",
        verbose_name=_("enrolment"),
    )
    rating = models.PositiveSmallIntegerField(
        _("overall rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    objectives_met = models.CharField(
        _("objectives met"), max_length=10, choices=Objectives.choices
    )
    would_recommend = models.BooleanField(_("would recommend"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("satisfaction answer")
        verbose_name_plural = _("satisfaction answers")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="trainings_answer_rating_1_to_5"
            )
        ]

    def __str__(self):
        return f"{self.enrolment} · {self.rating}/5"

    def get_absolute_url(self):
        return self.enrolment.session.training.get_absolute_url() + "#results"

    @property
    def is_satisfied(self) -> bool:
        return self.rating >= SATISFIED_FROM


# A participant counts as satisfied with a rating of 4 or 5 out of 5.
SATISFIED_FROM = 4


class CustomRequestQuerySet(models.QuerySet):
    def of_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(requester=user)


class CustomRequest(Timestamped):
    """A request for an à-la-carte or intra-company training, handled by staff."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        QUOTED = "quoted", _("Quotation sent")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    class Format(models.TextChoices):
        ANY = "", _("No preference")
        IN_PERSON = "in_person", _("In person")
        REMOTE = "remote", _("Remote")
        BLENDED = "blended", _("Blended (in person and remote)")

    requester = account_field(_("requester account"), related_name="custom_training_requests")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="custom_training_requests",
        verbose_name=_("member organisation"),
    )
    company_name = models.CharField(_("company"), max_length=200)
    training = models.ForeignKey(
        "trainings.Training",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="custom_requests",
        verbose_name=_("based on the training"),
    )
    need = models.TextField(_("your need"))
    participants = models.PositiveSmallIntegerField(
        _("number of people"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    dates_wished = models.CharField(_("dates wished"), max_length=200)
    place = models.CharField(_("place"), max_length=200)
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, blank=True, default=Format.ANY
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    staff_notes = models.TextField(_("staff notes"), blank=True)
    language = models.CharField(
        _("language of the emails"), max_length=2, choices=settings.LANGUAGES, default="fr"
    )

    objects = CustomRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("à-la-carte request")
        verbose_name_plural = _("à-la-carte requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(participants__gte=1), name="trainings_custom_request_participants"
            )
        ]

    def __str__(self):
        return f"{self.company_name} · {self.need[:60]}"

    def get_absolute_url(self):
        return reverse("trainings:enrolment-list")
