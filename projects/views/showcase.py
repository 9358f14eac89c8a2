"""The public side of projects: the showcase, project pages, calls, the feed."""

import hashlib

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Max, Subquery, Value
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.permissions import acts_as_staff
from content.models import Market
from core import audience
from members.permissions import is_member
from projects.filters import CallFilter, ProjectFilter
from projects.forms import ReviewNoteForm, StatusChangeForm
from projects.models import (
    Call,
    Participation,
    PartnerSearch,
    Project,
)

PROJECTS_PER_PAGE = 12
REVIEW_NOTES_SHOWN = 3


FIGURES_CACHE_SECONDS = 24 * 3600


def public_figures() -> dict:
    """Key figures of the labelled projects anybody may see (public ones only).

    The same for every reader, so they are cached under a key that changes with the data:
    one query checks the stamp (number and latest change of the public projects, latest
    change of the markets, number of market links); the aggregates run only when it moved.
    """
    visible = Project.objects.visible_to(AnonymousUser())
    latest_market = (
        Market.objects.order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(latest=Max("updated_at"))
        .values("latest")
    )
    links = (
        Project.markets.through.objects.order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(count=Count("pk"))
        .values("count")
    )
    stamp = list(
        visible.order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(count=Count("pk"), changed=Max("updated_at"))
        .annotate(markets=Subquery(latest_market), links=Subquery(links))
        .values_list("count", "changed", "markets", "links")
    )
    digest = hashlib.sha256(repr(stamp).encode()).hexdigest()[:32]
    key = f"projects:public-figures:{get_language()}:{digest}"
    figures = cache.get(key)
    if figures is None:
        figures = visible.key_figures()
        cache.set(key, figures, FIGURES_CACHE_SECONDS)
    return figures


def project_list(request):
    filters = ProjectFilter(request.GET, Project.objects.visible_to(request.user), request=request)
    projects = filters.qs.for_cards().with_viewer(request.user)
    page = Paginator(projects, PROJECTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "projects/project_list.html",
        {
            "form": filters.form,
            "filtered": filters.active,
            # Shown as a removable filter when the partner list is too long to be a select.
            "hidden_organisation": filters.selected.get("organisation")
            if "partner" in filters.form.fields
            else None,
            "page_obj": page,
            "figures": public_figures(),
            # Followed from the page head (a panel of the newsletter app).
            "programme": filters.selected.get("programme"),
            "objective": filters.selected.get("objective"),
        },
    )


def project_detail(request, slug):
    project = get_object_or_404(
        Project.objects.visible_to(request.user).for_cards().prefetch_related("images"),
        slug=slug,
    )
    user = request.user
    in_consortium = acts_as_staff(user) or (
        user.is_authenticated
        and Participation.objects.of_user(user).filter(project=project).exists()
    )
    can_edit = Project.objects.editable_by(user).filter(pk=project.pk).exists()
    timeline = project.status_changes.all()
    if in_consortium:
        timeline = timeline.select_related("author")
    else:  # funding applications and refusals stay with the consortium and staff
        timeline = timeline.exclude(to_status__in=Project.PRIVATE_STEPS)
    status_form = None
    if can_edit and project.next_statuses(user):
        status_form = StatusChangeForm(project=project, user=user)
    review = None
    if acts_as_staff(user):
        # Staff only: the consortium never sees review notes.
        notes = project.review_notes.select_related("author")
        note_form = ReviewNoteForm()
        note_form.helper.form_action = reverse("projects:project-review", args=[project.slug])
        review = {"notes": notes[:REVIEW_NOTES_SHOWN], "count": notes.count(), "form": note_form}
    response = render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "timeline": timeline,
            "in_consortium": in_consortium,
            "can_edit": can_edit,
            "documents": project.documents.all() if in_consortium else None,
            "status_form": status_form,
            "review": review,
        },
    )
    return audience.mark(response, project)


def call_list(request):
    filters = CallFilter(
        request.GET, Call.objects.visible_to(request.user).select_related("programme")
    )
    page = Paginator(filters.qs.prefetch_related("markets"), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "projects/call_list.html",
        {"page_obj": page, "filters": filters, "markets": filters.rows("market")},
    )


def call_detail(request, slug):
    call = get_object_or_404(
        Call.objects.visible_to(request.user).select_related("programme"), slug=slug
    )
    searches = None
    if is_member(request.user):
        searches = (
            PartnerSearch.objects.visible_to(request.user).open().filter(call=call).for_cards()[:6]
        )
    return render(request, "projects/call_detail.html", {"call": call, "searches": searches})


class ProjectFeed(Feed):
    """The latest labelled public projects (RSS). Always built for an anonymous reader."""

    title = _("Vehicle of the Future: labelled projects")
    description = _("Collaborative innovation projects labelled by the cluster.")

    def link(self):
        return reverse("projects:project-list")

    def items(self):
        return (
            Project.objects.visible_to(AnonymousUser())
            .order_by("-labelled_on", "-pk")
            .prefetch_related("markets")[:30]
        )

    def item_title(self, item):
        return f"{item.acronym} · {item.localized_title}"

    def item_description(self, item):
        return item.localized_summary

    def item_pubdate(self, item):
        return item.created_at

    def item_categories(self, item):
        return [market.name for market in item.markets.all()]
