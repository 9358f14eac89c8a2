"""The company dashboard: one page for an organisation's admins (members.views.company),
with the panels of the apps above (projects, events, trainings, billing) and the audience."""

from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from billing import invoicing
from core.models import PageViewDay
from events.models import Registration
from members.models import ContactMessage, Membership
from projects.models import Participation
from tests.billing.factories import FeeScaleFactory
from tests.events.factories import EventFactory, RegistrationFactory
from tests.members.factories import (
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    invitation_for,
)
from tests.projects.factories import PartnerSearchFactory, ProjectFactory
from tests.trainings.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


def url_of(organisation):
    return reverse("members:organisation-dashboard", args=[organisation.slug])


def views(organisation, day, count):
    PageViewDay.objects.create(
        content_type=ContentType.objects.get_for_model(organisation),
        object_id=organisation.pk,
        day=day,
        views=count,
    )


def fill(organisation, size: int):
    """``size`` of everything the dashboard shows, for ``organisation`` and for another one."""
    today = timezone.localdate()
    other = OrganisationFactory()
    scale = FeeScaleFactory(year=today.year)
    for n in range(size):
        for owner in (organisation, other):
            MembershipFactory(organisation=owner)
            JoinRequestFactory(organisation=owner)
            invitation_for(owner, email=f"invitee{n}-{owner.pk}@example.org")
            ProjectFactory(coordinator=owner)
            PartnerSearchFactory(organisation=owner)
            RegistrationFactory(
                organisation=owner,
                event=EventFactory(start=timezone.now() + timedelta(days=10 + n)),
            )
            EnrolmentFactory(organisation=owner)
            ContactMessage.objects.create(
                kind=ContactMessage.Kind.ORGANISATION,
                sender=MembershipFactory(organisation=other).user,
                organisation=owner,
                subject="Bonjour",
                body="Un message fictif.",
            )
            views(owner, today - timedelta(days=n), 3 + n)
        invoicing.membership_invoice_issue(organisation=organisation, scale=scale, deliver=False)
    return other


def test_an_admin_sees_everything_about_their_organisation(client, organisation, owner, in_english):
    other = fill(organisation, 2)
    client.force_login(owner)
    response = client.get(url_of(organisation))
    assert response.status_code == 200
    content = response.content.decode()
    assert f"{organisation.name}: company dashboard" in content
    # the team, the requests waiting and the invitations
    assert len(response.context["memberships"]) == 3
    waiting = response.context["waiting"]
    assert [item["kind"] for item in waiting].count("request") == 2
    assert [item["kind"] for item in waiting].count("invitation") == 2
    assert "asks to join" in content and "invitee0-" in content
    # the other apps' panels
    own_projects = Participation.objects.filter(organisation=organisation)
    for participation in own_projects:
        assert str(participation.project) in content
    assert not Participation.objects.filter(
        organisation=other, project__acronym__in=[p.project.acronym for p in own_projects]
    ).exists()
    assert "Partner searches" in content and "Training requests" in content
    assert "Your people at the coming events" in content
    assert "Invoices and renewal" in content and "to pay" in content
    # the membership and the profile's completeness
    assert "Paid until" in content or "To renew" in content
    assert "Profile completeness" in content
    # the audience: this organisation's figures only (3 + 4 views, 2 messages)
    assert response.context["audience_views"] == 7
    assert response.context["audience_contacts"] == 2


def test_an_admin_never_sees_another_organisations_figures(client, organisation, owner):
    fill(organisation, 2)
    other = OrganisationFactory()
    views(other, timezone.localdate(), 500)
    client.force_login(owner)
    assert client.get(url_of(other)).status_code == 404
    response = client.get(url_of(organisation))
    assert response.context["audience_views"] == 7


def test_a_plain_member_gets_403_and_outsiders_404(client, organisation, colleague, outsider):
    client.force_login(colleague)
    assert client.get(url_of(organisation)).status_code == 403
    client.force_login(outsider)
    assert client.get(url_of(organisation)).status_code == 404


def test_anonymous_people_are_sent_to_the_login_page(client, organisation):
    response = client.get(url_of(organisation))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_staff_may_open_any_company_dashboard(staff_client, organisation):
    assert staff_client.get(url_of(organisation)).status_code == 200


def test_the_dashboard_is_linked_for_admins_only(client, organisation, owner, colleague):
    client.force_login(owner)
    url = url_of(organisation)
    assert url in client.get(organisation.get_absolute_url()).content.decode()
    assert url in client.get(reverse("dashboard")).content.decode()
    client.force_login(colleague)
    assert url not in client.get(organisation.get_absolute_url()).content.decode()


def test_renewal_states(organisation, owner, client, in_english):
    client.force_login(owner)
    today = timezone.localdate()
    organisation.paid_until = today + timedelta(days=20)
    organisation.save()
    assert "To renew" in client.get(url_of(organisation)).content.decode()
    organisation.paid_until = today - timedelta(days=2)
    organisation.save()
    assert "The paid membership ended" in client.get(url_of(organisation)).content.decode()


@pytest.mark.parametrize("size", [1, 8])
def test_the_dashboard_query_budget_holds_at_two_sizes(
    client, organisation, owner, django_assert_max_num_queries, size
):
    fill(organisation, size)
    client.force_login(owner)
    with django_assert_max_num_queries(12):
        response = client.get(url_of(organisation))
    assert response.status_code == 200
    assert Registration.objects.filter(organisation=organisation).count() == size
    assert Membership.objects.filter(organisation=organisation).count() == size + 1


def test_the_dashboard_query_budget_holds_for_staff(
    staff_client, organisation, django_assert_max_num_queries
):
    fill(organisation, 4)
    with django_assert_max_num_queries(12):
        assert staff_client.get(url_of(organisation)).status_code == 200


def test_staff_may_open_the_dashboard_of_an_organisation_without_people(staff_client):
    empty = OrganisationFactory()
    response = staff_client.get(url_of(empty))
    assert response.status_code == 200
    assert response.context["memberships"] == []


def test_the_first_of_a_month_reads_1er_in_french(organisation, owner, client):
    client.force_login(owner)
    next_year = timezone.localdate().year + 1
    organisation.member_since = date(2024, 1, 1)
    organisation.paid_until = date(next_year, 1, 1)
    organisation.save()
    html = client.get(url_of(organisation)).content.decode()
    assert "depuis le 1er janvier 2024" in html or "1er janvier 2024" in html
    assert f"1er janvier {next_year}" in html
    assert " 1 janvier" not in html
