import factory
from django.utils import timezone

from members.models import (
    Certification,
    Competency,
    Invitation,
    JoinRequest,
    Membership,
    MembershipApplication,
    Organisation,
    Platform,
)
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
            obj.refresh_search_text()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.COLLEAGUE
    job_title = "Ingénieure"


class PlatformFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Platform
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Plateforme d'essais {n}")
    slug = factory.Sequence(lambda n: f"plateforme-essais-{n}")
    summary = "Une plateforme fictive de démonstration."
    equipment = "Banc d'essai\nChambre climatique"
    access = Platform.Access.REQUEST

    @factory.post_generation
    def markets(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.markets.set(extracted)


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    message = "Je travaille ici depuis un an."


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A pending application, with its applicant organisation."""

    class Meta:
        model = MembershipApplication

    organisation = factory.SubFactory(
        OrganisationFactory,
        membership_status=Organisation.Status.APPLICANT,
        member_since=None,
        paid_until=None,
    )
    contact_first_name = "Lina"
    contact_last_name = "Essai"
    contact_email = factory.Sequence(lambda n: f"candidate{n}@example.org")
    contact_phone = "03 81 00 00 00"
    motivation = "Nous voulons rejoindre le pôle."


def invitation_for(organisation, *, email="invitee@example.org", role=None, **fields):
    """An invitation and the token of its link (only its hash is stored)."""
    token, token_hash = Invitation.new_token()
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role or Membership.Role.COLLEAGUE,
        token_hash=token_hash,
        expires_at=fields.pop("expires_at", Invitation.default_expiry()),
        **fields,
    )
    return invitation, token
