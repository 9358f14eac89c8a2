"""The labelling of a project: its status changes and the review notes of staff."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import account_field
from projects.models.project import Project


class ProjectStatusChange(models.Model):
    """One step of a project's timeline: which status, when, decided by whom."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("project")
    )
    from_status = models.CharField(
        _("previous status"), max_length=15, choices=Project.Status.choices, blank=True
    )
    to_status = models.CharField(_("new status"), max_length=15, choices=Project.Status.choices)
    changed_on = models.DateField(_("date"), default=timezone.localdate)
    author = account_field(_("author"), related_name="project_status_changes")
    note = models.TextField(
        _("note"), blank=True, help_text=_("Shown to the consortium and staff only.")
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["changed_on", "created_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.project.acronym}: {self.get_to_status_display()} ({self.changed_on})"

    def get_absolute_url(self):
        return self.project.get_absolute_url() + "#timeline"


class ReviewNote(models.Model):
    """A staff note on a project under review. Never shown to members."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="review_notes", verbose_name=_("project")
    )
    author = account_field(_("author"), related_name="project_review_notes")
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("review note")
        verbose_name_plural = _("review notes")

    def __str__(self):
        return f"{self.project.acronym} · {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("projects:project-review", kwargs={"slug": self.project.slug})
