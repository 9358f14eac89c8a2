from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.permissions import acts_as_staff
from content.models import Market, Publishable, PublishableQuerySet
from core.models import Timestamped, account_field, localized
from members.models import Competency, Organisation
from members.permissions import can_edit_organisation, is_member
from projects.models.programme import FundingProgramme


class CallQuerySet(PublishableQuerySet):
    def open(self):
        """Published calls whose deadline has not passed."""
        return self.published().before_deadline()

    def before_deadline(self):
        """Calls whose deadline has not passed (its last day included), whatever their
        status: staff see the drafts among them."""
        return self.filter(deadline__gte=timezone.localdate())

    def past(self):
        """Calls whose deadline has passed, the latest deadline first."""
        return self.filter(deadline__lt=timezone.localdate()).order_by("-deadline")

    def matching(self, *, market_ids):
        """Calls annotated with ``score`` (markets in common), best first, zero left out."""
        return (
            self.annotate(score=Count("markets", filter=Q(markets__in=market_ids), distinct=True))
            .filter(score__gt=0)
            .order_by("-score", "deadline")
        )


class Call(Publishable):
    """A funding call staff publish so that members can build projects for it."""

    programme = models.ForeignKey(
        FundingProgramme,
        on_delete=models.PROTECT,
        related_name="calls",
        verbose_name=_("funding programme"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    deadline = models.DateField(_("deadline"), help_text=_("Last day to file."))
    markets = models.ManyToManyField(
        Market, blank=True, related_name="calls", verbose_name=_("markets")
    )
    link = models.URLField(
        _("link"), max_length=300, blank=True, help_text=_("The funder's page for the call.")
    )
    summary = models.TextField(_("summary"), help_text=_("Markdown."))

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:call-detail", kwargs={"slug": self.slug})

    @property
    def is_open(self) -> bool:
        return self.deadline >= timezone.localdate()


class PartnerSearchQuerySet(models.QuerySet):
    def open(self):
        """Posts still looking: not closed and before their deadline. Closed or expired posts
        leave the lists by themselves, no scheduled job needed."""
        return self.filter(closed_at__isnull=True, deadline__gte=timezone.localdate())

    def visible_to(self, user):
        """Members see open posts and every post of their own organisations; staff see all;
        visitors and people without a member organisation see none."""
        if not is_member(user):
            return self.none()
        if acts_as_staff(user):
            return self.all()
        own = Organisation.objects.of_user(user).values("pk")
        return self.filter(
            Q(closed_at__isnull=True, deadline__gte=timezone.localdate()) | Q(organisation__in=own)
        )

    def for_cards(self):
        return self.select_related("organisation", "call").prefetch_related(
            "markets", "competencies"
        )

    def competencies_sought(self):
        """The competencies these posts seek, each once."""
        return Competency.objects.filter(partner_searches__in=self).distinct()

    def matching(self, *, market_ids, competency_ids):
        """Posts annotated with ``score``: two points per competency sought that the reader
        has, one per market in common; best first, zero left out."""
        return (
            self.annotate(
                competency_score=Count(
                    "competencies", filter=Q(competencies__in=competency_ids), distinct=True
                ),
                market_score=Count("markets", filter=Q(markets__in=market_ids), distinct=True),
            )
            .annotate(score=models.F("competency_score") * 2 + models.F("market_score"))
            .filter(score__gt=0)
            .order_by("-score", "deadline", "pk")
        )


class PartnerSearch(Timestamped):
    """A member's "looking for partners" post: an idea, the competencies it needs."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="partner_searches",
        verbose_name=_("organisation"),
    )
    author = account_field(_("author"), related_name="partner_searches")
    title = models.CharField(_("title"), max_length=160, help_text=_("The idea in one line."))
    title_en = models.CharField(_("title in English"), max_length=160, blank=True)
    idea = models.TextField(
        _("the idea"),
        max_length=3000,
        help_text=_("What you want to build, what you bring and what you are looking for."),
    )
    idea_en = models.TextField(_("the idea in English"), max_length=3000, blank=True)
    competencies = models.ManyToManyField(
        Competency,
        related_name="partner_searches",
        verbose_name=_("competencies sought"),
    )
    markets = models.ManyToManyField(
        Market, related_name="partner_searches", verbose_name=_("markets")
    )
    call = models.ForeignKey(
        "projects.Call",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partner_searches",
        verbose_name=_("funding call"),
        help_text=_("The call you want to answer, if any."),
    )
    deadline = models.DateField(
        _("answer before"), help_text=_("The post leaves the list after this day.")
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[competencies, markets], excluded_fields=["updated_at"])

    objects = PartnerSearchQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("partner search")
        verbose_name_plural = _("partner searches")

    def __str__(self):
        return self.localized_title

    def get_absolute_url(self):
        return reverse("projects:partnersearch-detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.closed_at is None and self.deadline >= timezone.localdate()

    # Language-aware text: the poster may give an English version.
    localized_title = localized("title")
    localized_idea = localized("idea")

    def is_managed_by(self, user) -> bool:
        """The author, the organisation's admins and staff may edit and close the post."""
        if not user.is_authenticated:
            return False
        return user.pk == self.author_id or can_edit_organisation(user, self.organisation)


class PartnerInterest(models.Model):
    """An organisation that answered a partner search with "I'm interested"."""

    search = models.ForeignKey(
        PartnerSearch,
        on_delete=models.CASCADE,
        related_name="interests",
        verbose_name=_("partner search"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="partner_interests",
        verbose_name=_("organisation"),
    )
    user = account_field(_("person"), related_name="partner_interests")
    message = models.TextField(
        _("message"),
        max_length=1000,
        blank=True,
        help_text=_("Optional: what your organisation would bring."),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        constraints = [
            models.UniqueConstraint(
                fields=["search", "organisation"],
                name="projects_interest_once_per_organisation",
                violation_error_message=_("Your organisation has already answered this post."),
            )
        ]

    def __str__(self):
        return f"{self.organisation} → {self.search}"

    def get_absolute_url(self):
        return self.search.get_absolute_url()
