"""Members answer the portal-wide search: directory organisations only."""

import pytest
from django.urls import reverse

from members.models import Organisation
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def unmarked(response) -> str:
    """The page without the <mark> tags of the highlighted words."""
    return response.content.decode().replace("<mark>", "").replace("</mark>", "")


def test_search_lists_directory_organisations_but_not_hidden_ones(client):
    OrganisationFactory(name="Hydrolyse Testeuse", pitch="Électrolyseurs compacts")
    OrganisationFactory(name="Hydrolyse Cachée", is_public=False)
    OrganisationFactory(name="Hydrolyse Candidate", membership_status=Organisation.Status.APPLICANT)
    html = unmarked(client.get(reverse("search"), {"q": "hydrolyse"}))
    assert "Hydrolyse Testeuse" in html
    assert "Hydrolyse Cachée" not in html
    assert "Hydrolyse Candidate" not in html
    html = unmarked(client.get(reverse("search"), {"q": "hydrolyse", "type": "organisation"}))
    assert "/members/?q=hydrolyse" in html  # the directory's own search, for more
