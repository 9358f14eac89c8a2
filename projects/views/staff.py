"""The staff's labelling board: the pipeline at a glance, outside the back-office."""

from django.db.models import Count
from django.shortcuts import render

from accounts.decorators import staff_required
from projects.models import Participation, Project

CARDS_PER_COLUMN = 12


@staff_required
def project_board(request):
    counts = dict(Project.objects.values_list("status").annotate(count=Count("pk")).order_by())
    columns = []
    for status in Project.PIPELINE:
        projects = (
            Project.objects.filter(status=status)
            .select_related("programme")
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
