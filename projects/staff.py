"""The projects app's pending work on the staff home of the back-office."""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from core.hooks import TodoItem
from core.todo import admin_list_url, tally
from projects.models import Project, ProjectStatusChange


def pending_work(request) -> list[TodoItem]:
    """Projects submitted for labelling, waiting since their last submission (one query)."""
    submitted_on = (
        ProjectStatusChange.objects.filter(
            project=OuterRef("pk"), to_status=Project.Status.SUBMITTED
        )
        .order_by("-changed_on", "-created_at")
        .values("changed_on")[:1]
    )
    submitted = Project.objects.filter(status=Project.Status.SUBMITTED).annotate(
        submitted_on=Subquery(submitted_on)
    )
    count, oldest = tally({"submitted": (submitted, "submitted_on")})["submitted"]
    return [
        TodoItem(
            label=_("Projects to label"),
            count=count,
            oldest=oldest,
            url=admin_list_url(Project, status__exact=Project.Status.SUBMITTED),
            group="projects",
        )
    ]
