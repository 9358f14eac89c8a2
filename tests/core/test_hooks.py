"""Hooks: what the apps declare in their hooks.py reaches the pages that gather them."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from core import hooks


def test_every_app_declared_its_demo_loader_in_floor_order():
    modules = [load.__module__ for load in hooks.demo_loaders()]
    assert modules == [
        "accounts.demo",
        "content.demo",
        "members.demo",
        "networks.demo",
        "projects.demo",
        "trainings.demo",
        "events.demo",
        "events.matchmaking.demo",
        "billing.demo",
        "newsletter.demo",
        "insights.demo",
        "cluster_site.demo",
    ]


def test_search_sources_come_in_the_declared_order(monkeypatch):
    monkeypatch.setattr(hooks, "_searches", {})

    def first(query, user):
        return [f"first {query}"]

    def second(query, user):
        return [f"second {query}", f"second bis {query}"]

    def empty(query, user):
        return []  # nothing to search for this reader

    hooks.search(second, order=20)
    hooks.search(empty, order=5)
    hooks.search(first, order=10)
    assert hooks.search_sources("h2", None) == ["first h2", "second h2", "second bis h2"]


def test_readers_share_search_results_only_as_far_as_every_app_says(monkeypatch):
    monkeypatch.setattr(hooks, "_searches", {})

    def everyone(query, user):
        return []

    def drafts_for_staff(query, user):
        return []

    hooks.search(everyone, order=10, variant=lambda user: "")
    hooks.search(drafts_for_staff, order=20, variant=lambda user: "staff" * user.is_staff)
    ann = SimpleNamespace(is_authenticated=True, pk=1, is_staff=False)
    bob = SimpleNamespace(is_authenticated=True, pk=2, is_staff=False)
    eve = SimpleNamespace(is_authenticated=True, pk=3, is_staff=True)
    assert hooks.search_variant(ann) == hooks.search_variant(bob)
    assert hooks.search_variant(eve) != hooks.search_variant(ann)
    assert hooks.search_variant(AnonymousUser()) not in {
        hooks.search_variant(ann),
        hooks.search_variant(eve),
    }

    # An app that does not say what changes its results: each person gets their own.
    hooks.search(lambda query, user: [], order=30)
    assert hooks.search_variant(ann) != hooks.search_variant(bob)
    assert hooks.search_variant(AnonymousUser()) == "visitor"


def test_declaring_the_same_panel_again_replaces_it(monkeypatch):
    monkeypatch.setattr(hooks, "_panels", {})
    hooks.panel("home", template="a.html", context=lambda r, o: {}, order=20)
    hooks.panel("home", template="b.html", context=lambda r, o: {}, order=10)
    hooks.panel("home", template="a.html", context=lambda r, o: None, order=5)
    assert [p.template for p in hooks._panels["home"]] == ["a.html", "b.html"]


@pytest.mark.django_db
def test_a_panel_without_content_is_not_rendered(monkeypatch, tmp_path, settings):
    (tmp_path / "shown.html").write_text("<p>{{ word }} {{ object }}</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    monkeypatch.setattr(hooks, "_panels", {})
    hooks.panel("market", template="shown.html", context=lambda r, o: {"word": "Bonjour"})
    hooks.panel("market", template="hidden.html", context=lambda r, o: None)
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    html = hooks.render_panels("market", request, "hydrogène")
    assert html == "<p>Bonjour hydrogène</p>"


@pytest.mark.django_db
def test_personal_data_sections_cover_every_app_that_keeps_personal_data():
    keys = {section.key for section in hooks.personal_data_sections()}
    assert {"account", "memberships", "projects", "training_requests", "events"} <= keys


def test_sitemaps_of_every_app_are_gathered():
    assert {"news", "organisations", "partners", "projects", "trainings", "events"} <= set(
        hooks.all_sitemaps()
    )


def test_sections_declared_by_convention_keep_their_order_and_functions():
    sections = {section.key: section for section in hooks.personal_data_sections()}
    keys = list(sections)
    # Questionnaire answers are erased before the requests they point to are anonymised.
    assert keys.index("training_satisfaction_answers") < keys.index("training_requests")
    memberships = sections["memberships"]
    assert memberships.blockers.__name__ == "blockers_memberships"
    assert sections["contact_messages"].erase is None


def test_panels_declared_by_convention_find_template_and_context():
    market = {panel.template: panel for panel in hooks._panels["market"]}
    panel = market["trainings/includes/_market_panel.html"]
    assert (panel.context.__module__, panel.context.__name__) == (
        "trainings.panels",
        "market_context",
    )
    assert panel.order == 30
