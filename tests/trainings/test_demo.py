"""The demo catalogue loads twice to the same result, and scales in bulk."""

import pytest
from django.utils import timezone

from content.models import Market
from tests.factories import MarketFactory
from trainings import demo
from trainings.models import Enrolment, SatisfactionAnswer, Session, Training

pytestmark = pytest.mark.django_db


@pytest.fixture
def markets():
    return [MarketFactory(theme=theme) for theme in Market.Theme.values]


def counts():
    return (
        Training.objects.count(),
        Session.objects.count(),
        Enrolment.objects.count(),
        SatisfactionAnswer.objects.count(),
    )


def test_demo_is_complete_and_idempotent(markets):
    demo.load(scale=0, log=lambda message: None)
    first = counts()
    demo.load(scale=0, log=lambda message: None)
    assert counts() == first
    assert first[0] == 12
    assert all(not t.publication_problems() for t in Training.objects.all())
    assert {t.format for t in Training.objects.all()} == set(Training.Format.values)
    assert Market.objects.filter(trainings__isnull=False).distinct().count() == 5
    today = timezone.localdate()
    assert Session.objects.filter(end_date__lt=today).exists()
    assert Session.objects.filter(start_date__gt=today).exists()
    assert Enrolment.objects.filter(status="waiting_list").exists()
    assert not Enrolment.objects.filter(
        status__in=["attended", "absent"], session__start_date__gt=today
    ).exists()
    lean = Training.objects.get(slug="lean-manufacturing-fondamentaux")
    assert lean.results().pass_rate is not None


def test_scale_adds_trainings_with_sessions_in_bulk(markets, django_assert_max_num_queries):
    demo.load(scale=0, log=lambda message: None)
    with django_assert_max_num_queries(20):
        added = demo.generate_trainings(400, markets, timezone.localdate())
    assert added == 400
    assert Training.objects.count() == 412
    assert Session.objects.filter(training__slug__startswith="formation-generee-").count() == 800
    assert demo.generate_trainings(400, markets, timezone.localdate()) == 0
    generated = Training.objects.filter(slug__startswith="formation-generee-").first()
    assert generated.publication_problems() == []
