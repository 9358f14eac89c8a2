"""The permission matrix, tried from the outside on every view that changes a project: each
persona sends a complete, valid post (a forged one for those who see no form); only the
coordinator's admins and staff change anything, the others get 403 (404 when they may not
even see the project) or the login page, and the database is left as it was."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from projects.models import Project, ProjectDocument, ReviewNote
from tests.factories import MarketFactory, StaffFactory, UserFactory
from tests.members.factories import CompetencyFactory, OrganisationFactory
from tests.projects.factories import PartnerSearchFactory, ProjectFactory, admin_of, colleague_of

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (20, 120, 90)).save(buffer, "PNG")
    return SimpleUploadedFile("banc.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def world(db):
    coordinator, partner = OrganisationFactory(), OrganisationFactory()
    project = ProjectFactory(title="Titre d'origine", coordinator=coordinator, partners=[partner])
    document = ProjectDocument(project=project, title="Accord")
    document.file.save("a.pdf", SimpleUploadedFile("a.pdf", PDF), save=False)
    document.save()
    people = {
        "coordinator_admin": admin_of(coordinator),
        "coordinator_colleague": colleague_of(coordinator),
        "partner_admin": admin_of(partner),
        "outsider": admin_of(OrganisationFactory()),
        "non_member": UserFactory(),
        "anonymous": None,
        "staff": StaffFactory(),
    }
    return {"project": project, "document": document, "people": people, "partner": partner}


def state(project):
    """Everything the views below could change."""
    project.refresh_from_db()
    return (
        project.title,
        project.status,
        sorted(project.participations.values_list("organisation_id", "role")),
        list(project.external_partners.values_list("name", flat=True)),
        project.images.count(),
        sorted(project.documents.values_list("title", flat=True)),
        project.review_notes.count(),
    )


def posts(world):
    """Each data-changing view with a complete, valid post."""
    project, document = world["project"], world["document"]
    market = MarketFactory()
    newcomer = OrganisationFactory(name="Nouvelle venue")
    partner_row = project.participations.get(organisation=world["partner"])
    return {
        "project-edit": (
            reverse("projects:project-edit", args=[project.slug]),
            lambda: {
                "acronym": project.acronym,
                "title": "Titre forcé",
                "summary": "Résumé",
                "markets": [market.pk],
                "total_budget": 1000,
                "public_funding": 0,
                "visibility": "public",
            },
        ),
        "project-consortium": (
            reverse("projects:project-consortium", args=[project.slug]),
            lambda: {
                "partners-TOTAL_FORMS": "2",
                "partners-INITIAL_FORMS": "1",
                "partners-0-id": partner_row.pk,
                "partners-0-organisation": world["partner"].name,
                "partners-0-role": "partner",
                "partners-1-organisation": newcomer.name,
                "partners-1-role": "partner",
                "externals-TOTAL_FORMS": "1",
                "externals-INITIAL_FORMS": "0",
                "externals-0-name": "Labo étranger",
                "externals-0-country": "DE",
                "externals-0-kind": "research",
                "externals-0-role": "partner",
            },
        ),
        "project-status": (
            reverse("projects:project-status", args=[project.slug]),
            lambda: {"status": "finished", "changed_on": "2025-01-01", "note": ""},
        ),
        "project-images": (
            reverse("projects:project-images", args=[project.slug]),
            lambda: {
                "images-TOTAL_FORMS": "1",
                "images-INITIAL_FORMS": "0",
                "images-0-image": png(),
                "images-0-alt_text": "Le banc d'essai",
                "images-0-order": "0",
            },
        ),
        "document-upload": (
            reverse("projects:document-list", args=[project.slug]),
            lambda: {"title": "Pièce ajoutée", "file": SimpleUploadedFile("p.pdf", PDF)},
        ),
        "document-delete": (
            reverse("projects:document-delete", args=[project.slug, document.pk]),
            dict,
        ),
        "review-note": (
            reverse("projects:project-review", args=[project.slug]),
            lambda: {"body": "Note forcée"},
        ),
    }


VIEWS = [
    "project-edit",
    "project-consortium",
    "project-status",
    "project-images",
    "document-upload",
    "document-delete",
    "review-note",
]
# Who may see the (public) project but not change it gets 403; who is not in its consortium
# does not see its documents page at all (404).
NOT_FOUND = {("outsider", "document-upload"), ("non_member", "document-upload")}


def expected_status(who, view):
    if who in ("anonymous", "staff"):
        return 302  # the login page; staff succeed everywhere
    if who == "coordinator_admin":
        return 403 if view == "review-note" else 302
    return 404 if (who, view) in NOT_FOUND else 403


PERSONAS = [
    "coordinator_admin",
    "coordinator_colleague",
    "partner_admin",
    "outsider",
    "non_member",
    "anonymous",
    "staff",
]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("who", PERSONAS)
def test_only_the_coordinators_admins_and_staff_change_a_project(client, world, who, view):
    person = world["people"][who]
    if person:
        client.force_login(person)
    url, data = posts(world)[view]
    before = state(world["project"])

    response = client.post(url, data())

    assert response.status_code == expected_status(who, view), response.content[:300]
    changed = state(world["project"]) != before
    if response.status_code == 302 and who != "anonymous":
        assert changed, f"{who} should have changed the project through {view}"
    else:
        assert not changed, f"{who} changed the project through {view}"
        if who == "anonymous":
            assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["outsider", "non_member", "anonymous"])
def test_a_confidential_project_is_404_to_outsiders_on_every_view(client, world, who):
    project = world["project"]
    Project.objects.filter(pk=project.pk).update(visibility=Project.Visibility.CONFIDENTIAL)
    person = world["people"][who]
    if person:
        client.force_login(person)
    before = state(project)

    for view, (url, data) in posts(world).items():
        response = client.post(url, data())
        if who == "anonymous":
            assert response.status_code == 302, view
        elif view == "review-note":
            assert response.status_code == 403, view  # staff pages say nothing either way
        else:
            assert response.status_code == 404, view
    assert state(project) == before
    assert ReviewNote.objects.count() == 0


# Partner searches: their author, the admins of their organisation and staff manage them.
SEARCH_EXPECTED = {
    "author": 302,
    "organisation_admin": 302,
    "organisation_colleague": 403,
    "outsider": 403,
    "non_member": 403,
    "anonymous": 302,
    "staff": 302,
}


@pytest.mark.parametrize("view", ["partnersearch-edit", "partnersearch-close"])
@pytest.mark.parametrize("who", list(SEARCH_EXPECTED))
def test_only_the_author_admins_and_staff_manage_a_partner_search(client, who, view):
    organisation = OrganisationFactory()
    author = colleague_of(organisation)
    market = MarketFactory()
    search = PartnerSearchFactory(organisation=organisation, author=author, markets=[market])
    people = {
        "author": author,
        "organisation_admin": admin_of(organisation),
        "organisation_colleague": colleague_of(organisation),
        "outsider": admin_of(OrganisationFactory()),
        "non_member": UserFactory(),
        "anonymous": None,
        "staff": StaffFactory(),
    }
    if people[who]:
        client.force_login(people[who])
    data = {
        "title": "Titre forcé",
        "idea": "Idée",
        "competencies": [CompetencyFactory().pk],
        "markets": [market.pk],
        "deadline": search.deadline.isoformat(),
    }

    response = client.post(reverse(f"projects:{view}", args=[search.pk]), data)

    assert response.status_code == SEARCH_EXPECTED[who]
    search.refresh_from_db()
    changed = search.title == "Titre forcé" or search.closed_at is not None
    assert changed == (SEARCH_EXPECTED[who] == 302 and who != "anonymous")
