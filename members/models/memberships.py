"""People in organisations: each person's place (role, what they show of themselves) and
the log of their visibility choices."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.permissions import acts_as_staff
from core.models import Timestamped


class MembershipQuerySet(models.QuerySet):
    def admins(self):
        return self.filter(role=Membership.Role.ADMIN)

    def shown_to(self, user, *, is_member: bool):
        """The people whose name and role ``user`` may see, following each person's choice:
        staff see everyone, members see "public" and "members only", visitors "public"."""
        if acts_as_staff(user):
            return self
        levels = [Membership.Visibility.PUBLIC]
        if is_member:
            levels.append(Membership.Visibility.MEMBERS)
        return self.filter(visibility__in=levels)

    def for_people_list(self):
        return self.select_related("user").order_by(
            "role", "user__last_name", "user__first_name", "pk"
        )


class Membership(Timestamped):
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
        "members.Organisation",
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

    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = MembershipQuerySet.as_manager()

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

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or str(_("A member of the organisation"))


class ConsentRecord(models.Model):
    """One line of the consent log: what a person chose to show of themselves, and when."""

    class Source(models.TextChoices):
        DEFAULT = "default", _("Default when joining")
        PERSON = "person", _("Chosen by the person")
        STAFF = "staff", _("Set by staff")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consent_records",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.CASCADE,
        related_name="consent_records",
        verbose_name=_("organisation"),
    )
    visibility = models.CharField(
        _("name and role shown to"), max_length=10, choices=Membership.Visibility.choices
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("visibility choice")
        verbose_name_plural = _("visibility choices (consent log)")

    def __str__(self):
        return f"{self.user} · {self.organisation} · {self.get_visibility_display()}"

    def get_absolute_url(self):
        return self.organisation.get_absolute_url()
