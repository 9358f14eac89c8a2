"""What the projects app keeps about a person, for "download my data" and account deletion.

Projects, posts and answers belong to organisations: deleting a person's account keeps them
without the link to the person (the foreign keys are SET_NULL).
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from projects.models import (
    PartnerInterest,
    PartnerSearch,
    Project,
    ProjectDocument,
    ProjectStatusChange,
    ReviewNote,
)


def export_projects(user) -> dict:
    return {
        "projects_created": [
            {"acronym": p.acronym, "title": p.title, "created_at": p.created_at.isoformat()}
            for p in Project.objects.filter(created_by=user).order_by("created_at")
        ],
        "status_changes": [
            {
                "project": c.project.acronym,
                "from": c.from_status,
                "to": c.to_status,
                "date": c.changed_on.isoformat(),
                "note": c.note,
            }
            for c in ProjectStatusChange.objects.filter(author=user).select_related("project")
        ],
        "partner_searches": [
            {
                "title": s.title,
                "title_en": s.title_en,
                "idea": s.idea,
                "idea_en": s.idea_en,
                "organisation": s.organisation.name,
                "deadline": s.deadline.isoformat(),
                "created_at": s.created_at.isoformat(),
            }
            for s in PartnerSearch.objects.filter(author=user).select_related("organisation")
        ],
        "interests": [
            {
                "post": i.search.title,
                "organisation": i.organisation.name,
                "message": i.message,
                "created_at": i.created_at.isoformat(),
            }
            for i in PartnerInterest.objects.filter(user=user).select_related(
                "search", "organisation"
            )
        ],
        "documents_uploaded": [
            {"project": d.project.acronym, "title": d.title, "at": d.uploaded_at.isoformat()}
            for d in ProjectDocument.objects.filter(uploaded_by=user).select_related("project")
        ],
        "review_notes": [
            {"project": n.project.acronym, "note": n.body, "at": n.created_at.isoformat()}
            for n in ReviewNote.objects.filter(author=user).select_related("project")
        ],
    }


def describe_projects(user) -> list[str]:
    lines = []
    searches = PartnerSearch.objects.filter(author=user).count()
    if searches:
        lines.append(
            ngettext(
                "Your partner search stays with your organisation, without your name.",
                "Your %(count)d partner searches stay with your organisation, without your name.",
                searches,
            )
            % {"count": searches}
        )
    projects = Project.objects.filter(created_by=user).count()
    changes = ProjectStatusChange.objects.filter(author=user).count()
    if projects or changes:
        lines.append(
            _(
                "The projects you submitted and their timelines stay with the consortium, "
                "without your name."
            )
        )
    return lines
