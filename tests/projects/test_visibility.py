"""A members-only or confidential project never shows to those who may not see it.

One world, five personas, every place a project appears.
"""

import re

import pytest
from django.urls import reverse

from projects import panels
from projects.models import Participation, Project
from projects.views.showcase import public_figures
from tests.factories import MarketFactory, UserFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory, colleague_of

pytestmark = pytest.mark.django_db

ALL = {"PUBLICPRJ", "MEMBERSPRJ", "SECRETPRJ", "DRAFTPRJ"}
EXPECTED = {
    "anonymous": {"PUBLICPRJ"},
    "non_member": {"PUBLICPRJ"},
    "member": {"PUBLICPRJ", "MEMBERSPRJ"},
    "consortium": ALL,
    "staff": ALL,
}


@pytest.fixture
def world(db):
    market = MarketFactory(theme="electric")
    coordinator = OrganisationFactory(name="Coordinateur", slug="coordinateur")
    partner = OrganisationFactory(name="Partenaire", slug="partenaire")
    common = {"coordinator": coordinator, "partners": [partner], "markets": [market]}
    ProjectFactory(acronym="PUBLICPRJ", total_budget=1_000_000, **common)
    ProjectFactory(
        acronym="MEMBERSPRJ",
        visibility=Project.Visibility.MEMBERS,
        total_budget=20_000_000,
        **common,
    )
    ProjectFactory(
        acronym="SECRETPRJ",
        visibility=Project.Visibility.CONFIDENTIAL,
        total_budget=300_000_000,
        **common,
    )
    ProjectFactory(
        acronym="DRAFTPRJ",
        status=Project.Status.SUBMITTED,
        labelled_on=None,
        total_budget=4_000_000_000,
        **common,
    )
    return {"market": market, "partner": partner, "coordinator": coordinator}


@pytest.fixture(params=list(EXPECTED))
def persona(request, world, client, staff):
    name = request.param
    if name == "non_member":
        client.force_login(UserFactory())
    elif name == "member":
        client.force_login(colleague_of(OrganisationFactory()))
    elif name == "consortium":
        client.force_login(colleague_of(world["partner"]))
    elif name == "staff":
        client.force_login(staff)
    return name


def shown(html: str) -> set[str]:
    return {acronym for acronym in ALL if acronym in html}


def test_every_place_a_project_appears(persona, client, world):
    expected = EXPECTED[persona]
    response = client.get(reverse("projects:project-list"))
    user = response.wsgi_request.user

    # The one rule...
    assert set(Project.objects.visible_to(user).values_list("acronym", flat=True)) == expected
    # ...applied by the showcase list, its search and its partner filter,
    assert shown(response.content.decode()) == expected
    search = client.get(reverse("projects:project-list"), {"q": "collaboratif"})
    assert shown(search.content.decode()) == expected
    by_partner = client.get(reverse("projects:project-list"), {"organisation": "partenaire"})
    assert shown(by_partner.content.decode()) == expected
    # by the portal-wide search (searching a partner's name finds every project),
    portal_search = client.get(reverse("search"), {"q": "partenaire"})
    assert shown(portal_search.content.decode()) == expected
    # by the detail pages,
    for acronym in ALL:
        project = Project.objects.get(acronym=acronym)
        status = client.get(project.get_absolute_url()).status_code
        assert status == (200 if acronym in expected else 404), acronym
    # by the organisation profile,
    profile = client.get(reverse("members:organisation-detail", args=[world["partner"].slug]))
    assert shown(profile.content.decode()) == expected
    # by the market page (three cards at most, and the count of its link).
    market = client.get(world["market"].get_absolute_url())
    cards = shown(market.content.decode())
    assert cards <= expected and len(cards) == min(3, len(expected))
    assert panels.market_context(market.wsgi_request, world["market"])["total"] == len(expected)


def test_key_figures_count_public_projects_only_for_everyone(persona, client):
    response = client.get(reverse("projects:project-list"))

    figures = response.context["figures"]
    assert figures["count"] == 1
    assert figures["budget"] == 1_000_000
    home = client.get(reverse("home")).content.decode()
    home = re.sub(r"<svg.*?</svg>", "", home, flags=re.S)  # the map's outlines are numbers
    assert "321" not in home and "4 000" not in home
    assert "1\u00a0M€" in home


def test_sitemap_and_feed_are_always_built_for_visitors(persona, client):
    sitemap = client.get(reverse("sitemap")).content.decode()
    feed = client.get(reverse("projects:project-feed")).content.decode()

    public = Project.objects.get(acronym="PUBLICPRJ")
    assert public.get_absolute_url() in sitemap
    for acronym in ("MEMBERSPRJ", "SECRETPRJ", "DRAFTPRJ"):
        slug = Project.objects.get(acronym=acronym).slug
        assert f"/{slug}/" not in sitemap
    assert shown(feed) == {"PUBLICPRJ"}


def test_public_figures_ignore_who_asks(world):
    assert public_figures()["count"] == 1


def test_panels_kept_for_a_class_of_readers_never_reach_another(world, client, staff):
    """The projects panels of a market and of a profile are kept in the shared cache for
    each class of readers (projects.panels.readers): read in turn by every persona, twice
    (the second round is served from what the first stored), each sees only their own."""
    member_organisation = OrganisationFactory()
    readers = {
        "anonymous": None,
        "non_member": UserFactory(),
        "member": colleague_of(member_organisation),
        "consortium": colleague_of(world["partner"]),
        "staff": staff,
    }
    market_url = world["market"].get_absolute_url()
    profile_url = reverse("members:organisation-detail", args=[world["partner"].slug])

    def read_as(name):
        client.logout()
        if readers[name] is not None:
            client.force_login(readers[name])
        return (
            shown(client.get(market_url).content.decode()),
            shown(client.get(profile_url).content.decode()),
        )

    for _round in range(2):
        for name, expected in EXPECTED.items():
            market, profile = read_as(name)
            assert market <= expected and len(market) == min(3, len(expected)), name
            assert profile == expected, name

    # The member's organisation joins the confidential project: the cached panels follow
    # at the next request.
    secret = Project.objects.get(acronym="SECRETPRJ")
    Participation.objects.create(
        project=secret, organisation=member_organisation, role=Participation.Role.PARTNER
    )
    assert "SECRETPRJ" in read_as("member")[1]
