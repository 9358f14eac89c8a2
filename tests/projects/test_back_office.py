"""The back-office pages of the projects and networks apps open for staff."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from projects.models import FundingProgramme
from tests.networks.factories import PartnerFactory
from tests.projects.factories import (
    CallFactory,
    ExternalPartnerFactory,
    PartnerSearchFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

MODELS = [
    "projects.fundingprogramme",
    "projects.call",
    "projects.project",
    "projects.participation",
    "projects.externalpartner",
    "projects.projectstatuschange",
    "projects.reviewnote",
    "projects.projectdocument",
    "projects.projectimage",
    "projects.partnersearch",
    "projects.partnerinterest",
    "networks.partner",
]


@pytest.mark.parametrize("model", MODELS)
def test_changelists_open_with_data(staff_client, model):
    project = ProjectFactory()
    ExternalPartnerFactory(project=project)
    CallFactory()
    PartnerSearchFactory()
    PartnerFactory()
    app_label, model_name = model.split(".")

    response = staff_client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))

    assert response.status_code == 200


def test_project_change_page_and_history_open(staff_client):
    project = ProjectFactory()

    for name in ("change", "history"):
        url = reverse(f"admin:projects_project_{name}", args=[project.pk])
        assert staff_client.get(url).status_code == 200, name
    assert staff_client.get(reverse("admin:projects_project_add")).status_code == 200


def test_the_admin_status_page_only_offers_allowed_steps(staff_client):
    project = ProjectFactory(status="submitted", labelled_on=None)

    response = staff_client.get(reverse("admin:projects_project_status", args=[project.pk]))

    choices = [value for value, _ in response.context["form"].fields["status"].choices]
    assert choices == ["labelled", "not-labelled", "consortium"]


def test_the_seed_migration_creates_the_issues_programmes_once():
    migration = importlib.import_module("projects.migrations.0002_seed_funding_programmes")

    migration.seed(apps, None)
    migration.seed(apps, None)

    names = set(FundingProgramme.objects.values_list("name_fr", flat=True))
    assert len(names) == 10
    assert {"PSPC-Régions (ex-FUI)", "Horizon Europe", "Autre financement"} <= names


def test_a_project_added_in_the_back_office_starts_its_timeline(staff_client, staff):
    from projects.models import Project
    from tests.factories import MarketFactory
    from tests.members.factories import OrganisationFactory

    organisation = OrganisationFactory()
    data = {
        "acronym": "ADMINPRJ",
        "slug": "adminprj",
        "title": "Projet saisi par l'équipe",
        "status": "running",
        "visibility": "public",
        "summary": "Résumé",
        "markets": [MarketFactory().pk],
        "total_budget": "100000",
        "public_funding": "0",
    }
    for prefix in (
        "review_notes",
        "participations",
        "external_partners",
        "status_changes",
        "documents",
        "images",
    ):
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data["participations-TOTAL_FORMS"] = "1"
    data["participations-0-organisation"] = organisation.pk
    data["participations-0-role"] = "coordinator"

    response = staff_client.post(reverse("admin:projects_project_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get(acronym="ADMINPRJ")
    step = project.status_changes.get()
    assert (step.to_status, step.author) == ("running", staff)
    assert project.coordinator == organisation
