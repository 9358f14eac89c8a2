import datetime

import factory
from django.utils import timezone

from members.models import Membership
from projects.models import (
    Call,
    ExternalPartner,
    FundingProgramme,
    Participation,
    PartnerSearch,
    Project,
)
from tests.members.factories import MembershipFactory, OrganisationFactory


class FundingProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingProgramme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Programme {n}")
    name_en = factory.Sequence(lambda n: f"Programme {n} (en)")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    scope = FundingProgramme.Scope.NATIONAL


class ProjectFactory(factory.django.DjangoModelFactory):
    """A public, labelled project coordinated by a new organisation (or ``coordinator=``)."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    acronym = factory.Sequence(lambda n: f"PRJ{n}")
    title = factory.Sequence(lambda n: f"Projet fictif {n}")
    slug = factory.Sequence(lambda n: f"projet-fictif-{n}")
    summary = "Un projet collaboratif fictif."
    status = Project.Status.RUNNING
    visibility = Project.Visibility.PUBLIC
    programme = factory.SubFactory(FundingProgrammeFactory, slug="i-demo")
    total_budget = 1_000_000
    public_funding = 400_000
    start_date = datetime.date(2024, 1, 1)
    end_date = datetime.date(2026, 1, 1)
    trl_start = 3
    trl_target = 6
    labelled_on = datetime.date(2023, 6, 1)

    @factory.post_generation
    def coordinator(obj, create, extracted, **kwargs):
        if not create:
            return
        organisation = extracted or OrganisationFactory()
        Participation.objects.create(
            project=obj, organisation=organisation, role=Participation.Role.COORDINATOR
        )

    @factory.post_generation
    def partners(obj, create, extracted, **kwargs):
        if create and extracted:
            for organisation in extracted:
                Participation.objects.create(
                    project=obj, organisation=organisation, role=Participation.Role.PARTNER
                )

    @factory.post_generation
    def markets(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.markets.set(extracted)


class ExternalPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExternalPartner

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Partenaire externe {n}")
    country = "DE"
    kind = ExternalPartner.Kind.RESEARCH


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call
        skip_postgeneration_save = True

    programme = factory.SubFactory(FundingProgrammeFactory, slug="i-demo")
    title = factory.Sequence(lambda n: f"Appel {n}")
    slug = factory.Sequence(lambda n: f"appel-{n}")
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    summary = "Un appel à projets fictif."
    status = Call.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    @factory.post_generation
    def markets(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.markets.set(extracted)


class PartnerSearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerSearch
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Recherche de partenaires {n}")
    idea = "Une idée de projet qui cherche des partenaires."
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))

    @factory.post_generation
    def markets(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.markets.set(extracted)

    @factory.post_generation
    def competencies(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.competencies.set(extracted)


def admin_of(organisation):
    """A new person who administers ``organisation``."""
    return MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user


def colleague_of(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.COLLEAGUE).user
