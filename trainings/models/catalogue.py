"""The training catalogue: trainings, the offer with every Qualiopi field (their dated runs are
in ``sessions``)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Avg, Count, Max, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.catalogue import MarketTaggedQuerySet
from content.models import Market, Publishable, PublishableQuerySet, RoadmapObjective
from core.models import WithCover, cover_constraints, price_field
from core.search import text_filter
from members.models import Organisation
from trainings.codes import AUDIENCE_CODES, EMPLOYEES, CodeListValidator, split_codes
from trainings.models.enrolments import (
    SATISFIED_FROM,
    Enrolment,
    EnrolmentStatus,
    SatisfactionAnswer,
)
from trainings.models.sessions import Session

certification_code_validator = RegexValidator(
    r"^(RNCP|RS)\d{3,6}$",
    _("Write the code with its register: RNCP followed by digits, or RS followed by digits."),
)


class TrainingQuerySet(MarketTaggedQuerySet, PublishableQuerySet):
    def for_catalogue(self):
        """Cards of the catalogue: markets preloaded, next open session date annotated.

        ``next_session`` is the start date of the first session still to come (not cancelled),
        ``upcoming_count`` the number of such sessions.
        """
        today = timezone.localdate()
        upcoming = Q(sessions__start_date__gte=today) & ~Q(
            sessions__status=Session.Status.CANCELLED
        )
        return self.with_markets().annotate(
            next_session=Min("sessions__start_date", filter=upcoming),
            upcoming_count=Count("sessions", filter=upcoming, distinct=True),
        )

    def with_upcoming_sessions(self):
        today = timezone.localdate()
        return self.filter(
            pk__in=Session.objects.filter(start_date__gte=today)
            .exclude(status=Session.Status.CANCELLED)
            .values("training_id")
        )

    def certifying(self):
        """Certifying courses only."""
        return self.filter(is_certifying=True)

    def search(self, text: str):
        """Trainings whose title, summary, objectives or audience contain every word of
        ``text`` (ignoring accents on PostgreSQL)."""
        fields = [
            f"{field}_{language}"
            for field in ("title", "summary", "objectives", "target_audience")
            for language in ("fr", "en")
        ]
        return self.filter(text_filter([*fields, "certification_code"], text))


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


@dataclass(frozen=True)
class TrainingResults:
    """A training's results, computed from the answers and attendance recorded."""

    answers: int = 0
    satisfied: int = 0
    average_rating: float | None = None
    recommend: int = 0
    objectives_met: int = 0
    survey_from: date | None = None
    survey_to: date | None = None
    attended: int = 0
    absent: int = 0
    attendance_from: date | None = None
    attendance_to: date | None = None
    passed: int = 0
    failed: int = 0

    @property
    def satisfaction_rate(self) -> int | None:
        """Share of answers rating the training 4 or 5 out of 5, in percent."""
        return _percent(self.satisfied, self.answers)

    @property
    def recommend_rate(self) -> int | None:
        return _percent(self.recommend, self.answers)

    @property
    def objectives_rate(self) -> int | None:
        return _percent(self.objectives_met, self.answers)

    @property
    def completion_rate(self) -> int | None:
        """Share of participants expected at finished sessions who attended, in percent."""
        return _percent(self.attended, self.attended + self.absent)

    @property
    def pass_rate(self) -> int | None:
        """Share of recorded certification results that are a pass, in percent."""
        return _percent(self.passed, self.passed + self.failed)

    @property
    def certification_results(self) -> int:
        return self.passed + self.failed

    @property
    def has_any(self) -> bool:
        return bool(self.answers or self.attended or self.absent)


