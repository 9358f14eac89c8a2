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
    _check_demo_dates()


def _check_demo_dates():
    """The dates the demo wrote follow core.workdays; past events are over (checked on the
    demo loaded above: loading it takes a minute)."""
    import datetime as dt

    from django.utils import timezone

    from core.workdays import is_working_day
    from events.models import Event
    from trainings.models import Session

    events = list(Event.objects.exclude(slug__startswith="evenement-genere-"))
    assert len(events) >= 30
    for event in events:
        start, end = timezone.localtime(event.start), timezone.localtime(event.end)
        for offset in range((end.date() - start.date()).days + 1):
            assert is_working_day(start.date() + dt.timedelta(days=offset)), event.slug
        assert str(start.year + 1) not in event.title_fr, event.title_fr
    assert any(event.end < timezone.now() for event in events)
    general = Event.objects.get(slug="assemblee-generale-2025")
    assert general.end < timezone.now() and str(general.start.year) in general.title_fr
    sessions = list(Session.objects.all())
    assert sessions
    for session in sessions:
        day = session.start_date
        while day <= session.end_date:
            assert is_working_day(day), (session.training_id, session.start_date)
            day += dt.timedelta(days=1)
