from datetime import timedelta

import factory

from core.demo import when
from events.models import Event, Registration
from tests.factories import UserFactory


class EventFactory(factory.django.DjangoModelFactory):
    """A published public event in Besançon, in ten days from 14:00 to 17:00, with 20 seats."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Événement {n}")
    title_en = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"evenement-{n}")
    kind = Event.Kind.WORKSHOP
    summary = "Un atelier fictif."
    description = "Une **description**."
    # 14:00 in Paris whatever the hour the suite runs: an event starting at 23:00 would end
    # the next day, and its page would then read "du … au …" instead of "de … à …".
    start = factory.LazyFunction(lambda: when("today+10 14:00"))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=3))
    city = "Besançon"
    venue_name = "Salle des machines"
    address = "12 rue Secrète"
    capacity = 20
    status = Event.Status.PUBLISHED

    @factory.post_generation
    def markets(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.markets.set(extracted)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.CONFIRMED
