"""The site search's facets and results are kept in the shared cache for each class of
readers (``hooks.search_variant``): shared by readers who may find the same items, never
shown to one who may not, and fresh after any write to a table the search read."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.models import Project
from tests.conftest import LanguageSafeClient
from tests.events.factories import EventFactory
from tests.factories import ArticleFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory, colleague_of

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


def reader(user=None) -> LanguageSafeClient:
    client = LanguageSafeClient()
    if user is not None:
        client.force_login(user)
    return client


def search(client, query: str) -> tuple[str, int]:
    """The page (without the marks of the words found) and how many search queries (the
    ``UNION`` of every app's items) it cost."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    html = response.content.decode().replace("<mark>", "").replace("</mark>", "")
    return html, sum(" UNION " in query["sql"] for query in queries.captured_queries)


def test_readers_of_the_same_standing_share_the_results(organisation, owner, colleague):
    ArticleFactory(title="Corridor hydrogène du Doubs")
    page, searched = search(reader(owner), "corridor")
    assert "Corridor hydrogène du Doubs" in page
    assert searched == 4  # three counts and the page

    page, searched = search(reader(colleague), "corridor")
    assert "Corridor hydrogène du Doubs" in page
    assert searched == 0


def test_a_new_matching_article_shows_at_the_next_request(colleague):
    member = reader(colleague)
    ArticleFactory(title="Corridor hydrogène du Doubs")
    assert "1 résultat" in search(member, "corridor")[0]

    ArticleFactory(title="Corridor électrique du Jura")
    page, searched = search(member, "corridor")
    assert "Corridor électrique du Jura" in page
    assert "2 résultats" in page
    assert searched == 4  # built again


def test_what_a_member_finds_never_reaches_a_visitor_or_a_signed_in_non_member(colleague, user):
    ProjectFactory(acronym="MBRONLY", title="Corridor réservé", visibility="members")
    assert "MBRONLY" in search(reader(colleague), "corridor")[0]

    assert "MBRONLY" not in search(reader(user), "corridor")[0]
    assert "MBRONLY" not in search(reader(), "corridor")[0]


def test_what_staff_find_never_reaches_members(staff, colleague):
    EventFactory(title="Corridor en préparation", status="draft")
    assert "Corridor en préparation" in search(reader(staff), "corridor")[0]

    assert "Corridor en préparation" not in search(reader(colleague), "corridor")[0]


def test_a_consortiums_own_project_stays_with_its_organisations(organisation, colleague):
    other_member = colleague_of(OrganisationFactory())
    ProjectFactory(
        acronym="CONFID",
        title="Corridor confidentiel",
        visibility=Project.Visibility.CONFIDENTIAL,
        coordinator=organisation,
    )
    assert "CONFID" in search(reader(colleague), "corridor")[0]

    page, searched = search(reader(other_member), "corridor")
    assert "CONFID" not in page
    assert searched  # another organisation: results of its own
