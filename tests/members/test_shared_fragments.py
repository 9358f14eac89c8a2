"""Signed-in pages keep what readers share in the shared cache (core.pagecache fragments):
the directory's list, the body of an organisation's page and its projects panel. Each is
shared only between readers of the same standing, and a write makes it fresh."""

import pytest
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.cache import ResilientRedisCache
from members.models import Membership
from projects.models import Project
from tests.members.factories import MembershipFactory, OrganisationFactory
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def queries_of(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()


def test_the_directory_list_is_shared_by_members_and_fresh_after_a_write(
    in_english, outsider, colleague
):
    OrganisationFactory(name="Hydrolia Fictive")
    first, page = queries_of(signed_in(outsider), "/en/members/?q=hydrolia")
    assert "Hydrolia Fictive" in page
    # Another member reads the same address: the list comes from the shared cache.
    again, page = queries_of(signed_in(colleague), "/en/members/?q=hydrolia")
    assert "Hydrolia Fictive" in page
    assert again <= first - 2
    assert "Download this list (CSV)" in page  # members get the export link

    OrganisationFactory(name="Hydrolia Seconde")
    _, page = queries_of(signed_in(colleague), "/en/members/?q=hydrolia")
    assert "Hydrolia Seconde" in page
    assert "2 organisations" in page


def test_the_directory_list_of_members_is_not_the_one_of_visitors(in_english, client, outsider):
    OrganisationFactory(name="Cartolia Fictive")
    assert "Download this list (CSV)" in signed_in(outsider).get("/en/members/").content.decode()
    page = client.get("/en/members/").content.decode()
    assert "Cartolia Fictive" in page
    assert "Download this list (CSV)" not in page


def test_an_organisation_page_body_is_shared_by_readers_of_the_same_standing_only(
    client, organisation, outsider, user
):
    """A person shown to members only is never served to a visitor or to a signed-in
    person without a member organisation from a body cached for members, nor the reverse."""
    MembershipFactory(
        organisation=organisation,
        visibility=Membership.Visibility.MEMBERS,
        user__first_name="Solène",
        user__last_name="Membresseule",
    )
    url = organisation.get_absolute_url()
    member_page = signed_in(outsider).get(url).content.decode()
    assert "Membresseule" in member_page
    assert "Membresseule" not in client.get(url).content.decode()
    page = signed_in(user).get(url).content.decode()  # signed in, no member organisation
    assert "Membresseule" not in page
    assert "Sign in to see" not in page
    # And the other way round: visitors first, then a member.
    other = OrganisationFactory()
    MembershipFactory(
        organisation=other, visibility=Membership.Visibility.MEMBERS, user__last_name="Discrète"
    )
    assert "Discrète" not in client.get(other.get_absolute_url()).content.decode()
    assert "Discrète" in signed_in(outsider).get(other.get_absolute_url()).content.decode()


def test_an_organisation_page_body_is_fresh_after_an_edit(
    in_english, organisation, outsider, colleague, owner
):
    url = organisation.get_absolute_url()
    reader = signed_in(outsider)
    first, _ = queries_of(reader, url)
    again, _ = queries_of(reader, url)
    assert again < first  # the body came from the shared cache
    organisation.description = "Nous fabriquons des piles à combustible fictives."
    organisation.save()
    page = reader.get(url).content.decode()
    assert "piles à combustible fictives" in page
    # Each person of the organisation has their own copy: no link to write to themselves.
    page = signed_in(colleague).get(url).content.decode()
    assert "piles à combustible fictives" in page
    assert "My place in this organisation" in page
    colleague_name = colleague.get_full_name()
    assert f"to {colleague_name}" not in page
    assert f"to {colleague_name}" in signed_in(owner).get(url).content.decode()
    assert f"to {colleague_name}" not in signed_in(colleague).get(url).content.decode()


def test_a_partner_sees_a_confidential_project_an_outsider_never_gets(organisation, outsider, user):
    partner = OrganisationFactory()
    partner_person = MembershipFactory(organisation=partner).user
    ProjectFactory(
        acronym="SECRETH2",
        coordinator=organisation,
        partners=[partner],
        visibility=Project.Visibility.CONFIDENTIAL,
    )
    ProjectFactory(acronym="OUVERT", coordinator=organisation)
    url = organisation.get_absolute_url()
    outsider_page = signed_in(outsider).get(url).content.decode()  # cached for members
    assert "OUVERT" in outsider_page
    assert "SECRETH2" not in outsider_page
    partner_page = signed_in(partner_person).get(url).content.decode()
    assert "SECRETH2" in partner_page
    # The partner's live panel did not replace the shared one.
    assert "SECRETH2" not in signed_in(outsider).get(url).content.decode()


def test_one_redis_client_serves_every_cache_operation():
    cache = ResilientRedisCache("redis://127.0.0.1:6379/15", {})
    assert isinstance(cache, RedisCache)
    assert cache._cache.get_client() is cache._cache.get_client(write=True)


def test_the_signed_in_person_comes_from_the_shared_cache_and_follows_every_write(
    organisation, colleague
):
    """members/backends.py keeps the person (with what every page asks of them) in the
    shared cache: no query for them on a repeated page, yet a change to their account,
    their organisation or their memberships shows at the next request."""
    from members.permissions import is_member

    client = signed_in(colleague)
    url = "/en/members/"
    client.get(url)
    count, _page = queries_of(client, url)
    assert count == 0  # the person and the list both come from the cache
    assert is_member(client.get(url).wsgi_request.user)

    # The organisation's membership ends: members-only details go at once.
    organisation.membership_status = organisation.Status.FORMER
    organisation.save()
    assert not is_member(client.get(url).wsgi_request.user)

    # The person is made an admin elsewhere: the flag loaded with them follows.
    other = OrganisationFactory()
    MembershipFactory(organisation=other, user=colleague, role=Membership.Role.ADMIN)
    user = client.get(url).wsgi_request.user
    assert is_member(user) and user.administers_an_organisation

    # A deactivated account is signed out at its next request.
    colleague.is_active = False
    colleague.save()
    assert not client.get(url).wsgi_request.user.is_authenticated


def test_a_password_change_signs_other_sessions_out_despite_the_cached_person(colleague):
    elsewhere = signed_in(colleague)
    assert elsewhere.get("/en/members/").wsgi_request.user.is_authenticated
    colleague.set_password("a new long passphrase")
    colleague.save()
    assert not elsewhere.get("/en/members/").wsgi_request.user.is_authenticated
