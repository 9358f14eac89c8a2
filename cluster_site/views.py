from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from accounts.permissions import needs_two_factor_setup
from content.models import Article, HomeBlock, KeyFigure, Market, RoadmapObjective
from core import hooks


def home(request):
    return render(
        request,
        "home_cached.html",
        {
            "markets": Market.objects.published(),
            "key_figures": KeyFigure.objects.filter(is_visible=True),
            "blocks": HomeBlock.objects.filter(is_visible=True),
            "objectives": RoadmapObjective.objects.published(),
            "articles": Article.objects.published().for_list()[:3],
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


SEARCH_LIMIT = 5


def search(request):
    """One search box for the whole portal: each app answers for its own items."""
    query = request.GET.get("q", "").strip()[:100]
    sections = []
    if len(query) >= 2:
        sections = hooks.search_sections(query, request.user, SEARCH_LIMIT)
    return render(
        request,
        "search.html",
        {"query": query, "sections": sections, "too_short": 0 < len(query) < 2},
    )
