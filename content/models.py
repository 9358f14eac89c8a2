from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.permissions import acts_as_staff
from content.catalogue import MarketTaggedQuerySet
from core.models import Timestamped, WithCover, account_field, cover_constraints


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Items whose status is published and whose publication date has come."""
        return self.filter(status=Publishable.Status.PUBLISHED, published_at__lte=timezone.now())

    def visible_to(self, user):
        """Everything for staff (they preview drafts), published items for everyone else."""
        if acts_as_staff(user):
            return self.all()
        return self.published()


class Publishable(Timestamped):
    """Editorial fields shared by every staff-curated item: status, schedule and SEO."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_("A date in the future keeps the item hidden until then."),
    )
    seo_title = models.CharField(
        _("SEO title"),
        max_length=70,
        blank=True,
        help_text=_("Title shown by search engines; the normal title is used when empty."),
    )
    seo_description = models.CharField(
        _("SEO description"),
        max_length=160,
        blank=True,
        help_text=_("One or two sentences shown under the title by search engines."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()


class Market(WithCover, Publishable):
    """One of the cluster's markets; every app tags its items with them."""

    class Theme(models.TextChoices):
        ELECTRIC = "electric", _("Electric")
        HYDROGEN = "hydrogen", _("Hydrogen")
        AUTONOMOUS = "autonomous", _("Autonomous & connected")
        SERVICES = "services", _("Mobility services")
        INDUSTRY = "industry", _("Industry of the future")

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    theme = models.CharField(
        _("colour and icon"),
        max_length=20,
        choices=Theme.choices,
        unique=True,
        help_text=_("Sets the colour and the icon used for this market everywhere."),
    )
    tagline = models.CharField(_("tagline"), max_length=200)
    intro = models.TextField(_("introduction"), help_text=_("Markdown."))
    challenges = models.TextField(_("challenges"), blank=True, help_text=_("Markdown."))
    offer = models.TextField(_("what the cluster offers"), blank=True, help_text=_("Markdown."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("market")
        verbose_name_plural = _("markets")
        constraints = cover_constraints()

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("content:market-detail", kwargs={"slug": self.slug})


class RoadmapObjective(Publishable):
    """A priority objective of the cluster's strategic roadmap."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown."))
    markets = models.ManyToManyField(
        Market, blank=True, related_name="objectives", verbose_name=_("markets")
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("roadmap objective")
        verbose_name_plural = _("roadmap objectives")
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1), name="content_objective_number_positive"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("content:objective-detail", kwargs={"number": self.number})


class ArticleQuerySet(MarketTaggedQuerySet, PublishableQuerySet):
    def for_list(self):
        """Preloads what an article card shows: author and markets."""
        return self.select_related("author").with_markets()


class Article(WithCover, Publishable):
    """News and foresight (technology and market watch) pieces."""

    class Kind(models.TextChoices):
        NEWS = "news", pgettext_lazy("kind of article", "News")
        FORESIGHT = "foresight", pgettext_lazy("kind of article", "Foresight")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    excerpt = models.CharField(_("excerpt"), max_length=300)
    body = models.TextField(_("body"), help_text=_("Markdown."))
    markets = models.ManyToManyField(
        Market, blank=True, related_name="articles", verbose_name=_("markets")
    )
    roadmap_objectives = models.ManyToManyField(
        RoadmapObjective,
        blank=True,
        related_name="articles",
        verbose_name=_("roadmap objectives"),
        help_text=_("The objectives of the roadmap this item serves."),
    )
    author = account_field(_("author"), related_name="articles")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = cover_constraints()

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("content:article-detail", kwargs={"slug": self.slug})


class Page(WithCover, Publishable):
    """A free page. The about, legal notice and privacy pages have fixed addresses."""

    class Role(models.TextChoices):
        ABOUT = "about", _("About the cluster")
        LEGAL = "legal", _("Legal notice")
        PRIVACY = "privacy", _("Privacy policy")
        OTHER = "other", _("Other page")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    role = models.CharField(
        _("role"),
        max_length=10,
        choices=Role.choices,
        default=Role.OTHER,
        help_text=_("About, legal notice and privacy are linked from every page's footer."),
    )
    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = models.TextField(_("body"), help_text=_("Markdown."))

    class Meta:
        ordering = ["title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            models.UniqueConstraint(
                fields=["role"],
                condition=~Q(role="other"),
                name="content_page_one_per_role",
                violation_error_message=_("Another page already has this role."),
            ),
            *cover_constraints(),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.role == self.Role.OTHER:
            return reverse("content:page-detail", kwargs={"slug": self.slug})
        return reverse(f"content:{self.role}")


class KeyFigure(models.Model):
    """A number shown on the home page (founded in 2005, 500+ members...)."""

    value = models.CharField(_("value"), max_length=20, help_text=_("For example 500+ or 2005."))
    label = models.CharField(_("label"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_visible = models.BooleanField(_("shown on the home page"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self):
        return f"{self.value} {self.label}"

    def get_absolute_url(self):
        return reverse("home")


class HomeBlock(models.Model):
    """A short block of the home page's "what we do" band, with an optional link."""

    title = models.CharField(_("title"), max_length=120)
    body = models.CharField(_("text"), max_length=400)
    link_label = models.CharField(_("link label"), max_length=80, blank=True)
    link_url = models.CharField(
        _("link address"),
        max_length=200,
        blank=True,
        help_text=_("A path on this site (/trainings/) or a full address."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_visible = models.BooleanField(_("shown on the home page"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("home page block")
        verbose_name_plural = _("home page blocks")
        constraints = [
            models.CheckConstraint(
                condition=Q(link_url="") | ~Q(link_label=""),
                name="content_homeblock_link_has_label",
                violation_error_message=_("A link needs a label."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("home")
