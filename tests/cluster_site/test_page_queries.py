"""Flat costs: every main page makes at most 12 queries, for a visitor, a member and an
organisation admin, and exactly as many with a hundred times more data.

The small world has one or two rows of everything around the personas' organisation; the
large one has a hundred generated organisations with fifty projects, events and articles
and twenty-five trainings (the demo's bulk generators), and ten times more of the
organisation's own projects, events, platforms, colleagues and registrations. The page
cache is off: what is measured is the work of the views.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from content.demo import _load_generated_articles
from content.models import HomeBlock
from events.models import Event, Registration
from members.demo import load_generated
from members.models import MembershipSettings, Organisation
from projects.demo import _load_generated as load_generated_projects
from projects.models import Project
from tests.conftest import LanguageSafeClient
from tests.events.factories import EventFactory
from tests.events.test_queries import make_events
from tests.factories import (
    THEMES,
    ArticleFactory,
    KeyFigureFactory,
    MarketFactory,
    RoadmapObjectiveFactory,
    UserFactory,
)
from tests.members.factories import CompetencyFactory, MembershipFactory, PlatformFactory
from tests.networks.factories import PartnerFactory
from tests.projects.factories import FundingProgrammeFactory, ProjectFactory
from tests.trainings.factories import SessionFactory, TrainingFactory
from trainings.demo import generate_trainings, load_provider

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

BUDGET = 12
SEARCH = "hydrogène"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Measure the views, not the page cache (its setting is harmless where it is missing)."""
    settings.PAGE_CACHE_SECONDS = 0


class World:
    """The personas' organisation, what its pages show, and the rest of the portal."""

    def __init__(self, organisation, owner, colleague):
        MembershipSettings.current()
        self.markets = [MarketFactory(theme=theme) for theme in THEMES]
        self.organisation = organisation
        self.owner, self.colleague = owner, colleague
        organisation.markets.set(self.markets[:2])
        organisation.competencies.set([CompetencyFactory(), CompetencyFactory()])
        for number in range(2):
            RoadmapObjectiveFactory().markets.set(self.markets[number : number + 2])
            KeyFigureFactory()
            HomeBlock.objects.create(
                title=f"Bloc {number}",
                body="Un bloc de la page d'accueil.",
                link_label="En savoir plus",
                link_url="/",
            )
        self.programme = FundingProgrammeFactory()
        self.author = UserFactory()
        self.project = self.event = self.training = None
        self.own = 0
        self.grow(portal=1, own=2)

    def grow(self, *, portal: int, own: int) -> None:
        """Bring the organisation's own items (projects, events, platforms, colleagues...)
        to ``own`` and the rest of the portal to ``portal`` generated organisations, half as
        many projects, events and articles, a quarter as many trainings."""
        offset, self.own = self.own, own
        market = self.markets[0]
        for number in range(offset, own):
            ProjectFactory(
                title=f"Projet {SEARCH} {number}",
                coordinator=self.organisation,
                markets=self.markets[:2],
                labelled_on=timezone.localdate() - timedelta(days=number),
            )
            event = EventFactory(
                title=f"Atelier {SEARCH} {number}",
                organiser=self.organisation,
                markets=[market],
                start=timezone.now().replace(microsecond=0) + timedelta(days=1 + number),
            )
            for person in (self.owner, self.colleague):
                Registration.objects.create(event=event, user=person, status="confirmed")
            training = TrainingFactory(title=f"Formation {SEARCH} {number}", markets=[market])
            SessionFactory(training=training)
            ArticleFactory(title=f"Actualité {SEARCH} {number}", markets=self.markets[:2])
            PlatformFactory(organisation=self.organisation, markets=[market])
            MembershipFactory(organisation=self.organisation)
            PartnerFactory(name=f"Cluster {SEARCH} {number}")
        load_generated(portal, self.markets, [CompetencyFactory()])
        load_generated_projects(portal // 2, self.markets, [self.programme], log=print)
        make_events(portal // 2, market, UserFactory(), offset=10_000 + offset)
        load_provider()
        generate_trainings(portal // 4, self.markets, timezone.localdate())
        _load_generated_articles(portal // 2, self.markets, self.author)
        self.project = Project.objects.filter(
            participations__organisation=self.organisation
        ).latest("pk")
        self.event = Event.objects.filter(organiser=self.organisation).order_by("start").first()
        self.training = training if offset == 0 else self.training

    def pages(self) -> dict[str, str]:
        today = timezone.localdate()
        return {
            "home": reverse("home"),
            "market": self.markets[0].get_absolute_url(),
            "roadmap": reverse("content:roadmap"),
            "directory": reverse("members:organisation-list"),
            "directory, filtered": reverse("members:organisation-list")
            + f"?market={self.markets[0].slug}&q=organisation",
            "profile": self.organisation.get_absolute_url(),
            "map": reverse("members:organisation-map"),
            "projects": reverse("projects:project-list"),
            "project": self.project.get_absolute_url(),
            "trainings": reverse("trainings:training-list"),
            "training": self.training.get_absolute_url(),
            "events": reverse("events:event-list"),
            "event": self.event.get_absolute_url(),
            "calendar": reverse(
                "events:event-month", kwargs={"year": today.year, "month": today.month}
            ),
            "search": reverse("search") + f"?q={SEARCH}",
            "partners": reverse("networks:partner-list"),
            "dashboard": reverse("dashboard"),
        }


def measure(world: World) -> dict[str, int]:
    visitor, member, admin = LanguageSafeClient(), LanguageSafeClient(), LanguageSafeClient()
    member.force_login(world.colleague)
    admin.force_login(world.owner)
    counts = {}
    for persona, client in (("visitor", visitor), ("member", member), ("admin", admin)):
        for name, url in world.pages().items():
            if name == "dashboard" and persona == "visitor":
                continue
            client.get(url)  # warm-up: per-process and shared caches
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, (persona, url, response.status_code)
            counts[f"{persona}: {name}"] = len(queries)
    return counts


def test_every_main_page_costs_the_same_few_queries_at_1x_and_100x(organisation, owner, colleague):
    world = World(organisation, owner, colleague)
    small = measure(world)
    over = {page: count for page, count in small.items() if count > BUDGET}
    assert not over, f"pages over {BUDGET} queries: {over}"

    world.grow(portal=100, own=20)
    assert Organisation.objects.count() >= 100
    large = measure(world)
    changed = {page: (small[page], large[page]) for page in small if small[page] != large[page]}
    assert not changed, f"query counts that grow with the data (1x, 100x): {changed}"
