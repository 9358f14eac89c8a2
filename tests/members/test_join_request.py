"""A signed-up person whose email domain matches an organisation asks to join it."""

import pytest
from django.core import mail
from django.urls import reverse

from members.models import JoinRequest, Membership
from tests.factories import UserFactory
from tests.members.factories import JoinRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(organisation):
    organisation.website = "https://www.voltaria-demo.example"
    organisation.save()
    return organisation


@pytest.fixture
def employee(db):
    return UserFactory(email="ines@voltaria-demo.example", first_name="Inès")


def join_url(organisation):
    return reverse("members:joinrequest-create", args=[organisation.slug])


def decide_url(organisation, join_request, decision):
    return reverse(
        "members:joinrequest-decide", args=[organisation.slug, join_request.pk, decision]
    )


def test_someone_of_the_domain_asks_and_the_admins_are_told(
    client, organisation, owner, employee, mail_on_commit
):
    client.force_login(employee)
    assert "I work here" in client.get(organisation.get_absolute_url()).content.decode() or (
        join_url(organisation) in client.get(organisation.get_absolute_url()).content.decode()
    )
    with mail_on_commit():
        response = client.post(join_url(organisation), {"message": "Équipe essais"})
    assert response.status_code == 302
    join_request = JoinRequest.objects.get()
    assert (join_request.user, join_request.status) == (employee, JoinRequest.Status.PENDING)
    assert [message.to for message in mail.outbox] == [[owner.email]]
    assert reverse("members:organisation-people", args=[organisation.slug]) in mail.outbox[0].body
    # The profile no longer offers to ask (the reader's standing is cached, then refreshed).
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert join_url(organisation) not in page


def test_an_address_of_another_domain_cannot_ask(client, organisation, user):
    client.force_login(user)
    response = client.get(join_url(organisation))
    assert response.context["reason"]
    assert (
        join_url(organisation) not in client.get(organisation.get_absolute_url()).content.decode()
    )
    client.post(join_url(organisation), {"message": "forgé"})
    assert not JoinRequest.objects.exists()


def test_an_unverified_address_of_the_domain_cannot_ask(client, organisation):
    person = UserFactory(email="x@voltaria-demo.example", verified_email=False)
    client.force_login(person)
    client.post(join_url(organisation), {"message": ""})
    assert not JoinRequest.objects.exists()


def test_asking_twice_makes_one_request(client, organisation, employee):
    client.force_login(employee)
    client.post(join_url(organisation), {"message": ""})
    client.post(join_url(organisation), {"message": ""})
    assert JoinRequest.objects.count() == 1


def test_the_admin_approves_and_the_person_joins(
    client, organisation, owner, employee, mail_on_commit
):
    join_request = JoinRequestFactory(user=employee, organisation=organisation)
    client.force_login(owner)
    assert (
        employee.get_full_name()
        in client.get(
            reverse("members:organisation-people", args=[organisation.slug])
        ).content.decode()
    )
    with mail_on_commit():
        client.post(decide_url(organisation, join_request, "approve"))
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.APPROVED
    assert join_request.decided_by == owner
    membership = organisation.memberships.get(user=employee)
    assert membership.role == Membership.Role.COLLEAGUE
    assert mail.outbox[-1].to == [employee.email]


def test_the_admin_declines(client, organisation, owner, employee):
    join_request = JoinRequestFactory(user=employee, organisation=organisation)
    client.force_login(owner)
    client.post(decide_url(organisation, join_request, "decline"))
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.DECLINED
    assert not organisation.memberships.filter(user=employee).exists()


def test_an_answered_request_cannot_be_answered_again(client, organisation, owner, employee):
    join_request = JoinRequestFactory(
        user=employee, organisation=organisation, status=JoinRequest.Status.DECLINED
    )
    client.force_login(owner)
    client.post(decide_url(organisation, join_request, "approve"))
    assert not organisation.memberships.filter(user=employee).exists()


@pytest.mark.parametrize("who", ["colleague", "outsider", "anonymous", "requester"])
def test_only_the_admins_answer(client, organisation, colleague, outsider, employee, who):
    join_request = JoinRequestFactory(user=employee, organisation=organisation)
    people = {"colleague": colleague, "outsider": outsider, "requester": employee}
    if who in people:
        client.force_login(people[who])
    response = client.post(decide_url(organisation, join_request, "approve"))
    assert response.status_code == {"colleague": 403, "anonymous": 302}.get(who, 404)
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING
    assert not organisation.memberships.filter(user=employee).exists()


def test_staff_see_every_request_in_the_back_office(staff_client, organisation, employee):
    JoinRequestFactory(user=employee, organisation=organisation)
    response = staff_client.get(reverse("admin:members_joinrequest_changelist"))
    assert response.status_code == 200
    assert organisation.name in response.content.decode()


def test_the_dashboard_suggests_the_organisation_of_the_domain(client, organisation, employee):
    client.force_login(employee)
    assert join_url(organisation) in client.get(reverse("dashboard")).content.decode()
