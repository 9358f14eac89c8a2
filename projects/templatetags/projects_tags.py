"""Presentation helpers of the projects templates."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def euros(amount):
    """A compact amount in euros: 850 k€, 1.2 M€ (localised decimal mark)."""
    if amount in (None, ""):
        return ""
    amount = int(amount)
    if amount >= 1_000_000:
        millions = round(amount / 1_000_000, 1)
        decimals = 0 if millions == int(millions) else 1
        value = number_format(millions, decimal_pos=decimals, force_grouping=True)
        return _("%(amount)s M€") % {"amount": value}
    if amount >= 10_000:
        return _("%(amount)s k€") % {"amount": number_format(round(amount / 1000))}
    return _("%(amount)s €") % {"amount": number_format(amount, force_grouping=True)}


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
    if concerned is None:
        concerned = is_concerned(context.get("request"), project)
    if concerned:
        return {"status": project.status, "label": project.get_status_display()}
    return {"status": project.public_status, "label": project.public_status_display()}
