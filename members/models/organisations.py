"""Member organisations, with the vocabularies they describe themselves with and the
membership settings."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.permissions import acts_as_staff
from content.catalogue import MarketTaggedQuerySet
from content.models import Market
from core import hooks, pagecache
from core.countries import country_name
from core.errors import PortalError
from core.images import RenditionImageField
from core.markdown import markdown_to_text
from core.models import Timestamped
from members import search
from members.geography import department_name
from members.models.memberships import Membership
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

    def save(self, *args, **kwargs):
        previous = (
            Competency.objects.filter(pk=self.pk).values_list("name_fr", "name_en").first()
            if self.pk
            else None
        )
        super().save(*args, **kwargs)
        # Organisations are found by the names of their competencies, in both languages.
        if previous is not None and previous != (self.name_fr, self.name_en):
            Organisation.objects.filter(competencies=self).refresh_search_text()

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

    CACHE_KEY = "members:settings:grace-days"

    @classmethod
    def current(cls) -> "MembershipSettings":
        settings_row, _created = cls.objects.get_or_create(pk=1)
        return settings_row

    @classmethod
    def grace(cls) -> int:
        """The grace period in days, kept in the shared cache (every directory query uses it)
        until the settings are saved; the pages that use it depend on it (core.pagecache)."""
        return pagecache.cached_fragment(
            cls.CACHE_KEY, cls._read_grace, per_language=False, timeout=300
        )

    @classmethod
    def _read_grace(cls) -> int:
        # Read without creating the row: a write while building the fragment would make it
        # stale at once (the default applies until staff save the settings).
        days = cls.objects.filter(pk=1).values_list("grace_days", flat=True).first()
        return cls._meta.get_field("grace_days").default if days is None else days


class OrganisationHasHistory(PortalError):
    """An organisation with history (projects, registrations...) is archived, never deleted."""

    def __init__(self, organisation, history):
        self.organisation = organisation
        self.history = history
        super().__init__(
            _(
                "%(name)s cannot be deleted: the portal keeps its history (%(history)s). "
                "Archive it as a former member instead."
            )
            % {"name": organisation, "history": describe_history(history)},
            reason="history",
        )


def describe_history(history) -> str:
    """``[(label, count), ...]`` as "projects: 2, event registrations: 14"."""
    return ", ".join(f"{label}: {count}" for label, count in history)


class OrganisationQuerySet(MarketTaggedQuerySet):
    def delete(self):
        """Refused as a whole when one of the organisations has history (see
        :meth:`Organisation.delete`)."""
        for organisation in self:
            history = organisation.history_kept()
            if history:
                raise OrganisationHasHistory(organisation, history)
        return super().delete()

    def active(self):
        """Organisations whose membership is active and paid (within the grace period)."""
        cutoff = timezone.localdate() - timedelta(days=MembershipSettings.grace())
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
        """Organisations ``user`` may edit (profile, people, platforms): those they
        administer; all of them for staff. The one definition of that rule: views, other
        apps and ``members.permissions.can_edit_organisation`` ask it here."""
        if not user.is_authenticated:
            return self.none()
        if acts_as_staff(user):
            return self.all()
        return self.filter(
            memberships__user=user, memberships__role=Membership.Role.ADMIN
        ).distinct()

    def search(self, query: str):
        """Organisations matching every word of ``query`` in their name, pitch, description,
        competencies, keywords or city; accents and case ignored (see ``members.search``)."""
        return search.filter_by_query(self, query)

    def in_directory_order(self, sort: str = "", query: str = ""):
        """The directory's sort orders: ``"newest"`` members first (those without a date
        last), ``"relevance"`` (best matches of ``query`` first on PostgreSQL); by default
        by name, or by relevance when there is a query."""
        if sort == "newest":
            # Organisations without a date (imported lists) come last, on every database.
            return self.order_by(F("member_since").desc(nulls_last=True), "sort_name", "pk")
        if sort == "relevance" or (not sort and search.query_terms(query)):
            return search.order_by_relevance(self, query, "sort_name", "pk")
        return self.order_by("sort_name", "pk")

    def departments(self) -> list[str]:
        """The codes of the departments these organisations are in, sorted (one query)."""
        codes = self.exclude(department="").order_by().values_list("department", flat=True)
        return sorted(codes.distinct())

    def for_cards(self):
        """What a directory card shows: the markets are prefetched."""
        return self.with_markets()

    def with_completeness(self):
        """Annotate the counts the completeness indicator needs (one query in all)."""
        through_markets = Organisation.markets.through.objects.filter(
            organisation=models.OuterRef("pk")
        )
        through_competencies = Organisation.competencies.through.objects.filter(
            organisation=models.OuterRef("pk")
        )
        return self.annotate(
            market_count=_count(through_markets),
            competency_count=_count(through_competencies),
            platform_count=_count(
                _platform_model().objects.filter(organisation=models.OuterRef("pk"))
            ),
            public_people_count=_count(
                Membership.objects.filter(
                    organisation=models.OuterRef("pk"), visibility=Membership.Visibility.PUBLIC
                )
            ),
        )

    def refresh_search_text(self) -> int:
        """Rewrite ``search_text`` and ``sort_name`` of these organisations (no history)."""
        changed = []
        for organisation in self.prefetch_related("competencies").iterator(chunk_size=500):
            organisation.sort_name = search.normalise(organisation.name)[:200]
            organisation.search_text = organisation.build_search_text()
            changed.append(organisation)
        Organisation.objects.bulk_update(changed, ["search_text", "sort_name"], batch_size=500)
        return len(changed)


def _count(queryset, group_by: str = "organisation"):
    """A correlated ``COUNT(*)`` subquery: several of them never multiply rows like joins."""
    counted = queryset.order_by().values(group_by).annotate(total=Count("pk")).values("total")
    return Coalesce(models.Subquery(counted[:1], output_field=models.IntegerField()), 0)


def _platform_model():
    from members.models.platforms import Platform

    return Platform


class Organisation(Timestamped):
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
    # In French (pitch_fr) and English (pitch_en), see members/translation.py; the plain
    # name reads the page's language and falls back to French.
    pitch = models.CharField(_("short pitch"), max_length=300)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
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
    # Set when the status becomes "former member" (archived), emptied if it comes back.
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True, editable=False)
    # Derived on save (see members.search): folded words for search, folded name for sorting.
    search_text = models.TextField(_("search text"), blank=True, default="", editable=False)
    # PostgreSQL keeps the French full-text vector of search_text here, by a trigger; it
    # stays empty on other databases (see members.search).
    search_vector = SearchVectorField(null=True, editable=False)
    sort_name = models.CharField(
        _("sort name"), max_length=200, blank=True, default="", editable=False
    )

    # The history is registered in members/translation.py, after the translated fields.

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
        indexes = [
            models.Index(fields=["membership_status", "is_public", "paid_until"]),
            models.Index(fields=["sort_name"], name="members_org_sort_name_idx"),
            models.Index(fields=["region", "kind"], name="members_org_region_kind_idx"),
            models.Index(fields=["-member_since"], name="members_org_member_since_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.siret = normalise_siret(self.siret)
        self.derive_location()
        self.sort_name = search.normalise(self.name)[:200]
        self.search_text = self.build_search_text()
        if self.membership_status != self.Status.FORMER:
            self.archived_at = None
        elif self.archived_at is None:
            self.archived_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text", "sort_name", "archived_at"}
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        """Only an organisation without history may be deleted (one created by mistake);
        otherwise :class:`OrganisationHasHistory` is raised: archive it instead."""
        history = self.history_kept()
        if history:
            raise OrganisationHasHistory(self, history)
        return super().delete(*args, **kwargs)

    def history_kept(self) -> list[tuple]:
        """``(label, count)`` of what the other apps keep about this organisation: its
        projects, registrations, training requests... (declared with ``hooks.history``)."""
        if self.pk is None:
            return []
        return hooks.history_of(self)

    @property
    def is_archived(self) -> bool:
        return self.membership_status == self.Status.FORMER

    def get_absolute_url(self):
        return reverse("members:organisation-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        self.siret = normalise_siret(self.siret)
        if self.country == "FR" and self.postcode:
            try:
                validate_french_postcode(self.postcode)
            except ValidationError as error:
                raise ValidationError({"postcode": error}) from None
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

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]

    def build_search_text(self) -> str:
        """The folded words the directory search looks into (competencies in both languages)."""
        competencies = []
        if self.pk:
            for competency in self.competencies.all():
                competencies += [competency.name_fr, competency.name_en]
        return search.search_document(
            self.name,
            self.pitch_fr,
            self.pitch_en,
            markdown_to_text(self.description_fr),
            markdown_to_text(self.description_en),
            self.keywords.replace(",", " "),
            self.city,
            *competencies,
        )

    def refresh_search_text(self) -> None:
        """Rewrite ``search_text`` after its competencies changed, without a history entry."""
        self.search_text = self.build_search_text()
        Organisation.objects.filter(pk=self.pk).update(search_text=self.search_text)

    @property
    def is_listed(self) -> bool:
        """Whether the public directory shows this organisation (same rule as in_directory)."""
        if self.membership_status != self.Status.ACTIVE or not self.is_public:
            return False
        if self.paid_until is None:
            return True
        grace = MembershipSettings.grace()
        return self.paid_until >= timezone.localdate() - timedelta(days=grace)

    @property
    def department_label(self) -> str:
        """ "Doubs (25)", or "" outside France."""
        if not self.department:
            return ""
        name = department_name(self.department)
        return f"{name} ({self.department})" if name else self.department

    @property
    def country_label(self) -> str:
        return country_name(self.country)

    @property
    def location_label(self) -> str:
        """ "Besançon, Doubs (25)"; "Basel, Switzerland" abroad."""
        if self.country != "FR":
            parts = [self.city, self.country_label]
        else:
            parts = [self.city, self.department_label or self.get_region_display()]
        return ", ".join(part for part in parts if part)

    @property
    def email_domain(self) -> str:
        """The domain of the website ("voltaria-demo.example"), lower-case, without "www."."""
        host = (urlsplit(self.website).hostname or "").lower()
        return host.removeprefix("www.")

    def matches_email(self, email: str) -> bool:
        """Whether ``email`` belongs to this organisation's domain (or one of its subdomains)."""
        domain = self.email_domain
        if not domain or "@" not in email:
            return False
        email_domain = email.rsplit("@", 1)[1].lower()
        return email_domain == domain or email_domain.endswith("." + domain)

    def completeness(self) -> "Completeness":
        """What the profile has and lacks, for its admins. Uses the counts of
        ``OrganisationQuerySet.with_completeness()`` when present, queries otherwise."""
        counts = {}
        for name, related in (
            ("market_count", self.markets),
            ("competency_count", self.competencies),
            ("platform_count", self.platforms),
            (
                "public_people_count",
                self.memberships.filter(visibility=Membership.Visibility.PUBLIC),
            ),
        ):
            value = getattr(self, name, None)
            counts[name] = related.count() if value is None else value
        items = [
            ("logo", _("a logo"), bool(self.logo)),
            ("website", _("the website"), bool(self.website)),
            ("description", _("a description"), len((self.description_fr or "").strip()) >= 80),
            ("markets", _("its markets"), counts["market_count"] > 0),
            ("competencies", _("its competencies"), counts["competency_count"] > 0),
            ("keywords", _("a few keywords"), bool(self.keyword_list)),
            (
                "english",
                _("the pitch and description in English"),
                bool(self.pitch_en and self.description_en),
            ),
            ("platform", _("a platform or resource centre"), counts["platform_count"] > 0),
            ("contact", _("a person shown publicly"), counts["public_people_count"] > 0),
        ]
        return Completeness(items)


class Completeness:
    """The completeness indicator of a profile: a percentage and the missing items."""

    def __init__(self, items):
        self.items = [{"key": key, "label": label, "done": done} for key, label, done in items]

    @property
    def percent(self) -> int:
        done = sum(1 for item in self.items if item["done"])
        return round(100 * done / len(self.items))

    @property
    def missing(self) -> list:
        return [item for item in self.items if not item["done"]]

    @property
    def is_complete(self) -> bool:
        return not self.missing
