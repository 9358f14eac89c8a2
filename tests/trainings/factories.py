"""factory_boy factories of the trainings app."""

from datetime import time, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from tests.factories import MarketFactory
from trainings.models import Enrolment, SatisfactionAnswer, Session, Training

TEXT = "Un texte complet pour l'auditeur."


class TrainingFactory(factory.django.DjangoModelFactory):
    """A complete, published training (every Qualiopi field filled) on one market."""

    class Meta:
        model = Training
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Formation numéro {n}")
    title_en = factory.Sequence(lambda n: f"Training number {n}")
    slug = factory.Sequence(lambda n: f"formation-{n}")
    theme = Training.Theme.TECHNOLOGY
    summary = "Un résumé de la formation."
    objectives = "Comprendre les batteries\nIntervenir en sécurité"
    prerequisites = "Aucun."
    target_audience = "Techniciens de maintenance."
    outcome = "Une attestation de fin de formation."
    programme = "## Jour 1\n- Les risques\n\n## Jour 2\n- La pratique"
    teaching_methods = "Exposés et travaux pratiques."
    evaluation_methods = "Quiz et mise en situation."
    place = "Étupes (Doubs)"
    access_methods = "Demande en ligne, confirmation sous deux jours."
    disability_access = "Locaux accessibles, adaptations possibles."
    disability_referent_name = "Marc Référent"
    disability_referent_email = "handicap@cluster.example"
    contact_name = "Léa Contact"
    contact_email = "formation@cluster.example"
    duration_hours = Decimal("14")
    duration_days = Decimal("2")
    price_member = Decimal("800")
    price_non_member = Decimal("1000")
    status = Training.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))

    @factory.post_generation
    def markets(obj, create, extracted, **kwargs):
        if create:
            obj.markets.set(extracted if extracted is not None else [MarketFactory()])


class CertifyingTrainingFactory(TrainingFactory):
    is_certifying = True
    certification_title = "Animer l'amélioration continue"
    certification_code = "RS9901"
    certifying_body = "Certificateur fictif"
    skill_blocks = "Diagnostiquer\nAnimer"


class SessionFactory(factory.django.DjangoModelFactory):
    """A two-day session a month from now, in Étupes, with ten seats."""

    class Meta:
        model = Session

    training = factory.SubFactory(TrainingFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    end_date = factory.LazyAttribute(lambda o: o.start_date + timedelta(days=1))
    start_time = time(9, 0)
    end_time = time(17, 0)
    venue = "Salle Peugeot"
    address = "1 rue de la Démonstration"
    postcode = "25460"
    city = "Étupes"
    seats = 10
    status = Session.Status.PLANNED


class PastSessionFactory(SessionFactory):
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=40))
    status = Session.Status.CONFIRMED


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    session = factory.SubFactory(SessionFactory)
    status = Enrolment.Status.REQUESTED
    requester_name = factory.LazyAttribute(
        lambda o: f"{o.participant_first_name} {o.participant_last_name}"
    )
    requester_email = factory.LazyAttribute(lambda o: o.participant_email)
    company_name = "Entreprise fictive"
    participant_first_name = "Inès"
    participant_last_name = factory.Sequence(lambda n: f"Participante{n}")
    participant_email = factory.Sequence(lambda n: f"participant{n}@example.org")
    price_category = Enrolment.PriceCategory.NON_MEMBER
    price_excl_vat = Decimal("1000")


class SatisfactionAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SatisfactionAnswer

    enrolment = factory.SubFactory(
        EnrolmentFactory,
        session=factory.SubFactory(PastSessionFactory),
        status=Enrolment.Status.ATTENDED,
    )
    rating = 5
    objectives_met = SatisfactionAnswer.Objectives.YES
    would_recommend = True
