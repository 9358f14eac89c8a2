"""Demo editorial content of `manage.py load_demo`: markets, roadmap, pages, news, home page.

The texts and records are data, in ``content/demo/*.toml`` (French and English fields side by
side), written by the shared loader of ``core.demo``: each record is updated or created by its
natural key, so loading twice updates the same rows instead of duplicating them. What stays
here is the glue (market themes to markets, the staff author of the news) and the ``--scale``
generator of foresight notes for benchmarks.

In the data files, Markdown fields are ``'''`` strings stored as written; long one-line fields
are wrapped with TOML's line-ending backslash (the line break and the indentation after it are
dropped). Dates are Paris times with their offset (the news follow the calendar their texts
describe), or ``"today+N HH:MM"`` for a date relative to the loading day.
"""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model

from accounts.demo import STAFF_EMAIL
from content.models import (
    Article,
    ContactSettings,
    HomeBlock,
    KeyFigure,
    Market,
    Page,
    RoadmapObjective,
    SocialLink,
    TeamMember,
)
from core import demo

# Glue of the demo's roadmap tags (see tag_objectives): the words that show an item serves
# an objective, looked for in its French text.
OBJECTIVE_WORDS = {
    1: ("veille", "prospective", "tendance", "feuille de route", "marché"),
    2: ("consortium", "appel à projets", "labellis", "collaboratif"),
    3: ("plateforme", "banc d", "essais", "centre de ressources", "laboratoire"),
    4: ("performance", "lean", "usine", "production", "qualité", "industrie 4"),
    5: ("formation", "compétences", "métier", "apprenti"),
    6: ("partenariat", "cluster", "réseau", "alliance"),
    7: ("international", "europe", "export", "allemagne", "italie", "salon", "expériment"),
}
GENERATED_SLUG = "veille-generee-{}"
GENERATED_DAY_ONE = datetime(2024, 12, 31, 8, tzinfo=demo.PARIS)


def _generated_article(number: int, market: Market, author) -> Article:
    name_fr, name_en = market.name_fr, market.name_en
    return Article(
        slug=GENERATED_SLUG.format(number),
        kind=Article.Kind.FORESIGHT,
        status=Article.Status.PUBLISHED,
        published_at=GENERATED_DAY_ONE - timedelta(days=number),
        author=author,
        title_fr=f"Veille technologique n°{number}",
        title_en=f"Technology watch #{number}",
        excerpt_fr=f"Note de veille générée n°{number} : les signaux de la semaine ({name_fr}).",
        excerpt_en=f"Generated watch note #{number}: this week's signals ({name_en}).",
        body_fr=(
            f"Cette note de veille générée résume les signaux repérés sur le marché "
            f"« {name_fr} ».\n\n- Publications scientifiques et brevets\n"
            f"- Annonces des constructeurs et des équipementiers\n- Appels à projets ouverts"
        ),
        body_en=(
            f"This generated watch note sums up the signals spotted in the "
            f"“{name_en}” market.\n\n- Scientific papers and patents\n"
            f"- Announcements by carmakers and suppliers\n- Open calls for projects"
        ),
    )


def _load_generated_articles(count: int, markets: list[Market], author) -> int:
    """Add the missing generated articles in bulk, with their markets; return how many."""
    existing = set(
        Article.objects.filter(slug__startswith=GENERATED_SLUG.format("")).values_list(
            "slug", flat=True
        )
    )
    new = {
        number: _generated_article(number, markets[number % len(markets)], author)
        for number in range(1, count + 1)
        if GENERATED_SLUG.format(number) not in existing
    }
    Article.objects.bulk_create(new.values(), batch_size=500)
    through = Article.markets.through
    links = []
    for number, article in new.items():
        links.append(through(article_id=article.pk, market_id=markets[number % len(markets)].pk))
        if number % 3 == 0:  # every third note also concerns the next market
            second = markets[(number + 1) % len(markets)]
            links.append(through(article_id=article.pk, market_id=second.pk))
    through.objects.bulk_create(links, batch_size=1000, ignore_conflicts=True)
    return len(new)


def load(*, scale: int, log) -> None:
    markets = demo.load(
        Market,
        demo.read("content", "markets")["markets"],
        key="theme",
        convert={"published_at": demo.when},
    )
    # Objectives and articles name their markets by theme.
    convert = {
        "published_at": demo.when,
        "markets": lambda themes: [markets[theme] for theme in themes],
    }
    objectives = demo.load(
        RoadmapObjective,
        demo.read("content", "roadmap")["objectives"],
        key="number",
        convert=convert,
    )
    pages = demo.load(
        Page,
        demo.read("content", "pages")["pages"],
        key="slug",
        convert={"published_at": demo.when},
    )

    author = get_user_model().objects.filter(email=STAFF_EMAIL).first()
    articles = demo.load(
        Article,
        [{**record, "author": author} for record in demo.read("content", "articles")["articles"]],
        key="slug",
        convert=convert,
    )

    home = demo.read("content", "home")
    figures = demo.load(KeyFigure, home["key_figures"], key="order")
    blocks = demo.load(HomeBlock, home["home_blocks"], key="order")

    contact = demo.read("content", "contact")
    demo.upsert(ContactSettings, {"pk": 1}, contact["contact"])
    team = demo.load(TeamMember, contact["team"], key=("first_name", "last_name"))
    social = demo.load(SocialLink, contact["social"], key="network")

    generated = 0
    if scale > 0:
        ordered = sorted(markets.values(), key=lambda market: market.order)
        generated = _load_generated_articles(scale // 10, ordered, author)

    scheduled = sum(article.is_scheduled for article in articles.values())
    drafts = sum(article.status == Article.Status.DRAFT for article in articles.values())
    log(
        f"content: {len(markets)} markets, {len(objectives)} roadmap objectives, "
        f"{len(pages)} pages, {len(articles)} articles ({scheduled} scheduled, {drafts} draft), "
        f"{len(figures)} milestones, {len(blocks)} home blocks, {len(team)} team members, "
        f"{len(social)} social links"
        + (f", {generated} new generated articles" if scale > 0 else "")
    )
    illustrated = demo.illustrate(markets.values(), kind="page", theme=lambda market: market.theme)
    # The legal notice and the privacy policy stay plain text.
    presented = [page for page in pages.values() if page.role in (Page.Role.ABOUT, Page.Role.OTHER)]
    illustrated += demo.illustrate(presented, kind="page")
    illustrated += demo.illustrate(articles.values(), kind="article", theme=demo.first_theme)
    # News and foresight first serve the forward-looking vision (objective 1).
    tagged = tag_objectives(
        articles.values(), text=lambda article: f"{article.title} {article.excerpt}", usual=1
    )
    log(f"content: {illustrated} covers drawn, {tagged} articles tagged with objectives")


def tag_objectives(rows, *, text, usual: int) -> int:
    """Tag each of ``rows`` that serves no roadmap objective yet with the objective its kind
    usually serves (``usual``, a number) and the first other one whose words
    (``OBJECTIVE_WORDS``) appear in ``text(row)``. Returns how many rows were tagged."""
    objectives = RoadmapObjective.objects.in_bulk(field_name="number")
    if usual not in objectives:  # without the roadmap, nothing to tag
        return 0
    tagged = 0
    for row in rows:
        if row.roadmap_objectives.exists():
            continue
        words = text(row).lower()
        found = [
            n for n, keys in OBJECTIVE_WORDS.items() if n != usual and any(k in words for k in keys)
        ]
        row.roadmap_objectives.set([objectives[number] for number in [usual, *found[:1]]])
        tagged += 1
    return tagged
