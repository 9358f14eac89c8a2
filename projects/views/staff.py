"""The staff's labelling pipeline outside the back-office: the board and review notes."""

from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.decorators import staff_required
from core.views import save_posted
from projects.forms import ReviewNoteForm
from projects.models import Participation, Project

CARDS_PER_COLUMN = 12
NOTES_SHOWN = 50


@staff_required
def project_board(request):
    counts = dict(Project.objects.values_list("status").annotate(count=Count("pk")).order_by())
    columns = []
    for status in Project.PIPELINE:
        projects = (
            Project.objects.filter(status=status)
            .select_related("programme")
            .annotate(note_count=Count("review_notes"))
            .order_by("-updated_at")[:CARDS_PER_COLUMN]
        )
        columns.append(
            {
                "status": status,
                "label": Project.Status(status).label,
                "count": counts.get(status, 0),
                "projects": projects,
            }
        )
    # The coordinators of the cards shown, in one query.
    shown = [project.pk for column in columns for project in column["projects"]]
    coordinators = {
        participation.project_id: participation.organisation
        for participation in Participation.objects.filter(
            project_id__in=shown, role=Participation.Role.COORDINATOR
        ).select_related("organisation")
    }
    for column in columns:
        column["projects"] = [
            (project, coordinators.get(project.pk)) for project in column["projects"]
        ]
    later = [
        {"status": status, "label": Project.Status(status).label, "count": counts.get(status, 0)}
        for status in Project.Status.values
        if status not in Project.PIPELINE
    ]
    return render(
        request,
        "projects/project_board.html",
        {"columns": columns, "later": later, "total": sum(counts.values())},
    )


@staff_required
def project_review(request, slug):
    """The staff's review notes on a project: read them and add one. Members never reach
    this page (403 whatever the project, so it reveals nothing either)."""
    project = get_object_or_404(Project.objects.select_related("programme"), slug=slug)
    form = ReviewNoteForm(request.POST or None)
    form.instance.project, form.instance.author = project, request.user
    if save_posted(request, form, message=_("Your review note is added. Only staff can read it.")):
        return redirect("projects:project-review", slug=project.slug)
    notes = project.review_notes.select_related("author")
    return render(
        request,
        "projects/project_review.html",
        {
            "project": project,
            "form": form,
            "notes": notes[:NOTES_SHOWN],
            "note_count": notes.count(),
            "coordinator": Participation.objects.filter(
                project=project, role=Participation.Role.COORDINATOR
            )
            .select_related("organisation")
            .first(),
        },
    )
