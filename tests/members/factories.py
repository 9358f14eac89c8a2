import factory
from django.utils import timezone

from members.models import Certification, Competency, Membership, Organisation
from tests.factories import UserFactory


class CompetencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competency
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Compétence {n}")
    slug = factory.Sequence(lambda n: f"competence-{n}")


class CertificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certification
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"ISO {9000 + n}")
    slug = factory.Sequence(lambda n: f"iso-{9000 + n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An active, paid-up, public member organisation in Besançon."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisation fictive {n}")
    slug = factory.Sequence(lambda n: f"organisation-fictive-{n}")
    kind = Organisation.Kind.COMPANY
    size_band = Organisation.SizeBand.SME
    postcode = "25000"
    city = "Besançon"
    region = Organisation.Region.BFC
    website = factory.Sequence(lambda n: f"https://www.organisation-{n}.example")
    pitch = "Une organisation fictive de démonstration."
    membership_status = Organisation.Status.ACTIVE
    member_since = factory.LazyFunction(lambda: timezone.localdate().replace(year=2020))
    paid_until = factory.LazyFunction(lambda: timezone.localdate().replace(month=12, day=31))

    @factory.post_generation
    def markets(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.markets.set(extracted)

    @factory.post_generation
    def competencies(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.competencies.set(extracted)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.COLLEAGUE
    job_title = "Ingénieure"
