"""Members answer the portal-wide search: directory organisations only."""

import pytest
from django.urls import reverse

from members.models import Organisation
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_search_lists_directory_organisations_but_not_hidden_ones(client):
    OrganisationFactory(name="Hydrolyse Testeuse", pitch="Électrolyseurs compacts")
    OrganisationFactory(name="Hydrolyse Cachée", is_public=False)
    OrganisationFactory(name="Hydrolyse Candidate", membership_status=Organisation.Status.APPLICANT)
    html = client.get(reverse("search"), {"q": "hydrolyse"}).content.decode()
    assert "Hydrolyse Testeuse" in html
    assert "Hydrolyse Cachée" not in html
    assert "Hydrolyse Candidate" not in html
    assert "/members/?q=hydrolyse" in html
