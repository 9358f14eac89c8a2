import pytest

from accounts import demo as accounts_demo
from content import demo as content_demo
from events import demo as events_demo
from events.models import Event, Registration

pytestmark = pytest.mark.django_db


def load(scale=0):
    """The demo of the apps events builds on, then the events demo (as load_demo does)."""
    for module in (accounts_demo, content_demo, events_demo):
        module.load(scale=scale, log=lambda message: None)


def test_demo_loads_about_thirty_varied_events_and_is_idempotent():
    load()
    events = Event.objects.all()
    assert 25 <= events.count() <= 35
    assert events.filter(status=Event.Status.CANCELLED).count() == 1
    assert events.filter(audience=Event.Audience.MEMBERS).exists()
    assert len(set(events.values_list("kind", flat=True))) == len(Event.Kind.values)
    assert events.upcoming().exists() and events.past().exists()
    assert Registration.objects.filter(status=Registration.Status.WAITING).exists()
    counts = (Event.objects.count(), Registration.objects.count())
    load()
    assert (Event.objects.count(), Registration.objects.count()) == counts


def test_scale_adds_half_as_many_events_with_registrations():
    load(scale=40)
    generated = Event.objects.filter(slug__startswith="evenement-genere-")
    assert generated.count() == 20
    assert Registration.objects.filter(event__in=generated).count() == 60
    load(scale=40)
    assert generated.count() == 20
