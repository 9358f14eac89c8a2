import pytest
from django.urls import reverse

from tests.members.factories import OrganisationFactory
from tests.projects.factories import (
    CallFactory,
    ExternalPartnerFactory,
    PartnerSearchFactory,
    ProjectFactory,
    colleague_of,
)

pytestmark = pytest.mark.django_db


def unmarked(response) -> str:
    """The page without the <mark> tags of the highlighted words."""
    return response.content.decode().replace("<mark>", "").replace("</mark>", "")


def test_every_word_must_match_and_accents_are_ignored_on_postgresql(client, settings):
    ProjectFactory(acronym="H2BUS", title="Bus à hydrogène pour la ville")
    ProjectFactory(acronym="EBUS", title="Bus électrique")

    html = client.get(reverse("projects:project-list"), {"q": "bus hydrogene"}).content.decode()

    from django.db import connection

    if connection.vendor == "postgresql":
        assert "H2BUS" in html
    assert "EBUS" not in html


def test_projects_are_found_by_an_external_partners_name(client):
    project = ProjectFactory(acronym="WITHEXT")
    ExternalPartnerFactory(project=project, name="Institut de Turin")

    html = unmarked(client.get(reverse("search"), {"q": "Turin"}))

    assert "WITHEXT" in html


def test_calls_are_found_by_everyone_partner_searches_by_members_only(client):
    CallFactory(title="Appel mobilité rurale")
    PartnerSearchFactory(title="Recherche mobilité rurale")

    visitor = unmarked(client.get(reverse("search"), {"q": "rurale"}))
    assert "Appel mobilité rurale" in visitor
    assert "Recherche mobilité rurale" not in visitor

    client.force_login(colleague_of(OrganisationFactory()))
    member = unmarked(client.get(reverse("search"), {"q": "rurale"}))
    assert "Recherche mobilité rurale" in member
