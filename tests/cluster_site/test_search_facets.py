"""The faceted site search: counts by type, market and date computed in the database and
checked here against the rows the test made; accent-blind matching, escaped highlights,
both sorts, and a bounded number of queries whatever the data."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.search import fold, highlight, register_sqlite_fold
from events.models import Event
from tests.events.factories import EventFactory
from tests.factories import ArticleFactory, MarketFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import colleague_of
from tests.trainings.factories import SessionFactory, TrainingFactory

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response


def counts(facets) -> dict:
    return {facet.value: facet.count for facet in facets}


@pytest.fixture
def world():
    """Hydrogen items of several kinds, markets and dates, and a few that must not count."""
    hydrogen = MarketFactory(name="Hydrogène", slug="hydrogene", theme="hydrogen")
    electric = MarketFactory(name="Électrique", slug="electrique", theme="electric")
    now = timezone.now()
    ArticleFactory(
        title="Hydrogène : bilan", markets=[hydrogen], published_at=now - timedelta(days=3)
    )
    ArticleFactory(
        title="Stations hydrogène et bornes",
        markets=[hydrogen, electric],
        published_at=now - timedelta(days=200),
    )
    ArticleFactory(title="Hydrogène ancien", published_at=now - timedelta(days=800))
    ArticleFactory(title="Hydrogène brouillon", status="draft")
    EventFactory(title="Atelier hydrogène", markets=[hydrogen])
    EventFactory(title="Hydrogène en préparation", status=Event.Status.DRAFT, markets=[hydrogen])
    session = SessionFactory(training=TrainingFactory(title="Sécurité hydrogène"))
    session.training.markets.set([hydrogen])
    OrganisationFactory(name="Hydrogène Services", pitch="Stations")
    ArticleFactory(title="Batteries solides", markets=[electric])  # no match
    return {"hydrogen": hydrogen, "electric": electric}


def test_type_market_and_date_counts_match_the_rows_a_visitor_may_see(client, world):
    outcome = search(client, q="hydrogene").context["outcome"]
    hydrogen, electric = world["hydrogen"], world["electric"]

    # Drafts are out: three articles, one event, one training, one member (and the market).
    assert counts(outcome.types) == {
        "market": 1,
        "article": 3,
        "event": 1,
        "training": 1,
        "organisation": 1,
    }
    assert outcome.total == 7
    # Markets: the hydrogen market itself, two articles, the event, the training; the
    # electric market holds one matching article.
    assert counts(outcome.markets) == {str(hydrogen.pk): 5, str(electric.pk): 1}
    # The event and the session are to come; the articles are 3, 200 and 800 days old.
    assert counts(outcome.dates) == {"upcoming": 2, "month": 1, "year": 1, "older": 1}


def test_each_facet_counts_with_the_other_facets_applied(client, world):
    market = str(world["electric"].pk)
    outcome = search(client, q="hydrogene", market=market, type="article").context["outcome"]
    assert outcome.total == 1
    assert counts(outcome.types) == {"article": 1}
    assert counts(outcome.dates) == {"year": 1}
    # The market facet keeps the type chosen but not the market: other markets stay offered.
    assert counts(outcome.markets) == {str(world["hydrogen"].pk): 2, market: 1}
    titles = [
        hit.title for hit in search(client, q="hydrogene", when="upcoming").context["page_obj"]
    ]
    assert sorted(titles) == ["Atelier hydrogène", "Sécurité hydrogène"]


def test_unknown_facet_values_are_ignored(client, world):
    outcome = search(client, q="hydrogene", type="nope", market="x", when="soon").context["outcome"]
    assert outcome.total == 7


def test_words_match_without_accents_or_capitals_both_ways(client):
    ArticleFactory(title="Véhicule électrique partagé")
    ArticleFactory(title="VEHICULE ELECTRIQUE LOURD")
    for query in ("vehicule electrique", "Véhicule ÉLECTRIQUE"):
        titles = {hit.title for hit in search(client, q=query).context["page_obj"]}
        assert titles == {"Véhicule électrique partagé", "VEHICULE ELECTRIQUE LOURD"}, query


def test_every_word_must_match(client):
    ArticleFactory(title="Bus hydrogène")
    ArticleFactory(title="Bus électrique")
    titles = [hit.title for hit in search(client, q="bus hydrogene").context["page_obj"]]
    assert titles == ["Bus hydrogène"]


def test_matched_words_are_marked_and_the_text_escaped(client):
    ArticleFactory(
        title="<script>alert(1)</script> Hydrogène & co",
        excerpt="Le <b>plein</b> d'hydrogène",
    )
    html = search(client, q="hydrogene").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Hydrogène</mark> &amp; co" in html
    assert "Le &lt;b&gt;plein&lt;/b&gt; d&#x27;<mark>hydrogène</mark>" in html
    assert "<script>alert(1)" not in html


def test_highlight_folds_accents_and_cuts_a_window_around_the_first_match():
    assert highlight("Œuvre électrique", "oeuvre ELECTRIQUE") == (
        "<mark>Œuvre</mark> <mark>électrique</mark>"
    )
    long_text = "a" * 300 + " hydrogène " + "b" * 300
    cut = highlight(long_text, "hydrogene", length=100)
    assert cut.startswith("…") and cut.endswith("…")
    assert "<mark>hydrogène</mark>" in cut
    assert highlight("rien", "hydrogene") == "rien"


def test_sqlite_gets_the_same_folding_as_unaccent():
    class Connection:
        vendor = "sqlite"

        class connection:  # noqa: N801 - the shape of Django's wrapper
            functions = {}

            @classmethod
            def create_function(cls, name, arity, function, deterministic):
                cls.functions[name] = function

    register_sqlite_fold(None, Connection)
    assert Connection.connection.functions["portal_fold"]("Hydrogène ÉLECTRIQUE") == (
        "hydrogene electrique"
    )
    assert fold("Cœur") == "coeur"


def test_sort_by_relevance_puts_title_matches_first_and_by_date_the_newest(client):
    now = timezone.now()
    ArticleFactory(
        title="Bilan annuel",
        excerpt="Le mot hydrogène au résumé",
        published_at=now - timedelta(days=1),
    )
    ArticleFactory(title="Hydrogène au titre", published_at=now - timedelta(days=30))
    EventFactory(title="Hydrogène demain", start=now + timedelta(days=5))

    relevance = [hit.title for hit in search(client, q="hydrogene").context["page_obj"]]
    assert relevance[-1] == "Bilan annuel"
    by_date = [hit.title for hit in search(client, q="hydrogene", sort="date").context["page_obj"]]
    assert by_date == ["Hydrogène demain", "Bilan annuel", "Hydrogène au titre"]


def test_the_form_applies_only_with_its_button_and_sets_no_cookie(client, world):
    response = search(client, q="hydrogene")
    html = response.content.decode()
    assert 'method="get"' in html
    assert "onchange" not in html
    assert html.count('type="submit"') >= 2  # the words and the facets' "Apply"
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in html


def test_partner_searches_count_for_members_only(client, world):
    from tests.projects.factories import PartnerSearchFactory

    PartnerSearchFactory(title="Recherche hydrogène")
    assert "partnersearch" not in counts(search(client, q="hydrogene").context["outcome"].types)
    client.force_login(colleague_of(OrganisationFactory()))
    assert counts(search(client, q="hydrogene").context["outcome"].types)["partnersearch"] == 1


def _grow(scale: int):
    market = MarketFactory(name=f"Marché {scale}", slug=f"marche-{scale}")
    for n in range(scale):
        ArticleFactory(title=f"Hydrogène {scale}-{n}", markets=[market])
        EventFactory(title=f"Atelier hydrogène {scale}-{n}", markets=[market])
        TrainingFactory(title=f"Formation hydrogène {scale}-{n}").markets.set([market])


@pytest.mark.parametrize("scale", [2, 12])
def test_query_budget_at_two_sizes(client, scale, django_assert_max_num_queries):
    _grow(scale)
    with django_assert_max_num_queries(12):
        response = search(client, q="hydrogene", sort="date")
    found = counts(response.context["outcome"].types)
    assert (found["article"], found["event"], found["training"]) == (scale, scale, scale)
    client.force_login(colleague_of(OrganisationFactory()))
    with django_assert_max_num_queries(12):
        search(client, q="hydrogene", type="event", page=2)


def test_english_page_shows_english_titles_found_by_either_language(client, in_english):
    from tests.projects.factories import ProjectFactory

    ArticleFactory(title_fr="Bilan hydrogène", title_en="Hydrogen review")
    ProjectFactory(acronym="H2BUS", title="Bus à hydrogène", title_en="Hydrogen bus")
    response = client.get("/en/search/", {"q": "hydrogene"})
    titles = {hit.title for hit in response.context["page_obj"]}
    assert {"Hydrogen review", "H2BUS · Hydrogen bus"} <= titles
    assert "Past 30 days" in response.content.decode()


def test_elisions_and_curly_apostrophes_do_not_hide_a_match(client):
    ArticleFactory(title="Le plein d’hydrogène en dix minutes")
    for query in ("l'hydrogène", "d’hydrogene", "plein d'hydrogène"):
        titles = [hit.title for hit in search(client, q=query).context["page_obj"]]
        assert titles == ["Le plein d’hydrogène en dix minutes"], query
