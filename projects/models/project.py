import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Sum, Value
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.permissions import acts_as_staff
from content.catalogue import MarketTaggedQuerySet
from content.models import Market, RoadmapObjective
from core.images import RenditionImageField
from core.models import Timestamped, WithCover, account_field, cover_constraints, localized
from core.search import text_filter, words_of
from core.storage import delete_files_with_rows, private_storage
from members.models import Organisation
from members.permissions import is_member
from projects.models.consortium import ExternalPartner, Participation
from projects.models.programme import FundingProgramme
from projects.validators import validate_pdf

# Slugs the project URLs use for their own pages.
RESERVED_SLUGS = {
    "new",
    "mine",
    "board",
    "calls",
    "partner-searches",
    "feed",
    "figures",
    "organisations",
}

TRL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(9)]


class ProjectQuerySet(MarketTaggedQuerySet):
    def visible_to(self, user):
        """Projects ``user`` may see: the one place where visibility is decided.

        - staff see every project;
        - a project's consortium (every person of a participating organisation) sees it
          whatever its status and visibility;
        - everyone else sees only projects on show (labelled at some point, see
          ``Project.SHOWCASE``): public ones, plus members-only ones for people who work
          for an active member organisation. Confidential projects stay with their
          consortium and staff.
        """
        if acts_as_staff(user):
            return self.all()
        levels = [Project.Visibility.PUBLIC]
        if is_member(user):
            levels.append(Project.Visibility.MEMBERS)
        shown = Q(status__in=Project.SHOWCASE, visibility__in=levels)
        if user.is_authenticated:
            shown |= Q(pk__in=Participation.objects.of_user(user).values("project_id"))
        return self.filter(shown)

    def of_consortium(self, user):
        """Projects one of ``user``'s organisations takes part in."""
        return self.filter(pk__in=Participation.objects.of_user(user).values("project_id"))

    def editable_by(self, user):
        """Projects whose public text and consortium ``user`` may edit: the coordinator
        organisation's admins, and staff."""
        if not user.is_authenticated:
            return self.none()
        if acts_as_staff(user):
            return self.all()
        coordinated = Participation.objects.filter(
            role=Participation.Role.COORDINATOR,
            organisation__in=Organisation.objects.editable_by(user).values("pk"),
        )
        return self.filter(pk__in=coordinated.values("project_id"))

    def with_viewer(self, user):
        """Annotates ``viewer_concerned``: whether ``user`` may see every status of the
        project (its consortium and staff, see ``Project.PUBLIC_STATUS``), in the same
        query as the projects."""
        if not user.is_authenticated:
            return self.annotate(viewer_concerned=Value(False))
        if acts_as_staff(user):
            return self.annotate(viewer_concerned=Value(True))
        mine = Participation.objects.of_user(user).filter(project=OuterRef("pk"))
        return self.annotate(viewer_concerned=Exists(mine))

    def labelled(self):
        """Projects the cluster labelled (they have a labelling date)."""
        return self.filter(labelled_on__isnull=False)

    def search(self, text: str):
        """Projects where every word of ``text`` appears in the acronym, title, summary or
        the name of a partner, accents and case ignored (``core.search.text_filter``).

        Each word is one ``IN`` over a ``UNION`` of the three ways to match it, rather than
        an ``OR`` of subqueries, which PostgreSQL can only check row by row: every part of
        the union reads its own trigram indexes (``cluster_site/search_indexes.py``)."""
        queryset = self
        for word in words_of(text):
            own = Project.objects.filter(
                text_filter(["acronym", "title", "title_en", "summary", "summary_en"], word)
            )
            members = Participation.objects.filter(text_filter(["organisation__name"], word))
            externals = ExternalPartner.objects.filter(text_filter(["name"], word))
            queryset = queryset.filter(
                pk__in=own.values("pk").union(
                    members.values("project_id"), externals.values("project_id")
                )
            )
        return queryset

    def with_partner(self, organisation):
        """Projects ``organisation`` takes part in (any role)."""
        of_partner = Participation.objects.filter(organisation=organisation)
        return self.filter(pk__in=of_partner.values("project_id"))

    def with_partner_in_region(self, region: str):
        """Projects with a member organisation of ``region`` in their consortium."""
        in_region = Participation.objects.filter(organisation__region=region)
        return self.filter(pk__in=in_region.values("project_id"))

    def with_partner_named(self, text: str):
        """Projects with a member organisation or an outside partner whose name contains
        every word of ``text`` (see ``core.search.text_filter``)."""
        members = Participation.objects.filter(text_filter(["organisation__name"], text))
        externals = ExternalPartner.objects.filter(text_filter(["name"], text))
        return self.filter(
            Q(pk__in=members.values("project_id")) | Q(pk__in=externals.values("project_id"))
        )

    def partner_organisations(self):
        """The member organisations taking part in these projects (name and slug only)."""
        return Organisation.objects.filter(
            pk__in=Participation.objects.filter(project__in=self).values("organisation_id")
        ).only("pk", "name", "slug")

    def start_years(self) -> list[int]:
        """The years these projects started in, oldest first (one query)."""
        return [
            day.year for day in self.filter(start_date__isnull=False).dates("start_date", "year")
        ]

    def for_cards(self):
        """Preloads what a project card shows: programme, markets, partners (member
        organisations annotated with ``listed``: whether their directory profile exists)
        and external partners."""
        return (
            self.select_related("programme")
            .with_markets()
            .prefetch_related(
                Prefetch("participations", queryset=Participation.objects.for_display()),
                "external_partners",
            )
        )

    def key_figures(self) -> dict:
        """Counts and budgets of the labelled projects of this queryset, in total, by market
        and by year of labelling (aggregates: a fixed number of queries)."""
        labelled = self.labelled()
        totals = labelled.aggregate(
            count=Count("pk"), budget=Sum("total_budget"), funding=Sum("public_funding")
        )
        if not totals["count"]:
            return {"count": 0, "budget": 0, "funding": 0, "markets": [], "years": []}
        through = Project.markets.through.objects.filter(project__in=labelled.values("pk"))
        per_market = {
            row["market_id"]: row
            for row in through.values("market_id").annotate(
                count=Count("project_id"), budget=Sum("project__total_budget")
            )
        }
        markets = []
        for market in Market.objects.published().filter(pk__in=per_market):
            row = per_market[market.pk]
            markets.append({"market": market, "count": row["count"], "budget": row["budget"]})
        years = list(
            labelled.annotate(year=ExtractYear("labelled_on"))
            .values("year")
            .annotate(count=Count("pk"), budget=Sum("total_budget"))
            .order_by("year")
        )
        for rows in (markets, years):
            top = max((row["count"] for row in rows), default=0)
            for row in rows:
                # Width of the row's bar in steps of 5 %, used as a CSS class (no inline style).
                row["bar"] = round(row["count"] * 20 / top) * 5 if top else 0
        return {
            "count": totals["count"],
            "budget": totals["budget"] or 0,
            "funding": totals["funding"] or 0,
            "markets": markets,
            "years": years,
        }


