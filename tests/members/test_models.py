"""Organisation rules: constraints, derived location, who is listed, search text, completeness."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from members.models import (
    Competency,
    JoinRequest,
    Membership,
    MembershipApplication,
    MembershipSettings,
    Organisation,
)
from members.permissions import can_edit_organisation
from tests.members.factories import (
    ApplicationFactory,
    CompetencyFactory,
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    PlatformFactory,
)

pytestmark = pytest.mark.django_db


def test_the_database_refuses_a_siret_that_is_not_14_digits():
    organisation = OrganisationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.filter(pk=organisation.pk).update(siret="12345")


def test_the_paid_period_cannot_end_before_the_membership_started():
    organisation = OrganisationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.filter(pk=organisation.pk).update(
            member_since=timezone.localdate(),
            paid_until=timezone.localdate() - timedelta(days=1),
        )


@pytest.mark.parametrize(
    ("postcode", "country", "department", "region"),
    [
        ("25200", "FR", "25", "bfc"),
        ("90000", "FR", "90", "bfc"),
        ("67000", "FR", "67", "grand-est"),
        ("08000", "FR", "08", "grand-est"),
        ("75011", "FR", "75", "france"),
        ("20090", "FR", "2A", "france"),
        ("70173", "DE", "", "abroad"),
    ],
)
def test_department_and_region_follow_the_postcode(postcode, country, department, region):
    organisation = OrganisationFactory(postcode=postcode, country=country, region="france")
    organisation.refresh_from_db()
    assert (organisation.department, organisation.region) == (department, region)


def test_spaces_in_a_siret_are_removed_on_save():
    organisation = OrganisationFactory(siret="732 829 320 00074")
    organisation.refresh_from_db()
    assert organisation.siret == "73282932000074"


def test_the_directory_lists_active_public_paid_up_organisations_only():
    listed = OrganisationFactory()
    OrganisationFactory(membership_status=Organisation.Status.APPLICANT)
    OrganisationFactory(membership_status=Organisation.Status.LAPSED)
    OrganisationFactory(membership_status=Organisation.Status.FORMER)
    OrganisationFactory(is_public=False)
    assert list(Organisation.objects.in_directory()) == [listed]
    assert listed.is_listed


def test_an_unpaid_organisation_leaves_the_directory_after_the_grace_period_by_itself():
    today = timezone.localdate()
    within = OrganisationFactory(
        member_since=today - timedelta(days=400), paid_until=today - timedelta(days=59)
    )
    beyond = OrganisationFactory(
        member_since=today - timedelta(days=400), paid_until=today - timedelta(days=61)
    )
    assert set(Organisation.objects.in_directory()) == {within}
    assert within.is_listed and not beyond.is_listed


def test_staff_can_change_the_grace_period():
    today = timezone.localdate()
    organisation = OrganisationFactory(
        member_since=today - timedelta(days=400), paid_until=today - timedelta(days=20)
    )
    settings_row = MembershipSettings.current()
    settings_row.grace_days = 10
    settings_row.save()
    assert not Organisation.objects.in_directory().filter(pk=organisation.pk).exists()
    assert not organisation.is_listed


def test_there_is_one_membership_settings_row():
    MembershipSettings.current()
    MembershipSettings(grace_days=5).save()
    assert MembershipSettings.objects.count() == 1
    assert MembershipSettings.current().grace_days == 5


def test_editable_by_and_of_user_follow_roles(owner, colleague, outsider, organisation, staff):
    assert list(Organisation.objects.editable_by(owner)) == [organisation]
    assert list(Organisation.objects.editable_by(colleague)) == []
    assert organisation not in Organisation.objects.editable_by(outsider)
    assert organisation in Organisation.objects.editable_by(staff)
    assert list(Organisation.objects.of_user(colleague)) == [organisation]
    assert can_edit_organisation(owner, organisation)
    assert not can_edit_organisation(colleague, organisation)


def test_a_person_belongs_once_to_an_organisation(owner, organisation):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=owner, organisation=organisation)


def test_only_one_pending_join_request_per_person_and_organisation(user, organisation):
    JoinRequestFactory(user=user, organisation=organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        JoinRequestFactory(user=user, organisation=organisation)
    JoinRequest.objects.update(status=JoinRequest.Status.DECLINED)
    JoinRequestFactory(user=user, organisation=organisation)


def test_a_declined_application_needs_a_reason():
    application = ApplicationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipApplication.objects.filter(pk=application.pk).update(status="declined")


def test_the_search_text_is_folded_and_follows_competencies():
    competency = CompetencyFactory(name_fr="Électronique de puissance", name_en="Power electronics")
    organisation = OrganisationFactory(
        name="Énergie Ça Roule", pitch="Véhicules légers", competencies=[competency]
    )
    organisation.refresh_from_db()
    assert "energie ca roule" in organisation.search_text
    assert "vehicules legers" in organisation.search_text
    assert "electronique de puissance" in organisation.search_text
    assert "power electronics" in organisation.search_text
    assert organisation.sort_name == "energie ca roule"
    competency.name_fr = "Électronique haute tension"
    competency.save()
    organisation.refresh_from_db()
    assert "electronique haute tension" in organisation.search_text


def test_email_domain_matching(organisation):
    organisation.website = "https://www.voltaria-demo.example/fr/"
    assert organisation.email_domain == "voltaria-demo.example"
    assert organisation.matches_email("a.b@voltaria-demo.example")
    assert organisation.matches_email("a.b@RD.Voltaria-Demo.example")
    assert not organisation.matches_email("a.b@notvoltaria-demo.example")
    assert not organisation.matches_email("a.b@example.org")


def test_completeness_lists_what_is_missing(organisation):
    completeness = organisation.completeness()
    missing = {item["key"] for item in completeness.missing}
    assert {"logo", "markets", "competencies", "english", "platform", "contact"} <= missing
    assert 0 < completeness.percent < 100
    PlatformFactory(organisation=organisation)
    MembershipFactory(organisation=organisation, visibility=Membership.Visibility.PUBLIC)
    annotated = Organisation.objects.with_completeness().get(pk=organisation.pk)
    missing = {item["key"] for item in annotated.completeness().missing}
    assert "platform" not in missing and "contact" not in missing


def test_renaming_a_competency_keeps_its_slug_url():
    competency = Competency.objects.create(name="Robotique", slug="robotique")
    assert competency.get_absolute_url().endswith("?competency=robotique")
