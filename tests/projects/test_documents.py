"""Private PDF documents: stored outside the public media, served through a checking view."""

import urllib.error
import urllib.request

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from core.storage import walk
from projects.models import Project, ProjectDocument
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
    assert storages["private"].exists(document.file.name)
    with storages["private"].open(document.file.name) as stored:
        assert stored.read() == PDF
    assert not list(walk(storages["default"]))
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
    name = document.file.name
    client.force_login(admin_of(project.coordinator))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("projects:document-delete", args=[project.slug, document.pk])
        )

    assert response.status_code == 302
    assert not ProjectDocument.objects.exists()
    assert not storages["private"].exists(name)


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


# On an object store: the same checks, then a redirect to a short-lived signed address.
def fetch(url):
    """A GET from outside the portal, as the browser does after the redirect."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - test server
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, b"", error.headers


@pytest.mark.s3
def test_on_s3_a_member_downloads_through_a_signed_address(client, s3, project):
    client.force_login(admin_of(project.coordinator))
    assert upload(client, project, pdf(), title="Accord signé").status_code == 302
    document = ProjectDocument.objects.get()
    assert s3.keys(s3.private_bucket) == {document.file.name}
    assert s3.keys(s3.bucket) == set()

    client.force_login(colleague_of(project.coordinator))
    response = client.get(document.get_absolute_url())

    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    signed = response["Location"]
    assert signed.startswith(f"{s3.endpoint}/{s3.private_bucket}/projects/")
    assert "Expires=" in signed and "Signature=" in signed
    status, body, headers = fetch(signed)
    assert (status, body) == (200, PDF)
    assert headers["Content-Disposition"] == 'attachment; filename="accord-signe.pdf"'
    assert headers["Content-Type"] == "application/pdf"


@pytest.mark.s3
@pytest.mark.parametrize(("who", "expected"), [("outsider", 404), ("anonymous", 302)])
def test_on_s3_a_document_is_refused_without_the_right_and_has_no_public_address(
    client, s3, project, who, expected
):
    document = ProjectDocument(project=project, title="Budget")
    document.file.save("x.pdf", SimpleUploadedFile("x.pdf", PDF), save=False)
    document.save()
    if who == "outsider":
        client.force_login(admin_of(OrganisationFactory()))

    response = client.get(document.get_absolute_url())

    assert response.status_code == expected
    assert s3.endpoint not in response.get("Location", "")
    status, body, _ = fetch(f"{s3.endpoint}/{s3.private_bucket}/{document.file.name}")
    assert status == 403 and body == b""


@pytest.mark.s3
def test_on_s3_deleting_a_document_deletes_its_object(
    client, s3, project, django_capture_on_commit_callbacks
):
    client.force_login(admin_of(project.coordinator))
    upload(client, project, pdf())
    document = ProjectDocument.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("projects:document-delete", args=[project.slug, document.pk]))

    assert s3.keys(s3.private_bucket) == set()


def test_deleting_a_project_deletes_the_files_of_its_documents(
    project, document, django_capture_on_commit_callbacks
):
    name = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        project.delete()

    assert not storages["private"].exists(name)
