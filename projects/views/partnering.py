"""“Looking for partners” posts: members only."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import acts_as_staff
from core import views as core_views
from core.views import save_posted
from members.models import Organisation
from members.permissions import is_member
from projects import services
from projects.filters import PartnerSearchFilter
from projects.forms import InterestForm, PartnerSearchForm
from projects.models import PartnerSearch
from projects.services import ProjectError, interest_create

SEARCHES_PER_PAGE = 20


def members_only(view):
    """Visitors get a page that says what the partner searches are and offers signing in
    and joining; signed-in people without a member organisation get a page that explains
    why they cannot see the posts."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated and request.method != "GET":
            return redirect_to_login(request.get_full_path())
        if not request.user.is_authenticated:
            return core_views.members_only(
                request,
                title=_("Looking for partners"),
                summary=_(
                    "Member organisations post here the partners they look for to build "
                    "a collaborative project, and answer each other's searches."
                ),
                points=[
                    _("The open partner searches, by market and skill, with their deadlines."),
                    _("Answering a search in your organisation's name, in one click."),
                    _("Posting your own search to the whole network of the cluster."),
                ],
            )
        if not is_member(request.user):
            return render(request, "projects/partnersearch_members_only.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _answering_organisations(user, search):
    """The active organisations ``user`` may answer ``search`` for (not the poster's)."""
    return (
        Organisation.objects.active()
        .of_user(user)
        .exclude(pk=search.organisation_id)
        .exclude(partner_interests__search=search)
        .order_by("name")
    )


@members_only
def partnersearch_list(request):
    filters = PartnerSearchFilter(
        request.GET, PartnerSearch.objects.visible_to(request.user).open()
    )
    page = Paginator(filters.qs.for_cards(), SEARCHES_PER_PAGE).get_page(request.GET.get("page"))
    own = (
        PartnerSearch.objects.filter(organisation__in=Organisation.objects.of_user(request.user))
        .select_related("organisation")
        .order_by("-created_at")[:10]
    )
    return render(
        request,
        "projects/partnersearch_list.html",
        {
            "page_obj": page,
            "filters": filters,
            "markets": filters.rows("market"),
            "competencies": filters.rows("competency"),
            "own": own,
        },
    )


@members_only
def partnersearch_detail(request, pk):
    search = get_object_or_404(
        PartnerSearch.objects.visible_to(request.user).for_cards().select_related("author"),
        pk=pk,
    )
    user = request.user
    is_poster = acts_as_staff(user) or search.organisation.memberships.filter(user=user).exists()
    interests = (
        search.interests.select_related("organisation", "user").order_by("-created_at")
        if is_poster
        else None
    )
    interest_form = None
    already = search.interests.filter(organisation__memberships__user=user).select_related(
        "organisation"
    )
    if search.is_open and not is_poster:
        organisations = _answering_organisations(user, search)
        if organisations.exists():
            interest_form = InterestForm(organisations=organisations)
    return render(
        request,
        "projects/partnersearch_detail.html",
        {
            "search": search,
            "is_poster": is_poster,
            "can_manage": search.is_managed_by(user),
            "interests": interests,
            "interest_form": interest_form,
            "already": already,
        },
    )


@members_only
def partnersearch_create(request):
    organisations = Organisation.objects.active().of_user(request.user).order_by("name")
    form = PartnerSearchForm(
        request.POST or None,
        organisations=organisations,
        initial={"call": request.GET.get("call")},
    )
    form.instance.author = request.user
    if save_posted(request, form, message=_("Your post is published to the members.")):
        return redirect(form.instance)
    return render(request, "projects/partnersearch_form.html", {"form": form})


@members_only
def partnersearch_edit(request, pk):
    search = get_object_or_404(PartnerSearch.objects.visible_to(request.user), pk=pk)
    if not search.is_managed_by(request.user):
        raise PermissionDenied
    form = PartnerSearchForm(request.POST or None, instance=search, organisations=None)
    if save_posted(request, form, message=_("Your post is updated.")):
        return redirect(search)
    return render(request, "projects/partnersearch_form.html", {"form": form, "search": search})


@members_only
@require_POST
def partnersearch_close(request, pk):
    search = get_object_or_404(PartnerSearch.objects.visible_to(request.user), pk=pk)
    try:
        services.partnersearch_close(search=search, by=request.user)
    except ProjectError as error:
        raise PermissionDenied(error.message) from None
    messages.success(request, _("Your post is closed: it no longer appears in the list."))
    return redirect(search)


@members_only
@require_POST
def partnersearch_interest(request, pk):
    search = get_object_or_404(PartnerSearch.objects.visible_to(request.user), pk=pk)
    form = InterestForm(request.POST, organisations=_answering_organisations(request.user, search))
    if form.is_valid():
        try:
            interest_create(
                search=search,
                organisation=form.cleaned_data["organisation"],
                by=request.user,
                message=form.cleaned_data["message"],
            )
        except ProjectError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _(
                    "The poster has received your organisation's profile. They will contact you "
                    "if there is a match."
                ),
            )
    else:
        messages.error(request, _("Your organisation cannot answer this post."))
    return redirect(search)