class Project(WithCover, Timestamped):
    """A collaborative innovation project, from the first idea to its published results."""

    class Status(models.TextChoices):
        IDEA = "idea", _("Idea / looking for partners")
        CONSORTIUM = "consortium", _("Consortium being built")
        SUBMITTED = "submitted", _("Submitted for labelling")
        LABELLED = "labelled", _("Labelled")
        NOT_LABELLED = "not-labelled", _("Not labelled")
        FILED = "filed", _("Filed with a funder")
        FUNDED = "funded", _("Funded")
        NOT_FUNDED = "not-funded", _("Not funded")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")
        RESULTS = "results", _("Results published")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")
        CONFIDENTIAL = "confidential", _("Confidential")

    # Statuses a project can move to from each status.
    TRANSITIONS = {
        Status.IDEA: (Status.CONSORTIUM, Status.SUBMITTED),
        Status.CONSORTIUM: (Status.IDEA, Status.SUBMITTED),
        Status.SUBMITTED: (Status.LABELLED, Status.NOT_LABELLED, Status.CONSORTIUM),
        Status.LABELLED: (Status.FILED,),
        Status.NOT_LABELLED: (Status.CONSORTIUM, Status.SUBMITTED),
        Status.FILED: (Status.FUNDED, Status.NOT_FUNDED),
        Status.FUNDED: (Status.RUNNING,),
        Status.NOT_FUNDED: (Status.FILED,),
        Status.RUNNING: (Status.FINISHED,),
        Status.FINISHED: (Status.RESULTS,),
        Status.RESULTS: (),
    }
    # Only staff decide on labelling.
    STAFF_ONLY = (Status.LABELLED, Status.NOT_LABELLED)
    # Statuses in which a project can be seen outside its consortium: once labelled.
    SHOWCASE = (
        Status.LABELLED,
        Status.FILED,
        Status.FUNDED,
        Status.NOT_FUNDED,
        Status.RUNNING,
        Status.FINISHED,
        Status.RESULTS,
    )
    # What people outside a project's consortium and the staff see of its status: a
    # pending funding application and a refusal are the consortium's business (a granted
    # one is public, like the public funding amounts of the showcase).
    PUBLIC_STATUS = {Status.FILED: Status.LABELLED, Status.NOT_FUNDED: Status.LABELLED}
    # Steps of the timeline kept from outsiders: refusals and funding applications.
    PRIVATE_STEPS = (Status.NOT_LABELLED, Status.FILED, Status.NOT_FUNDED)
    # The statuses outsiders may see and filter on.
    PUBLIC_SHOWCASE = (
        Status.LABELLED,
        Status.FUNDED,
        Status.RUNNING,
        Status.FINISHED,
        Status.RESULTS,
    )
    # Statuses of the staff's labelling pipeline, in board order.
    PIPELINE = (
        Status.IDEA,
        Status.CONSORTIUM,
        Status.SUBMITTED,
        Status.LABELLED,
        Status.NOT_LABELLED,
        Status.FILED,
    )

    acronym = models.CharField(_("acronym"), max_length=30)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    summary = models.TextField(
        _("summary"),
        max_length=1200,
        help_text=_("Public: what the project does and why, in a few sentences."),
    )
    summary_en = models.TextField(_("summary in English"), max_length=1200, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    description_en = models.TextField(
        _("description in English"), blank=True, help_text=_("Markdown.")
    )
    results = models.TextField(
        _("results"), blank=True, help_text=_("Markdown. What the project achieved.")
    )
    results_en = models.TextField(_("results in English"), blank=True, help_text=_("Markdown."))
    markets = models.ManyToManyField(Market, related_name="projects", verbose_name=_("markets"))
    roadmap_objectives = models.ManyToManyField(
        RoadmapObjective,
        blank=True,
        related_name="projects",
        verbose_name=_("roadmap objectives"),
        help_text=_("The objectives of the roadmap this item serves."),
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.IDEA, db_index=True
    )
    programme = models.ForeignKey(
        FundingProgramme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("funding programme"),
    )
    total_budget = models.PositiveBigIntegerField(
        _("total budget (€)"), default=0, help_text=_("In euros, for the whole consortium.")
    )
    public_funding = models.PositiveBigIntegerField(
        _("public funding (€)"), default=0, help_text=_("In euros: grants and advances.")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    trl_start = models.PositiveSmallIntegerField(
        _("TRL at start"),
        null=True,
        blank=True,
        validators=TRL_VALIDATORS,
        help_text=_("Technology readiness level, from 1 (basic principles) to 9 (proven)."),
    )
    trl_target = models.PositiveSmallIntegerField(
        _("target TRL"), null=True, blank=True, validators=TRL_VALIDATORS
    )
    labelled_on = models.DateField(_("labelled on"), null=True, blank=True, db_index=True)
    visibility = models.CharField(
        _("visibility"),
        max_length=15,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_(
            "Public: on the showcase once labelled. Members only: shown to signed-in members. "
            "Confidential: only the consortium and the cluster's staff see it."
        ),
    )
    created_by = account_field(_("created by"), related_name="projects_created")

    history = HistoricalRecords(m2m_fields=[markets], excluded_fields=["updated_at"])

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = [models.F("start_date").desc(nulls_last=True), "acronym"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gt=models.F("start_date")),
                name="projects_project_ends_after_start",
                violation_error_message=_("The end date must come after the start date."),
            ),
            models.CheckConstraint(
                condition=Q(public_funding__lte=models.F("total_budget")),
                name="projects_project_funding_within_budget",
                violation_error_message=_("Public funding cannot exceed the total budget."),
            ),
            models.CheckConstraint(
                condition=(Q(trl_start__isnull=True) | Q(trl_start__gte=1, trl_start__lte=9))
                & (Q(trl_target__isnull=True) | Q(trl_target__gte=1, trl_target__lte=9)),
                name="projects_project_trl_range",
            ),
            *cover_constraints(),
        ]
        indexes = [models.Index(fields=["status", "visibility"])]

    def __str__(self):
        return f"{self.acronym} · {self.localized_title}"

    def get_absolute_url(self):
        return reverse("projects:project-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            errors["end_date"] = _("The end date must come after the start date.")
        if self.public_funding is not None and self.total_budget is not None:
            if self.public_funding > self.total_budget:
                errors["public_funding"] = _("Public funding cannot exceed the total budget.")
        if self.trl_start and self.trl_target and self.trl_target < self.trl_start:
            errors["trl_target"] = _("The target TRL cannot be lower than the TRL at start.")
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is reserved; choose another one.")
        if errors:
            raise ValidationError(errors)

    # Language-aware text: members may give an English version of the title and summary.
    localized_title = localized("title")
    localized_summary = localized("summary")
    localized_description = localized("description")
    localized_results = localized("results")

    @property
    def duration_months(self) -> int | None:
        """Whole months between the start and end dates (rounded up)."""
        if not (self.start_date and self.end_date):
            return None
        months = (self.end_date.year - self.start_date.year) * 12
        months += self.end_date.month - self.start_date.month
        if self.end_date.day > self.start_date.day:
            months += 1
        return max(months, 1)

    @property
    def public_status(self) -> str:
        """The status shown to people outside the consortium (see PUBLIC_STATUS)."""
        return self.PUBLIC_STATUS.get(self.status, self.status)

    def public_status_display(self) -> str:
        return self.Status(self.public_status).label

    @property
    def is_on_show(self) -> bool:
        return self.status in self.SHOWCASE

    @property
    def coordinator(self):
        """The coordinating organisation (uses prefetched participations when present)."""
        for participation in self.participations.all():
            if participation.role == Participation.Role.COORDINATOR:
                return participation.organisation
        return None

    def next_statuses(self, user) -> list[str]:
        """Statuses ``user`` may move this project to now; labelling decisions are staff's."""
        allowed = self.TRANSITIONS.get(self.status, ())
        if not acts_as_staff(user):
            allowed = [status for status in allowed if status not in self.STAFF_ONLY]
        return list(allowed)

    def can_move_to(self, status: str, user) -> bool:
        return status in self.next_statuses(user)


def document_path(instance, filename: str) -> str:
    # A random name: nothing in it can be guessed from the project or the original file.
    return f"projects/{instance.project_id}/{uuid.uuid4().hex}.pdf"


class ProjectDocument(models.Model):
    """A PDF shared with the consortium, stored outside the public media."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="documents", verbose_name=_("project")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("PDF file"),
        upload_to=document_path,
        storage=private_storage,
        validators=[validate_pdf],
        max_length=200,
    )
    size = models.PositiveIntegerField(_("size (bytes)"), default=0, editable=False)
    uploaded_by = account_field(_("uploaded by"), related_name="project_documents")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("consortium document")
        verbose_name_plural = _("consortium documents")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "projects:document-download", kwargs={"slug": self.project.slug, "pk": self.pk}
        )


delete_files_with_rows(ProjectDocument, "file")


class ProjectImage(models.Model):
    """A picture of the project (prototype, test bench, team), shown on its page."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="images", verbose_name=_("project")
    )
    image = RenditionImageField(_("image"), upload_to="projects/%Y/", renditions=(480, 960))
    alt_text = models.CharField(
        _("description"),
        max_length=200,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("project image")
        verbose_name_plural = _("project images")

    def __str__(self):
        return self.alt_text

    def get_absolute_url(self):
        return self.project.get_absolute_url()
