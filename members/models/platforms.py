from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from content.catalogue import MarketTaggedQuerySet
from content.models import Market, RoadmapObjective
from core.images import RenditionImageField
from core.markdown import markdown_to_text
from core.models import Timestamped, account_field
from members import search
from members.models.organisations import Organisation


class PlatformQuerySet(MarketTaggedQuerySet):
    def public(self):
        """Platforms of the organisations the public directory lists."""
        return self.filter(organisation__in=Organisation.objects.in_directory().values("pk"))

    def editable_by(self, user):
        """Platforms of the organisations ``user`` administers (all of them for staff)."""
        return self.filter(organisation__in=Organisation.objects.editable_by(user).values("pk"))

    def search(self, query: str):
        """Platforms whose name, description, equipment or capabilities match ``query``."""
        return search.filter_by_query(self, query)

    def best_matches_first(self, query: str):
        """Ordered by relevance to ``query`` on PostgreSQL, then by name."""
        return search.order_by_relevance(self, query, "name", "pk")

    def for_cards(self):
        return self.select_related("organisation").with_markets()


class Platform(Timestamped):
    """An innovation platform or resource centre that a member organisation opens to others."""

    class Kind(models.TextChoices):
        PLATFORM = "platform", _("Innovation platform")
        RESOURCE_CENTRE = "resource-centre", _("Resource centre")
        TEST_BENCH = "test-bench", _("Test bench or test site")

    class Access(models.TextChoices):
        MEMBERS = "members", _("Open to members")
        REQUEST = "request", _("On request")
        PARTNERS = "partners", _("Partners only")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="platforms",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PLATFORM)
    # In French (summary_fr) and English (summary_en), see members/translation.py; the
    # plain name reads the page's language and falls back to French.
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    equipment = models.TextField(
        _("equipment and capabilities"),
        help_text=_("One item per line: machines, test means, software, skills on offer."),
    )
    markets = models.ManyToManyField(
        Market, blank=True, related_name="platforms", verbose_name=_("markets")
    )
    roadmap_objectives = models.ManyToManyField(
        RoadmapObjective,
        blank=True,
        related_name="platforms",
        verbose_name=_("roadmap objectives"),
        help_text=_("The objectives of the roadmap this item serves."),
    )
    access = models.CharField(
        _("who may use it"), max_length=10, choices=Access.choices, default=Access.REQUEST
    )
    city = models.CharField(
        _("city"),
        max_length=120,
        blank=True,
        help_text=_("Only if the platform is not at the organisation's address."),
    )
    contact = account_field(
        _("contact person"),
        help_text=_(
            "Receives the access requests (their address is never shown). When empty, the "
            "organisation's admins receive them."
        ),
    )
    image = RenditionImageField(
        _("image"), upload_to="platforms/", blank=True, renditions=(480, 960)
    )
    search_text = models.TextField(_("search text"), blank=True, default="", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    # The history is registered in members/translation.py, after the translated fields.

    objects = PlatformQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = search.search_document(
            self.name,
            self.summary_fr,
            self.summary_en,
            markdown_to_text(self.description_fr),
            markdown_to_text(self.description_en),
            self.equipment,
            self.city,
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:platform-detail", kwargs={"slug": self.slug})

    @property
    def equipment_list(self) -> list[str]:
        return [line.strip(" -•*\t") for line in self.equipment.splitlines() if line.strip(" -•*")]

    @property
    def location(self) -> str:
        return self.city or self.organisation.city
