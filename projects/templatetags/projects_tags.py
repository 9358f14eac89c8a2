"""Presentation helpers of the projects templates."""

from django import template

from core import typography

register = template.Library()


@register.filter
def euros(amount):
    """A compact amount in euros in the reader's typography: 850 k€ / €850k, 1,2 M€ /
    €1.2M (core.typography)."""
    return typography.compact_money(amount)


@register.filter
def status_class(status: str) -> str:
    """The CSS class of a status badge."""
    return f"status-{status}"


def _consortium_projects(request) -> frozenset[int]:
    """The projects the signed-in reader's organisations take part in: read once per
    request (none for visitors)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(request, "_consortium_project_ids", None)
    if cached is None:
        from projects.models import Participation

        cached = frozenset(Participation.objects.of_user(user).values_list("project_id", flat=True))
        request._consortium_project_ids = cached
    return cached


def is_concerned(request, project) -> bool:
    """Whether the reader may see everything about ``project``'s status: the cluster's
    staff and the people of its consortium."""
    from accounts.permissions import acts_as_staff

    user = getattr(request, "user", None)
    if user is not None and acts_as_staff(user):
        return True
    return project.pk in _consortium_projects(request)


@register.inclusion_tag("projects/includes/_status_badge.html", takes_context=True)
def project_status(context, project, concerned=None):
    """The status badge of ``project`` as the reader may see it: the real status for its
    consortium and staff, the public one (no funding application, no refusal) for
    everyone else. ``concerned`` skips the check when the view already knows."""
    if project.public_status == project.status:  # nothing to hide: no question to ask
        concerned = True
    if concerned is None:  # cards annotated by ProjectQuerySet.with_viewer know already
        concerned = getattr(project, "viewer_concerned", None)
    if concerned is None:
        concerned = is_concerned(context.get("request"), project)
    if concerned:
        return {"status": project.status, "label": project.get_status_display()}
    return {"status": project.public_status, "label": project.public_status_display()}
