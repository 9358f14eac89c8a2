"""`manage.py load_demo` (run by `make run`) is idempotent and loads every app's demo."""

import pytest
from django.apps import apps
from django.core.management import call_command

from accounts.demo import DEMO_USERS
from accounts.models import User
from content.models import Article, Market, Page, RoadmapObjective

pytestmark = pytest.mark.django_db(transaction=True)

PORTAL_APPS = {"accounts", "content", "members", "projects", "trainings", "events", "networks"}


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in PORTAL_APPS and not model.__name__.startswith("Historical")
    }


def test_loading_the_demo_twice_neither_fails_nor_duplicates(capsys):
    call_command("load_demo")
    first = row_counts()
    call_command("load_demo")
    second = row_counts()
    assert first == second
    assert User.objects.filter(email__in=[u["email"] for u in DEMO_USERS]).count() == 2
    assert Market.objects.published().count() == 5
    assert RoadmapObjective.objects.published().count() == 7
    assert Article.objects.published().count() >= 12
    assert set(Page.objects.published().values_list("role", flat=True)) >= {
        "about",
        "legal",
        "privacy",
    }
    assert "demo-portal-2026" in capsys.readouterr().out
