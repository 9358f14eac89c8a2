"""Platforms and resource centres: the public list and pages, access requests, and their
editing by the organisation's admins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import acts_as_staff
from core.views import confirm_delete
from members import services
from members.filters import PlatformFilter
from members.forms import PlatformForm
from members.models import Platform
from members.permissions import can_edit_organisation, organisation_for_admin
from members.views.contact import relay

PLATFORMS_PER_PAGE = 18


def platform_list(request):
    filters = PlatformFilter(request.GET, Platform.objects.public().for_cards())
    page = Paginator(filters.qs, PLATFORMS_PER_PAGE).get_page(request.GET.get("page"))
    active = [name for name in filters.form.NARROW_FILTERS if request.GET.get(name)]
    return render(
        request,
        "members/platform_list.html",
        {
            "form": filters.form,
            "page_obj": page,
            "active_filters": active,
            "objective": filters.selected.get("objective"),
        },
    )


def _visible_platform(request, slug) -> Platform:
    platform = get_object_or_404(
        Platform.objects.select_related("organisation").with_markets(), slug=slug
    )
    organisation = platform.organisation
    if not organisation.is_listed and not (
        acts_as_staff(request.user)
        or (
            request.user.is_authenticated
            and organisation.memberships.filter(user=request.user).exists()
        )
    ):
        raise Http404
    return platform


def platform_detail(request, slug):
    platform = _visible_platform(request, slug)
    can_edit = can_edit_organisation(request.user, platform.organisation)
    return render(
        request,
        "members/platform_detail.html",
        {"platform": platform, "organisation": platform.organisation, "can_edit": can_edit},
    )


@login_required
def platform_request_access(request, slug):
    platform = _visible_platform(request, slug)
    return relay(
        request,
        platform.organisation,
        platform=platform,
        template="members/platform_request_access.html",
        context={"platform": platform},
    )


# --- Self-service for organisation admins ------------------------------------------------


@login_required
def platform_create(request, slug):
    return _platform_form(request, slug, platform=None)


@login_required
def platform_edit(request, slug, platform_slug):
    return _platform_form(request, slug, platform_slug=platform_slug)


def _platform_form(request, slug, platform=None, platform_slug=None):
    organisation = organisation_for_admin(request.user, slug)
    if platform_slug is not None:
        platform = get_object_or_404(organisation.platforms, slug=platform_slug)
    form = PlatformForm(
        request.POST or None, request.FILES or None, instance=platform, organisation=organisation
    )
    if request.method == "POST" and form.is_valid():
        platform = services.platform_save(form=form, organisation=organisation)
        messages.success(request, _("The platform is saved and online."))
        return redirect(platform)
    return render(
        request,
        "members/platform_form.html",
        {"organisation": organisation, "platform": platform, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def platform_delete(request, slug, platform_slug):
    """Asks first (GET: what goes, what stays), deletes on POST."""
    organisation = organisation_for_admin(request.user, slug)
    platform = get_object_or_404(organisation.platforms, slug=platform_slug)
    if request.method == "GET":
        return confirm_delete(
            request,
            title=_("Delete the platform %(name)s?") % {"name": platform.name},
            removes=[
                _("The platform's page, %(name)s, with its description, equipment and markets.")
                % {"name": platform.name}
            ],
            keeps=[_("The access requests already sent stay, without the link to the platform.")],
            back_url=reverse(
                "members:platform-edit", kwargs={"slug": slug, "platform_slug": platform_slug}
            ),
        )
    platform.delete()
    messages.success(request, _("The platform %(name)s is deleted.") % {"name": platform.name})
    return redirect(organisation)
