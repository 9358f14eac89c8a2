"""Private PDF documents: stored outside the public media, served through a checking view."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from projects.models import Project, ProjectDocument
from projects.storage import private_storage
from projects.validators import MAX_DOCUMENT_BYTES
from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory, admin_of, colleague_of

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="rapport.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def project(db):
    return ProjectFactory(
        coordinator=OrganisationFactory(),
        partners=[OrganisationFactory()],
        visibility=Project.Visibility.PUBLIC,
    )


def upload(client, project, file, title="Accord de consortium"):
    return client.post(
        reverse("projects:document-list", args=[project.slug]), {"title": title, "file": file}
    )


def test_coordinator_admin_uploads_a_pdf_stored_outside_public_media(client, project):
    client.force_login(admin_of(project.coordinator))

    response = upload(client, project, pdf())

    assert response.status_code == 302
    document = ProjectDocument.objects.get()
    stored = Path(private_storage.path(document.file.name))
    assert stored.is_file()
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert "rapport" not in document.file.name  # a random name, not the original one
    assert document.size == len(PDF)
    with pytest.raises(ValueError):
        document.file.url  # noqa: B018 - private files have no public address


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (pdf("photo.pdf", b"\x89PNG\r\n\x1a\nnot a pdf"), "pas un document PDF"),
        (pdf("rapport.docx"), ".pdf"),
        (pdf("gros.pdf", PDF + b"0" * MAX_DOCUMENT_BYTES), "10 Mo"),
    ],
)
def test_only_real_pdfs_within_the_limit_are_accepted(client, project, file, message):
    client.force_login(admin_of(project.coordinator))

    response = upload(client, project, file)

    assert response.status_code == 200
    assert message in str(response.context["form"].errors["file"])
    assert not ProjectDocument.objects.exists()


@pytest.fixture
def document(project):
    document = ProjectDocument(project=project, title="Rapport d'étape")
    document.file.save("x.pdf", SimpleUploadedFile("x.pdf", PDF), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("coordinator_admin", 200),
        ("coordinator_colleague", 200),
        ("partner_colleague", 200),
        ("outsider", 404),
        ("anonymous", 302),
        ("staff", 200),
    ],
)
def test_download_is_for_the_consortium_and_staff(client, staff, project, document, who, expected):
    partner = project.participations.exclude(role="coordinator").get().organisation
    people = {
        "coordinator_admin": lambda: admin_of(project.coordinator),
        "coordinator_colleague": lambda: colleague_of(project.coordinator),
        "partner_colleague": lambda: colleague_of(partner),
        "outsider": lambda: admin_of(OrganisationFactory()),
        "anonymous": lambda: None,
        "staff": lambda: staff,
    }
    person = people[who]()
    if person:
        client.force_login(person)

    response = client.get(document.get_absolute_url())

    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Type"] == "application/pdf"
        assert "attachment" in response["Content-Disposition"]
        assert "no-store" in response["Cache-Control"]
        assert b"".join(response.streaming_content) == PDF
    if who == "anonymous":
        assert response.url.startswith(reverse("account_login"))


def test_the_documents_list_is_hidden_from_outsiders(client, project, document):
    client.force_login(admin_of(OrganisationFactory()))

    assert client.get(reverse("projects:document-list", args=[project.slug])).status_code == 404
    assert document.title not in client.get(project.get_absolute_url()).content.decode()


def test_partners_read_but_cannot_upload_or_delete(client, project, document):
    partner = project.participations.exclude(role="coordinator").get().organisation
    client.force_login(admin_of(partner))
    url = reverse("projects:document-list", args=[project.slug])

    assert client.get(url).status_code == 200
    assert upload(client, project, pdf()).status_code == 403
    delete = reverse("projects:document-delete", args=[project.slug, document.pk])
    assert client.post(delete).status_code == 403
    assert ProjectDocument.objects.count() == 1


def test_coordinator_admin_deletes_a_document_and_its_file(
    client, project, document, django_capture_on_commit_callbacks
):
    path = Path(private_storage.path(document.file.name))
    client.force_login(admin_of(project.coordinator))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("projects:document-delete", args=[project.slug, document.pk])
        )

    assert response.status_code == 302
    assert not ProjectDocument.objects.exists()
    assert not path.exists()


def test_a_document_of_another_project_cannot_be_reached_through_mine(client, project, document):
    mine = ProjectFactory(coordinator=OrganisationFactory())
    client.force_login(admin_of(mine.coordinator))

    url = reverse("projects:document-download", args=[mine.slug, document.pk])

    assert client.get(url).status_code == 404


def test_deleting_a_document_asks_first_and_names_it(client, project, document):
    delete = reverse("projects:document-delete", args=[project.slug, document.pk])
    client.force_login(admin_of(project.coordinator))
    page = client.get(delete)
    assert page.status_code == 200
    assert escape(document.title) in page.content.decode()
    assert ProjectDocument.objects.count() == 1
    partner = project.participations.exclude(role="coordinator").get().organisation
    client.force_login(admin_of(partner))
    assert client.get(delete).status_code == 403
