from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from content.filters import ArticleFilter
from content.models import Article, Market, Page, RoadmapObjective
from content.structured_data import article_json_ld
from core import audience

ARTICLES_PER_PAGE = 12


def market_list(request):
    markets = Market.objects.visible_to(request.user)
    return render(request, "content/market_list.html", {"markets": markets})


def market_detail(request, slug):
    market = get_object_or_404(Market.objects.visible_to(request.user), slug=slug)
    objectives = market.objectives.published()
    articles = market.articles.published().for_list()[:3]
    return render(
        request,
        "content/market_detail.html",
        {"market": market, "objectives": objectives, "articles": articles},
    )


def roadmap(request):
    objectives = RoadmapObjective.objects.visible_to(request.user).prefetch_related("markets")
    return render(request, "content/roadmap.html", {"objectives": objectives})


def objective_detail(request, number):
    """One objective of the roadmap and what serves it: each app's ``objective`` panel
    (content/roadmap.py) gives its figure and latest items."""
    objectives = RoadmapObjective.objects.visible_to(request.user)
    objective = get_object_or_404(objectives.prefetch_related("markets"), number=number)
    return render(
        request,
        "content/objective_detail.html",
        {"objective": objective, "others": objectives.exclude(pk=objective.pk)},
    )


def article_list(request):
    filters = ArticleFilter(request.GET, Article.objects.published().for_list())
    page = Paginator(filters.qs, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "content/article_list.html",
        {
            "page_obj": page,
            "filters": filters,
            "markets": filters.rows("market"),
            "kinds": Article.Kind.choices,
        },
    )


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.visible_to(request.user).for_list(), slug=slug)
    related = (
        Article.objects.published()
        .for_list()
        .filter(markets__in=article.markets.all())
        .exclude(pk=article.pk)
        .distinct()[:3]
    )
    response = render(
        request,
        "content/article_detail.html",
        {"article": article, "related": related, "json_ld": article_json_ld(article)},
    )
    return audience.mark(response, article)


def page_detail(request, slug=None, role=None):
    pages = Page.objects.visible_to(request.user)
    page = get_object_or_404(pages, role=role) if role else get_object_or_404(pages, slug=slug)
    return render(request, "content/page_detail.html", {"page": page})
