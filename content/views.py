from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from content.models import Article, Market, Page, RoadmapObjective

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


def article_list(request):
    markets = list(Market.objects.published())
    articles = Article.objects.published().for_list()
    selected_market = next((m for m in markets if m.slug == request.GET.get("market")), None)
    if selected_market:
        articles = articles.filter(markets=selected_market)
    kinds = Article.Kind
    selected_kind = request.GET.get("kind") if request.GET.get("kind") in kinds.values else ""
    if selected_kind:
        articles = articles.filter(kind=selected_kind)
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "content/article_list.html",
        {
            "page_obj": page,
            "markets": markets,
            "selected_market": selected_market,
            "kinds": kinds.choices,
            "selected_kind": selected_kind,
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
    return render(request, "content/article_detail.html", {"article": article, "related": related})


def page_detail(request, slug=None, role=None):
    pages = Page.objects.visible_to(request.user)
    page = get_object_or_404(pages, role=role) if role else get_object_or_404(pages, slug=slug)
    return render(request, "content/page_detail.html", {"page": page})