class Training(WithCover, Publishable):
    """A training offer, with every piece of information Qualiopi asks to publish."""

    # The texts written in French and in English: each has ``<name>_fr`` and ``<name>_en``
    # columns (django-modeltranslation, registered in trainings/translation.py), and the
    # plain ``<name>`` reads the page's language, French by default.
    TRANSLATED_FIELDS = (
        "title",
        "summary",
        "objectives",
        "prerequisites",
        "target_audience",
        "outcome",
        "programme",
        "teaching_methods",
        "evaluation_methods",
        "place",
        "access_methods",
        "disability_access",
        "certification_title",
        "skill_blocks",
        "seo_title",
        "seo_description",
        "cover_alt",
    )

    class Theme(models.TextChoices):
        TECHNOLOGY = "technology", _("Technologies & engineering")
        SAFETY = "safety", _("Safety, quality & regulations")
        PERFORMANCE = "performance", _("Industrial performance")
        DIGITAL = "digital", _("Digital & data")
        MANAGEMENT = "management", _("Management & strategy")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        REMOTE = "remote", _("Remote")
        BLENDED = "blended", _("Blended (in person and remote)")

    class EntryLevel(models.TextChoices):
        # Values are codes of the LHEO dictionary "dict-niveaux" (element code-niveau-entree):
        # 1 is "no specific level", 11 to 18 are levels 1 to 8 of the national qualification
        # framework (the 2019 nomenclature, aligned with the European framework).
        NONE = "1", _("No specific level")
        LEVEL_3 = "13", _("Level 3 (CAP, BEP)")
        LEVEL_4 = "14", _("Level 4 (baccalauréat)")
        LEVEL_5 = "15", _("Level 5 (two years of higher education)")
        LEVEL_6 = "16", _("Level 6 (bachelor's degree)")
        LEVEL_7 = "17", _("Level 7 (master's degree, engineer)")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    markets = models.ManyToManyField(
        Market, blank=True, related_name="trainings", verbose_name=_("markets")
    )
    roadmap_objectives = models.ManyToManyField(
        RoadmapObjective,
        blank=True,
        related_name="trainings",
        verbose_name=_("roadmap objectives"),
        help_text=_("The objectives of the roadmap this item serves."),
    )
    summary = models.CharField(_("summary"), max_length=300)

    # What participants learn and who the training is for.
    objectives = models.TextField(
        _("objectives"), blank=True, help_text=_("One objective per line, starting with a verb.")
    )
    prerequisites = models.TextField(
        _("prerequisites"), blank=True, help_text=_("Write “None” if there are none.")
    )
    target_audience = models.TextField(_("target audience"), blank=True)
    outcome = models.TextField(
        _("expected results"),
        blank=True,
        help_text=_("What participants obtain: skills, certificate of completion, certification."),
    )
    duration_hours = models.DecimalField(
        _("duration in hours"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    duration_days = models.DecimalField(
        _("duration in days"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    programme = models.TextField(
        _("programme"), blank=True, help_text=_("Markdown: the detailed content, part by part.")
    )

    # How it is taught and assessed.
    teaching_methods = models.TextField(_("teaching methods"), blank=True)
    evaluation_methods = models.TextField(_("evaluation methods"), blank=True)
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON
    )
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Where sessions usually take place, e.g. “Étupes (Doubs) or at your site”."),
    )

    # How to get in.
    access_methods = models.TextField(
        _("access methods"), blank=True, help_text=_("How to enrol, step by step.")
    )
    access_delay_days = models.PositiveSmallIntegerField(
        _("access delay (days)"),
        default=10,
        help_text=_(
            "Requests close this many days before a session starts, unless the session sets "
            "its own deadline."
        ),
    )
    entry_level = models.CharField(
        _("entry level"), max_length=2, choices=EntryLevel.choices, default=EntryLevel.NONE
    )

    # Prices, excluding VAT.
    price_member = price_field(_("price for members (excl. VAT)"), null=True, blank=True)
    price_non_member = price_field(_("price for non-members (excl. VAT)"), null=True, blank=True)
    on_quotation = models.BooleanField(
        _("price on quotation"),
        default=False,
        help_text=_("For à-la-carte and intra-company trainings: no fixed price is published."),
    )
    fundable = models.BooleanField(
        _("can be funded"),
        default=True,
        help_text=_("Employers can ask their skills operator (OPCO) to fund it."),
    )

    # Disability access and contacts.
    disability_access = models.TextField(
        _("disability access"),
        blank=True,
        help_text=_("Accessibility of the premises and the adjustments that can be made."),
    )
    disability_referent_name = models.CharField(
        _("disability referent"), max_length=150, blank=True
    )
    disability_referent_email = models.EmailField(_("disability referent email"), blank=True)
    disability_referent_phone = models.CharField(
        _("disability referent phone"), max_length=25, blank=True
    )
    contact_name = models.CharField(_("contact name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=25, blank=True)
    trainer = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trainings_given",
        verbose_name=_("delivered by"),
        help_text=_("The member organisation whose experts teach it, if not the cluster itself."),
    )

    # Certifying courses.
    is_certifying = models.BooleanField(_("certifying course"), default=False)
    certification_title = models.CharField(_("certification title"), max_length=250, blank=True)
    certification_code = models.CharField(
        _("RNCP or RS code"),
        max_length=12,
        blank=True,
        validators=[certification_code_validator],
        help_text=_("For example RNCP35123 or RS5610."),
    )
    certifying_body = models.CharField(_("certifying body"), max_length=250, blank=True)
    skill_blocks = models.TextField(
        _("skill blocks"), blank=True, help_text=_("One block of skills per line.")
    )

    # Classification for the national exchange format.
    nsf_codes = models.CharField(
        _("NSF codes"),
        max_length=40,
        blank=True,
        validators=[CodeListValidator(length=3, limit=3)],
        help_text=_("Up to three training speciality codes (3 digits), e.g. 255, 252."),
    )
    formacodes = models.CharField(
        _("Formacode codes"),
        max_length=60,
        blank=True,
        validators=[CodeListValidator(length=5, limit=5)],
        help_text=_("Up to five Formacode subject codes (5 digits), separated by commas."),
    )
    public_codes = models.CharField(
        _("audiences"),
        max_length=60,
        default=EMPLOYEES,
        validators=[CodeListValidator(length=5, limit=10, allowed=tuple(AUDIENCE_CODES))],
        help_text=_("Who the training is for, in the national format's audience list."),
    )

    objects = TrainingQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        constraints = [
            models.CheckConstraint(
                condition=Q(price_member__isnull=True) | Q(price_member__gte=0),
                name="trainings_training_member_price_positive",
            ),
            models.CheckConstraint(
                condition=Q(price_non_member__isnull=True) | Q(price_non_member__gte=0),
                name="trainings_training_price_positive",
            ),
            *cover_constraints(),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("trainings:training-detail", kwargs={"slug": self.slug})

    # Publication gate -------------------------------------------------------------------

    TEXT_REQUIRED = (
        "title",
        "summary",
        "objectives",
        "prerequisites",
        "target_audience",
        "outcome",
        "programme",
        "teaching_methods",
        "evaluation_methods",
        "access_methods",
        "place",
        "disability_access",
        "disability_referent_name",
        "disability_referent_email",
        "contact_name",
        "contact_email",
    )
    CERTIFICATION_REQUIRED = (
        "certification_title",
        "certification_code",
        "certifying_body",
        "skill_blocks",
    )

    def _filled(self, name: str) -> bool:
        # Translated fields must at least exist in French, the default language.
        value = getattr(self, f"{name}_fr" if name in self.TRANSLATED_FIELDS else name)
        return bool(str(value).strip()) if value is not None else False

    def _label(self, name: str) -> str:
        return str(self._meta.get_field(name).verbose_name)

    def publication_problems(self, markets=None) -> list[str]:
        """Names of the mandatory pieces of information that are still missing.

        ``markets`` are the markets about to be saved (from a form); by default the stored
        ones are read (one query), or none for an unsaved training.
        """
        missing = [self._label(name) for name in self.TEXT_REQUIRED if not self._filled(name)]
        if markets is None:
            markets = list(self.markets.all()) if self.pk else []
        if not markets:
            missing.append(str(_("at least one market")))
        for name in ("duration_hours", "duration_days"):
            if getattr(self, name) is None:
                missing.append(self._label(name))
        if not self.on_quotation:
            for name in ("price_member", "price_non_member"):
                if getattr(self, name) is None:
                    missing.append(self._label(name))
        if self.is_certifying:
            missing += [
                self._label(name) for name in self.CERTIFICATION_REQUIRED if not self._filled(name)
            ]
        return missing

    def clean(self):
        super().clean()
        if (
            self.duration_hours
            and self.duration_days
            and self.duration_days * 24 < (self.duration_hours)
        ):
            raise ValidationError(
                {"duration_hours": _("More hours than the days can hold: check both durations.")}
            )
        if (
            self.price_member is not None
            and self.price_non_member is not None
            and self.price_member > self.price_non_member
        ):
            raise ValidationError(
                {"price_member": _("The member price cannot be higher than the non-member price.")}
            )

    # Presentation helpers ---------------------------------------------------------------

    @property
    def objective_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.objectives.splitlines() if line.strip()]

    @property
    def skill_block_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.skill_blocks.splitlines() if line.strip()]

    @property
    def nsf_code_list(self) -> list[str]:
        return split_codes(self.nsf_codes)

    @property
    def formacode_list(self) -> list[str]:
        return split_codes(self.formacodes)

    @property
    def public_code_list(self) -> list[str]:
        return split_codes(self.public_codes)

    @property
    def certification_register(self) -> str:
        """ "RNCP" or "RS" (the register the certification code belongs to)."""
        return "RNCP" if self.certification_code.startswith("RNCP") else "RS"

    @property
    def certification_number(self) -> str:
        return self.certification_code.removeprefix("RNCP").removeprefix("RS")

    def results(self) -> TrainingResults:
        """Satisfaction, completion and pass rates from recorded data (two queries)."""
        survey = SatisfactionAnswer.objects.filter(enrolment__session__training=self).aggregate(
            answers=Count("pk"),
            satisfied=Count("pk", filter=Q(rating__gte=SATISFIED_FROM)),
            average_rating=Avg("rating"),
            recommend=Count("pk", filter=Q(would_recommend=True)),
            objectives_met=Count("pk", filter=Q(objectives_met=SatisfactionAnswer.Objectives.YES)),
            survey_from=Min("enrolment__session__start_date"),
            survey_to=Max("enrolment__session__end_date"),
        )
        recorded = Q(status__in=(EnrolmentStatus.ATTENDED, EnrolmentStatus.ABSENT))
        attendance = Enrolment.objects.filter(
            recorded, session__training=self, session__end_date__lt=timezone.localdate()
        ).aggregate(
            attended=Count("pk", filter=Q(status=EnrolmentStatus.ATTENDED)),
            absent=Count("pk", filter=Q(status=EnrolmentStatus.ABSENT)),
            attendance_from=Min("session__start_date"),
            attendance_to=Max("session__end_date"),
            passed=Count("pk", filter=Q(certification_result="passed")),
            failed=Count("pk", filter=Q(certification_result="failed")),
        )
        return TrainingResults(**survey, **attendance)

    @property
    def has_prices(self) -> bool:
        return not self.on_quotation and self.price_non_member is not None
