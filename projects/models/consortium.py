"""Who takes part in a project: member organisations and partners from outside the cluster."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.countries import COUNTRIES
from members.models import Organisation


class ParticipationQuerySet(models.QuerySet):
    def of_user(self, user):
        """Participations of the organisations ``user`` belongs to (any role)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__memberships__user=user)

    def for_display(self):
        """With the organisation, annotated ``listed`` when its directory profile is public."""
        listed = Organisation.objects.in_directory().filter(pk=OuterRef("organisation_id"))
        return self.select_related("organisation").annotate(listed=Exists(listed))


class Participation(models.Model):
    """A member organisation in a project's consortium."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        PARTNER = "partner", _("Partner")
        SUBCONTRACTOR = "subcontractor", _("Subcontractor")
        ASSOCIATED = "associated", _("Associated partner (unfunded)")

    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("project"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="project_participations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=15, choices=Role.choices, default=Role.PARTNER)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        # The coordinator first, then the partners by name.
        ordering = [
            models.Case(
                models.When(role="coordinator", then=0),
                default=1,
                output_field=models.IntegerField(),
            ),
            "organisation__name",
        ]
        verbose_name = _("consortium member")
        verbose_name_plural = _("consortium members")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                name="projects_participation_once",
                violation_error_message=_("This organisation is already in the consortium."),
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(role="coordinator"),
                name="projects_participation_one_coordinator",
                violation_error_message=_("A project has one coordinator."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} · {self.get_role_display()}"

    def get_absolute_url(self):
        return self.project.get_absolute_url()


class ExternalPartner(models.Model):
    """A consortium member that is not a member of the cluster."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        RESEARCH = "research", _("Research laboratory")
        UNIVERSITY = "university", _("University or school")
        PUBLIC = "public", _("Public body")
        ASSOCIATION = "association", _("Association or cluster")
        OTHER = "other", _("Other")

    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        related_name="external_partners",
        verbose_name=_("project"),
    )
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, default="FR")
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    role = models.CharField(
        _("role"),
        max_length=15,
        choices=[c for c in Participation.Role.choices if c[0] != "coordinator"],
        default=Participation.Role.PARTNER,
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("external partner")
        verbose_name_plural = _("external partners")

    def __str__(self):
        return f"{self.name} ({self.country})"

    def get_absolute_url(self):
        return self.project.get_absolute_url()
