from django.core.validators import MaxValueValidator, MinValueValidator
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
    """A dated milestone of the cluster's history (recognised in 2005, 136 funded projects
    in 2015...), shown on the about page. The home page's figures are computed live."""

    value = models.CharField(_("value"), max_length=20, help_text=_("For example 136 or 2005."))
    label = models.CharField(_("label"), max_length=250)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("The year the figure was true: history is always dated."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_visible = models.BooleanField(_("shown on the about page"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["year", "order", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1990, year__lte=2100),
                name="content_keyfigure_year_plausible",
            )
        ]

    def __str__(self):
        return f"{self.year or ''} {self.value} {self.label}".strip()

    def get_absolute_url(self):
        return reverse("content:about")


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


class ContactSettings(models.Model):
    """How to reach the cluster (a single row staff edit): the address, phone and opening
    hours shown on the contact page, and the team address each topic of the contact form
    goes to. The addresses are never printed: the portal relays the messages."""

    class Topic(models.TextChoices):
        MEMBERSHIP = "membership", _("Membership")
        PROJECTS = "projects", _("Innovation projects")
        TRAINING = "training", _("Training")
        EVENTS = "events", _("Events")
        PRESS = "press", _("Press and media")

    street = models.CharField(_("street address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=12)
    city = models.CharField(_("city"), max_length=120)
    phone = models.CharField(_("phone"), max_length=30)
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=200,
        help_text=_("For example: Monday to Friday, 9 am to 12.30 pm and 2 pm to 5.30 pm."),
    )
    access = models.CharField(
        _("how to get there"),
        max_length=300,
        blank=True,
        help_text=_("Public transport, parking, accessibility of the premises."),
    )
    membership_email = models.EmailField(_("address for membership questions"))
    projects_email = models.EmailField(_("address for project questions"))
    training_email = models.EmailField(_("address for training questions"))
    events_email = models.EmailField(_("address for event questions"))
    press_email = models.EmailField(_("address for the press"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("contact details")
        verbose_name_plural = _("contact details")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="content_contact_single_row")]

    def __str__(self):
        return str(_("Contact details of the cluster"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("content:contact")

    @classmethod
    def current(cls) -> "ContactSettings | None":
        """The row, or None until staff fill it in."""
        return cls.objects.filter(pk=1).first()

    def address_for(self, topic: str) -> str:
        """The team address that receives the messages about ``topic``."""
        return getattr(self, f"{self.Topic(topic).value}_email")


class ContactRequest(models.Model):
    """A message sent with the contact form, relayed to the team of its topic and kept for
    follow-up."""

    topic = models.CharField(_("topic"), max_length=20, choices=ContactSettings.Topic.choices)
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    subject = models.CharField(_("subject"), max_length=150)
    message = models.TextField(_("message"), max_length=3000)
    language = models.CharField(_("language"), max_length=8, blank=True)
    routed_to = models.EmailField(_("sent to"))
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__in=ContactSettings.Topic.values),
                name="content_contactrequest_topic_known",
            )
        ]

    def __str__(self):
        return f"{self.get_topic_display()}: {self.subject}"

    def get_absolute_url(self):
        return reverse("admin:content_contactrequest_change", args=[self.pk])


class TeamMember(models.Model):
    """A person of the cluster's team, shown on the team page (name, role, initials: no
    photo, no direct address)."""

    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    role = models.CharField(_("role"), max_length=150)
    topic = models.CharField(
        _("topic"),
        max_length=20,
        choices=ContactSettings.Topic.choices,
        blank=True,
        help_text=_("The contact form topic this person answers, if any."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_visible = models.BooleanField(_("shown on the team page"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["order", "last_name", "first_name"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(
                fields=["first_name", "last_name"], name="content_teammember_unique_name"
            )
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def get_absolute_url(self):
        return reverse("content:team")

    @property
    def initials(self) -> str:
        return "".join(part[:1].upper() for part in (self.first_name, self.last_name))


class SocialLink(models.Model):
    """A social network account of the cluster, shown in every page's footer."""

    class Network(models.TextChoices):
        LINKEDIN = "linkedin", "LinkedIn"
        YOUTUBE = "youtube", "YouTube"
        MASTODON = "mastodon", "Mastodon"
        BLUESKY = "bluesky", "Bluesky"
        X = "x", "X"
        INSTAGRAM = "instagram", "Instagram"

    network = models.CharField(_("network"), max_length=20, choices=Network.choices, unique=True)
    url = models.URLField(_("address"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_visible = models.BooleanField(_("shown in the footer"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["order", "network"]
        verbose_name = _("social link")
        verbose_name_plural = _("social links")
        constraints = [
            models.CheckConstraint(
                condition=Q(url__startswith="https://"),
                name="content_sociallink_https",
                violation_error_message=_("The address must start with https://."),
            )
        ]

    def __str__(self):
        return self.get_network_display()

    def get_absolute_url(self):
        return self.url
