"""“I'm interested”: the poster receives the organisation's profile, never an address."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from projects.models import PartnerInterest
from tests.members.factories import OrganisationFactory
from tests.projects.factories import PartnerSearchFactory, admin_of, colleague_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def search(db):
    poster_organisation = OrganisationFactory(name="Organisation qui cherche")
    author = colleague_of(poster_organisation)
    return PartnerSearchFactory(organisation=poster_organisation, author=author)


def interested(client, search, organisation, message=""):
    return client.post(
        reverse("projects:partnersearch-interest", args=[search.pk]),
        {"organisation": organisation.pk, "message": message},
    )


def test_the_poster_receives_the_profile_link_and_no_address(
    client, search, django_capture_on_commit_callbacks
):
    answering = OrganisationFactory(name="Équipementier intéressé", slug="equipementier")
    person = colleague_of(answering)
    client.force_login(person)

    with django_capture_on_commit_callbacks(execute=True):
        response = interested(client, search, answering, "Nous faisons des capteurs.")

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [search.author.email]
    assert "Équipementier intéressé" in message.subject
    assert "http://" in message.body and "/members/equipementier/" in message.body
    assert "Nous faisons des capteurs." in message.body
    assert person.email not in message.body
    assert person.email not in str(message.message())
    assert not message.reply_to


def test_the_poster_sees_the_interested_organisations(client, search):
    answering = OrganisationFactory(name="Laboratoire curieux")
    client.force_login(colleague_of(answering))
    interested(client, search, answering, "Un mot")

    client.force_login(search.author)
    html = client.get(search.get_absolute_url()).content.decode()

    assert "Laboratoire curieux" in html
    assert answering.get_absolute_url() in html
    assert "Un mot" in html


def test_other_members_do_not_see_who_answered(client, search):
    answering = OrganisationFactory(name="Laboratoire curieux")
    client.force_login(colleague_of(answering))
    interested(client, search, answering)

    client.force_login(colleague_of(OrganisationFactory()))
    html = client.get(search.get_absolute_url()).content.decode()

    assert "Laboratoire curieux" not in html


def test_an_organisation_answers_once(client, search):
    answering = OrganisationFactory()
    client.force_login(colleague_of(answering))
    interested(client, search, answering)

    client.force_login(colleague_of(answering))
    response = interested(client, search, answering)

    assert response.status_code == 302
    assert PartnerInterest.objects.count() == 1


def test_one_cannot_answer_for_the_posters_organisation_or_someone_elses(client, search):
    stranger = OrganisationFactory()
    person = admin_of(OrganisationFactory())
    client.force_login(person)

    interested(client, search, stranger)
    client.force_login(colleague_of(search.organisation))
    interested(client, search, search.organisation)

    assert not PartnerInterest.objects.exists()
    assert not mail.outbox


def test_a_closed_post_takes_no_answer(client, search):
    search.closed_at = timezone.now()
    search.save()
    answering = OrganisationFactory()
    client.force_login(colleague_of(answering))

    response = interested(client, search, answering)

    assert response.status_code == 404
    assert not PartnerInterest.objects.exists()


def test_visitors_cannot_answer(client, search):
    response = interested(client, search, OrganisationFactory())

    assert response.status_code == 302
    assert not PartnerInterest.objects.exists()


def test_the_relay_goes_to_the_organisation_admins_when_the_author_is_gone(
    client, search, django_capture_on_commit_callbacks
):
    admin = admin_of(search.organisation)
    search.author.delete()
    answering = OrganisationFactory()
    client.force_login(colleague_of(answering))

    with django_capture_on_commit_callbacks(execute=True):
        interested(client, search, answering)

    assert [m.to for m in mail.outbox] == [[admin.email]]
