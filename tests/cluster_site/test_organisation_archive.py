"""An organisation with history (projects, registrations, training requests, answered partner
searches) is archived as a former member, never deleted; it then leaves every public list."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from members.models import Organisation, OrganisationHasHistory
from members.models.organisations import describe_history
from tests.conftest import LanguageSafeClient
from tests.events.factories import RegistrationFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory
from tests.trainings.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_history():
    organisation = OrganisationFactory(name="Forges Historiques", slug="forges-historiques")
    ProjectFactory(coordinator=organisation)
    RegistrationFactory(organisation=organisation)
    return organisation


def test_every_app_declares_its_share_of_the_history(with_history):
    EnrolmentFactory(organisation=with_history)
    with translation.override("en"):
        labels = {str(label): count for label, count in with_history.history_kept()}
    assert labels == {"projects": 1, "event registrations": 1, "training requests": 1}


def test_the_model_refuses_to_delete_an_organisation_with_history(with_history):
    with pytest.raises(OrganisationHasHistory):
        with_history.delete()
    with pytest.raises(OrganisationHasHistory):
        Organisation.objects.filter(pk=with_history.pk).delete()
    assert Organisation.objects.filter(pk=with_history.pk).exists()


def test_an_organisation_without_history_can_be_deleted():
    mistake = OrganisationFactory()
    assert mistake.history_kept() == []
    mistake.delete()
    assert not Organisation.objects.filter(pk=mistake.pk).exists()


def test_the_admin_explains_and_refuses_the_deletion(staff_client, with_history):
    url = reverse("admin:members_organisation_delete", args=[with_history.pk])
    page = staff_client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    # The page says what is kept, in the page's language (French, the default).
    assert escape(describe_history(with_history.history_kept())) in text
    assert 'name="post"' not in text  # no way to confirm
    again = staff_client.post(url, {"post": "yes"})
    assert again.status_code == 200 and 'name="post"' not in again.content.decode()
    assert Organisation.objects.filter(pk=with_history.pk).exists()


def test_the_admin_bulk_delete_refuses_too(staff_client, with_history):
    other = OrganisationFactory()
    response = staff_client.post(
        reverse("admin:members_organisation_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [with_history.pk, other.pk],
            "post": "yes",
        },
    )
    assert response.status_code == 200  # the confirmation page again, listing the history
    assert "Forges Historiques" in response.content.decode()
    assert Organisation.objects.filter(pk__in=[with_history.pk, other.pk]).count() == 2


def test_the_admin_lists_what_a_deletion_removes(staff_client):
    mistake = OrganisationFactory(name="Doublon Fictif")
    page = staff_client.get(reverse("admin:members_organisation_delete", args=[mistake.pk]))
    assert 'name="post"' in page.content.decode()
    staff_client.post(
        reverse("admin:members_organisation_delete", args=[mistake.pk]), {"post": "yes"}
    )
    assert not Organisation.objects.filter(pk=mistake.pk).exists()


def test_staff_archive_it_and_it_leaves_every_public_list(staff_client, with_history):
    response = staff_client.post(
        reverse("admin:members_organisation_changelist"),
        {"action": "archive", "_selected_action": [with_history.pk]},
    )
    assert response.status_code == 302
    with_history.refresh_from_db()
    assert with_history.membership_status == Organisation.Status.FORMER
    assert with_history.archived_at is not None
    assert with_history.history_kept()  # kept

    client = LanguageSafeClient()  # anonymous (staff_client is the logged-in "client")
    directory = client.get(reverse("members:organisation-list"))
    assert "Forges Historiques" not in directory.content.decode()
    found = client.get(reverse("members:organisation-list"), {"q": "Historiques"})
    assert "forges-historiques" not in found.content.decode()
    search = client.get(reverse("search"), {"q": "Historiques"})
    assert "forges-historiques" not in search.content.decode()
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert "forges-historiques" not in sitemap.content.decode()
    # The public gets a 404, like for any organisation out of the directory; staff see
    # the page, marked as a former member.
    assert client.get(with_history.get_absolute_url()).status_code == 404
    page = staff_client.get("/en" + with_history.get_absolute_url())
    assert "Former member, archived on" in page.content.decode()


def test_coming_back_clears_the_archive_date(with_history):
    with_history.membership_status = Organisation.Status.FORMER
    with_history.save()
    assert with_history.archived_at
    with_history.membership_status = Organisation.Status.ACTIVE
    with_history.save(update_fields=["membership_status"])
    with_history.refresh_from_db()
    assert with_history.archived_at is None
