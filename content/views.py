from allauth.account.adapter import get_adapter
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt

from content import services
from content.filters import ArticleFilter
from content.forms import ContactForm
from content.models import (
    Article,
    ContactSettings,
    KeyFigure,
    Market,
    Page,
    RoadmapObjective,
    TeamMember,
)
from content.structured_data import article_json_ld
from core import audience, ratelimit

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
    milestones = KeyFigure.objects.filter(is_visible=True) if page.role == Page.Role.ABOUT else None
    return render(request, "content/page_detail.html", {"page": page, "milestones": milestones})


CONTACT_RATES = (ratelimit.Rate(3, 10 * 60), ratelimit.Rate(10, 24 * 60 * 60))


def _client_ip(request) -> str:
    try:
        # allauth's adapter reads X-Forwarded-For behind the configured number of proxies.
        return get_adapter(request).get_client_ip(request) or ""
    except PermissionDenied:
        return ""


@csrf_exempt
def contact(request):
    """The cluster's address, phone and hours, and a form relayed to the team of its topic.

    The page is the same for every visitor and stays in the page cache: its form carries
    no CSRF token (like the newsletter boxes). Abuse is held back by a rate limit per
    origin, a honeypot field, and the relay itself: messages only ever reach the team."""
    details = ContactSettings.current()
    # A link may choose the topic: /contact/?topic=membership from the join page.
    topic = request.GET.get("topic", "")
    initial = {"topic": topic} if topic in ContactSettings.Topic.values else {}
    form = ContactForm(request.POST or None, initial=initial)
    # Why a valid message was not sent (nothing to correct in the fields): kept below.
    refusal = ""
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        if form.is_robot:
            return redirect("content:contact-sent")
        origin = _client_ip(request) or "unknown"
        if not ratelimit.hit("contact-form", origin, CONTACT_RATES):
            rate = ratelimit.exhausted("contact-form", origin, CONTACT_RATES) or CONTACT_RATES[0]
            refusal, status = _rate_limit_refusal(rate), 429
        else:
            try:
                services.contact_request_send(data=form.cleaned_data)
            except services.ContactError as error:
                refusal = error.message
            else:
                return redirect("content:contact-sent")
    return render(
        request,
        "content/contact.html",
        {"details": details, "form": form, "refusal": refusal},
        status=status,
    )


def _rate_limit_refusal(rate: ratelimit.Rate) -> str:
    """What a sender over ``rate`` reads: the message is not sent, the limit, and the
    longest wait before sending again (the counter's window)."""
    if rate.seconds % 3600 == 0:
        hours = rate.seconds // 3600
        period = ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours}
    else:
        minutes = rate.seconds // 60
        period = ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}
    return _(
        "Your message was not sent: at most %(limit)s messages may be sent from the same "
        "connection in %(period)s, and that limit is reached. Send it again in %(period)s "
        "at the latest (what you wrote is kept below), or call us."
    ) % {"limit": rate.limit, "period": period}


def contact_sent(request):
    return render(request, "content/contact_sent.html")


def team(request):
    members = TeamMember.objects.filter(is_visible=True)
    return render(request, "content/team.html", {"team": members})
