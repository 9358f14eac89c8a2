import functools

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from accounts.permissions import needs_two_factor_setup
from content.models import Article, HomeBlock, Market, RoadmapObjective
from core import hooks, pagecache
from core.search import DATE_BUCKETS, SORTS
from core.search import run as run_search
from core.todo import tally
from events.models import Event
from members.models import Organisation
from projects.models import Project
from trainings.models import Training


def _home_figures() -> list[dict]:
    """The home page's figures, counted from the portal's own data in one query: the member
    organisations the directory lists (active, paid up and not hidden by staff: the figure
    links to the directory and matches its count and the members map), projects labelled
    and shown publicly, published trainings, and the events of the current year (cancelled
    ones aside)."""
    year = timezone.localdate().year
    found = tally(
        {
            "members": (Organisation.objects.in_directory(), "pk"),
            "projects": (Project.objects.visible_to(AnonymousUser()).labelled(), "pk"),
            "trainings": (Training.objects.published(), "pk"),
            "events": (
                Event.objects.listed()
                .exclude(status=Event.Status.CANCELLED)
                .filter(start__year=year),
                "pk",
            ),
        }
    )
    members, projects, trainings, events = (count for count, _oldest in found.values())
    return [
        {
            "value": members,
            "label": ngettext("member organisation", "member organisations", members),
            "url": "members:organisation-list",
        },
        {
            "value": projects,
            "label": ngettext("labelled project", "labelled projects", projects),
            "url": "projects:project-list",
        },
        {
            "value": trainings,
            "label": ngettext("training course", "training courses", trainings),
            "url": "trainings:training-list",
        },
        {
            "value": events,
            "label": ngettext("event in %(year)s", "events in %(year)s", events) % {"year": year},
            "url": "events:event-list",
        },
    ]


def home_figures() -> list[dict]:
    """:func:`_home_figures`, kept in the shared cache until one of the tables it counts
    is written (core.pagecache): a new member or event shows at once."""
    return pagecache.cached_fragment("home:figures", _home_figures)


def home(request):
    # The page's content is a cached block: its lists are built only when it is not in the
    # cache (a template calls a callable; functools.cache keeps each list to one query).
    return render(
        request,
        "home_cached.html",
        {
            "markets": functools.cache(lambda: Market.objects.published()),
            "figures": home_figures,
            "blocks": functools.cache(lambda: HomeBlock.objects.filter(is_visible=True)),
            "objectives": functools.cache(lambda: RoadmapObjective.objects.published()),
            "articles": functools.cache(lambda: Article.objects.published().for_list()[:3]),
        },
    )


@login_required
def dashboard(request):
    """The signed-in person's own space: where to go next."""
    return render(
        request,
        "dashboard.html",
        {"needs_two_factor": needs_two_factor_setup(request.user)},
    )


@require_GET
def bench_minimal(request):
    """The smallest page of the portal (through every middleware, no query, no template):
    what ``make bench`` compares the real pages with. Served only when BENCH is on."""
    return HttpResponse(
        "<!doctype html><title>minimal</title><p>minimal</p>\n", content_type="text/html"
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /en/admin/",
        "Disallow: /accounts/",
        "Disallow: /en/accounts/",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


SEARCH_PAGE_SIZE = 20


def search(request):
    """One search box for the whole portal: every app's items counted by type, market and
    date in the database, ranked by relevance or date (``core.search.run``). The facets are
    a GET form applied by its button only, so the page works without JavaScript and every
    result page is an address the page cache can keep.

    The facets and results are the same for every reader with the same
    ``hooks.search_variant`` (what of the reader changes what each app lets them find): they
    are kept in the shared cache for each, until a table the search read is written."""
    data = request.GET
    query = data.get("q", "").strip()[:100]
    sort = data.get("sort") if data.get("sort") in SORTS else "relevance"
    context = {
        "query": query,
        "too_short": 0 < len(query) < 2,
        "sort": sort,
        "sorts": SORTS,
        "kind": data.get("type", ""),
        "market": data.get("market", "") if data.get("market", "").isdigit() else "",
        "when": data.get("when", "") if data.get("when") in DATE_BUCKETS else "",
    }

    def results() -> str:
        sources = hooks.search_sources(query, request.user)
        if context["kind"] not in {source.kind for source in sources}:
            context["kind"] = ""
        outcome = run_search(
            sources,
            query,
            kind=context["kind"],
            market=context["market"],
            when=context["when"],
            sort=sort,
            markets=Market.objects.published(),
        )
        page = Paginator(outcome.hits, SEARCH_PAGE_SIZE).get_page(data.get("page"))
        more = {source.kind: source.more_url for source in sources}
        context.update(outcome=outcome, page_obj=page, more_url=more.get(context["kind"], ""))
        return render_to_string("includes/search_results.html", context, request)

    if len(query) >= 2:
        key = f"search:{hooks.search_variant(request.user)}:{request.get_full_path()}"
        context["results"] = mark_safe(pagecache.cached_fragment(key, results))  # noqa: S308
    return render(request, "search.html", context)
