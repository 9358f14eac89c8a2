from datetime import timedelta

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from content.images import RenditionImageField
from content.models import Market
from members.validators import (
    department_from_postcode,
    normalise_siret,
    region_of_department,
    validate_french_postcode,
    validate_siret,
)


class Competency(models.Model):
    """A term of the staff-curated vocabulary members describe their know-how with."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:organisation-list") + f"?competency={self.slug}"


class Certification(models.Model):
    """A quality or industry certification (ISO 9001, IATF 16949...)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:organisation-list") + f"?certification={self.slug}"


class MembershipSettings(models.Model):
    """Membership rules staff can change in the back-office (a single row)."""

    grace_days = models.PositiveSmallIntegerField(
        _("grace period (days)"),
        default=60,
        help_text=_(
            "An organisation whose paid period ended more than this many days ago leaves the "
            "public directory by itself."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("membership settings")
        verbose_name_plural = _("membership settings")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="members_settings_single_row")
        ]

    def __str__(self):
        return str(_("Membership settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> "MembershipSettings":
        settings_row, _created = cls.objects.get_or_create(pk=1)
        return settings_row


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        """Organisations whose membership is active and paid (within the grace period)."""
        grace = MembershipSettings.current().grace_days
        cutoff = timezone.localdate() - timedelta(days=grace)
        return self.filter(membership_status=Organisation.Status.ACTIVE).filter(
            Q(paid_until__isnull=True) | Q(paid_until__gte=cutoff)
        )

    def in_directory(self):
        """What the public directory lists: active, paid-up and not hidden by staff."""
        return self.active().filter(is_public=True)

    def of_user(self, user):
        """Organisations ``user`` belongs to (any role)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user).distinct()

    def editable_by(self, user):
        """Organisations ``user`` may edit: those they administer; all of them for staff."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self.all()
        return self.filter(
            memberships__user=user, memberships__role=Membership.Role.ADMIN
        ).distinct()


class Organisation(models.Model):
    """A member organisation (or an applicant, or a former member) of the cluster."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        STARTUP = "startup", _("Start-up")
        LAB = "lab", _("Research laboratory")
        EDUCATION = "education", _("Higher education & training")
        INSTITUTION = "institution", _("Institution & public body")
        ASSOCIATION = "association", _("Association")

    class SizeBand(models.TextChoices):
        MICRO = "micro", _("Micro (fewer than 10 people)")
        SME = "sme", _("SME (fewer than 250 people)")
        MIDCAP = "midcap", _("Mid-cap (fewer than 5,000 people)")
        LARGE = "large", _("Large (5,000 people or more)")

    class Region(models.TextChoices):
        BFC = "bfc", "Bourgogne-Franche-Comté"
        GRAND_EST = "grand-est", "Grand Est"
        FRANCE = "france", _("Elsewhere in France")
        ABROAD = "abroad", _("Abroad")

    class Status(models.TextChoices):
        APPLICANT = "applicant", _("Applicant")
        ACTIVE = "active", _("Active member")
        LAPSED = "lapsed", _("Lapsed")
        FORMER = "former", _("Former member")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    siret = models.CharField(
        _("SIRET"),
        max_length=14,
        blank=True,
        validators=[validate_siret],
        help_text=_("14 digits. Optional for laboratories and organisations outside France."),
    )
    size_band = models.CharField(_("size"), max_length=10, choices=SizeBand.choices, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    city = models.CharField(_("city"), max_length=120)
    country = models.CharField(
        _("country"),
        max_length=2,
        default="FR",
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use a two-letter country code (FR, DE...)."))],
        help_text=_("Two-letter ISO code."),
    )
    department = models.CharField(
        _("department"), max_length=3, blank=True, editable=False, db_index=True
    )
    region = models.CharField(_("region"), max_length=10, choices=Region.choices)
    website = models.URLField(_("website"), max_length=250, blank=True)
    logo = RenditionImageField(_("logo"), upload_to="logos/", blank=True, renditions=(96, 240, 480))
    pitch = models.CharField(_("short pitch"), max_length=300)
    pitch_en = models.CharField(_("short pitch in English"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    description_en = models.TextField(
        _("description in English"), blank=True, help_text=_("Markdown.")
    )
    markets = models.ManyToManyField(
        Market, blank=True, related_name="organisations", verbose_name=_("markets")
    )
    competencies = models.ManyToManyField(
        Competency, blank=True, related_name="organisations", verbose_name=_("competencies")
    )
    keywords = models.CharField(
        _("keywords"),
        max_length=300,
        blank=True,
        help_text=_("Free keywords, separated by commas."),
    )
    certifications = models.ManyToManyField(
        Certification, blank=True, related_name="organisations", verbose_name=_("certifications")
    )
    membership_status = models.CharField(
        _("membership status"), max_length=10, choices=Status.choices, default=Status.APPLICANT
    )
    member_since = models.DateField(_("member since"), null=True, blank=True)
    paid_until = models.DateField(
        _("paid until"), null=True, blank=True, help_text=_("End of the paid membership period.")
    )
    is_public = models.BooleanField(
        _("shown in the public directory"),
        default=True,
        help_text=_("Staff can hide an organisation from the directory."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(
        m2m_fields=[markets, competencies, certifications], excluded_fields=["updated_at"]
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=Q(siret="") | Q(siret__regex=r"^[0-9]{14}$"),
                name="members_organisation_siret_digits",
            ),
            models.CheckConstraint(
                condition=Q(paid_until__isnull=True)
                | Q(member_since__isnull=True)
                | Q(paid_until__gte=models.F("member_since")),
                name="members_organisation_paid_after_joining",
                violation_error_message=_("The paid period cannot end before the membership."),
            ),
        ]
        indexes = [models.Index(fields=["membership_status", "is_public", "paid_until"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.siret = normalise_siret(self.siret)
        self.derive_location()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:organisation-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        self.siret = normalise_siret(self.siret)
        if self.country == "FR" and self.postcode:
            validate_french_postcode(self.postcode)
        self.derive_location()

    def derive_location(self) -> None:
        """Department and region follow from the postcode in France."""
        if self.country == "FR":
            self.department = department_from_postcode(self.postcode) or ""
            if self.department:
                self.region = region_of_department(self.department)
        else:
            self.department = ""
            self.region = self.Region.ABROAD

    def is_admin(self, user) -> bool:
        """Whether ``user`` administers this organisation (staff count as admins)."""
        if not user.is_authenticated:
            return False
        if user.is_staff:
            return True
        return self.memberships.filter(user=user, role=Membership.Role.ADMIN).exists()

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


class Membership(models.Model):
    """A person's place in an organisation: their role and what they show of themselves."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Organisation admin")
        COLLEAGUE = "colleague", _("Colleague")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        MEMBERS = "members", _("Signed-in members only")
        HIDDEN = "hidden", _("Nobody")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.COLLEAGUE)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    visibility = models.CharField(
        _("name and role shown to"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["organisation__name", "user__last_name", "user__first_name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                name="members_membership_unique_person",
                violation_error_message=_("This person already belongs to this organisation."),
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.organisation}"

    def get_absolute_url(self):
        return self.organisation.get_absolute_url()
