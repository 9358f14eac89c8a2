"""The helpers the projects views and forms share: saving posted forms, applying a status
change, the consortium rows, the lists of a project's editable fields, past choices kept."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from core.views import save_posted
from members.models import Organisation
from projects.admin import ProjectAdmin
from projects.forms import (
    FUNDING_FIELDS,
    TEXT_FIELDS,
    PartnerSearchForm,
    ProjectForm,
    ProjectImageFormSet,
    StatusChangeForm,
    consortium_formsets,
    consortium_rows,
)
from projects.models import Participation, Project, ProjectDocument
from tests.factories import MarketFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import (
    CallFactory,
    FundingProgrammeFactory,
    PartnerSearchFactory,
    ProjectFactory,
    admin_of,
)
from tests.projects.test_documents import pdf
from tests.projects.test_project_submit import form_data

pytestmark = pytest.mark.django_db
S = Project.Status


def request_for(method="get", data=None):
    request = getattr(RequestFactory(), method)("/", data or {})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def image_formset(project, data=None):
    return ProjectImageFormSet(data, instance=project, prefix="images")


IMAGES_EMPTY = {"images-TOTAL_FORMS": "0", "images-INITIAL_FORMS": "0"}


def edit_data(project, **changes):
    """What the project's edit form posts, with ``changes``."""
    return form_data(project.coordinator, FundingProgrammeFactory(), MarketFactory(), **changes)


def test_save_posted_saves_nothing_on_a_get_or_an_invalid_post():
    project = ProjectFactory()
    form = ProjectForm(None, instance=project)
    assert save_posted(request_for(), form, message="Saved") is False

    request = request_for("post", {"acronym": ""})
    assert save_posted(request, ProjectForm(request.POST, instance=project), message="x") is False
    assert list(get_messages(request)) == []


def test_save_posted_saves_every_form_in_one_transaction_then_says_so(monkeypatch):
    project = ProjectFactory(acronym="AVANT")
    data = {**edit_data(project, acronym="APRES"), **IMAGES_EMPTY}
    request = request_for("post", data)
    form = ProjectForm(request.POST, instance=project)
    images = image_formset(project, request.POST)

    def broken_save(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(images, "save", broken_save)
    with pytest.raises(RuntimeError):
        save_posted(request, form, images, message="Saved")
    # The second save failed: the first one is rolled back with it.
    assert Project.objects.get(pk=project.pk).acronym == "AVANT"

    form = ProjectForm(request.POST, instance=project)
    assert save_posted(request, form, image_formset(project, request.POST), message="Saved")
    assert Project.objects.get(pk=project.pk).acronym == "APRES"
    assert [str(message) for message in get_messages(request)] == ["Saved"]


def test_a_shared_document_belongs_to_the_project_and_its_uploader(client):
    project = ProjectFactory(coordinator=OrganisationFactory())
    uploader = admin_of(project.coordinator)
    client.force_login(uploader)

    client.post(
        reverse("projects:document-list", args=[project.slug]),
        {"title": "Accord", "file": pdf()},
    )

    document = ProjectDocument.objects.get()
    assert (document.project, document.uploaded_by) == (project, uploader)


def test_an_edit_on_the_portal_is_named_so_in_the_history(client):
    project = ProjectFactory(coordinator=OrganisationFactory())
    client.force_login(admin_of(project.coordinator))

    response = client.post(
        reverse("projects:project-edit", args=[project.slug]), edit_data(project, title="Neuf")
    )

    assert response.status_code == 302
    record = project.history.order_by("-history_date", "-history_id").first()
    assert record.title == "Neuf"
    assert record.history_change_reason == "edited on the portal"


def test_a_status_form_applies_a_valid_change_only(owner, organisation):
    project = ProjectFactory(status=S.RUNNING, coordinator=organisation)
    day = timezone.localdate()

    assert StatusChangeForm(None, project=project, user=owner).apply() is False

    form = StatusChangeForm(
        {"status": S.FINISHED, "changed_on": day.isoformat(), "note": ""},
        project=project,
        user=owner,
    )
    assert form.apply() is True
    project.refresh_from_db()
    assert project.status == S.FINISHED
    assert project.status_changes.get().author == owner


def test_a_refused_status_change_becomes_an_error_of_the_status_field(owner, organisation):
    project = ProjectFactory(status=S.RUNNING, coordinator=organisation)
    form = StatusChangeForm(
        {"status": S.FINISHED, "changed_on": timezone.localdate().isoformat(), "note": ""},
        project=project,
        user=owner,
    )
    # Someone else moved the project meanwhile: the change offered is no longer allowed.
    Project.objects.filter(pk=project.pk).update(status=S.RESULTS)

    assert form.apply() is False
    assert "status" in form.errors
    assert not project.status_changes.exists()


def test_the_consortium_rows_leave_out_empty_and_deleted_rows():
    coordinator, partner, dropped = OrganisationFactory.create_batch(3)
    data = {
        "partners-TOTAL_FORMS": "3",
        "partners-INITIAL_FORMS": "0",
        "partners-0-organisation": partner.name,
        "partners-0-role": "partner",
        "partners-1-organisation": dropped.name,
        "partners-1-role": "partner",
        "partners-1-DELETE": "on",
        "partners-2-role": "partner",
        "externals-TOTAL_FORMS": "2",
        "externals-INITIAL_FORMS": "0",
        "externals-0-name": "Université de Bâle",
        "externals-0-country": "CH",
        "externals-0-kind": "research",
        "externals-0-role": "associated",
        "externals-1-country": "FR",
        "externals-1-role": "partner",
    }
    partners, externals = consortium_formsets(project=Project(), coordinator=coordinator, data=data)
    assert partners.is_valid(), partners.errors
    assert externals.is_valid(), externals.errors

    rows = consortium_rows(partners, externals)

    assert rows["partners"] == [(partner, Participation.Role.PARTNER)]
    assert rows["externals"] == [
        {"name": "Université de Bâle", "country": "CH", "kind": "research", "role": "associated"}
    ]


def test_the_form_and_the_back_office_edit_the_same_project_fields():
    fieldsets = dict(ProjectAdmin.fieldsets[1:3])
    admin_fields = {name for options in fieldsets.values() for name in options["fields"]}

    assert set(TEXT_FIELDS) | set(FUNDING_FIELDS) <= set(ProjectForm.base_fields)
    assert set(TEXT_FIELDS) | set(FUNDING_FIELDS) <= admin_fields


def test_a_retired_programme_stays_offered_to_the_project_that_chose_it():
    retired = FundingProgrammeFactory(slug="retired", is_active=False)
    current = FundingProgrammeFactory(slug="current")
    project = ProjectFactory(programme=retired)

    offered = ProjectForm(instance=project).fields["programme"].queryset

    assert set(offered) == {retired, current}
    assert set(ProjectForm().fields["programme"].queryset) == {current}


def test_a_closed_call_stays_offered_to_the_post_that_answers_it():
    past = CallFactory(deadline=timezone.localdate() - datetime.timedelta(days=1))
    open_call = CallFactory()
    post = PartnerSearchFactory(call=past)

    offered = PartnerSearchForm(instance=post, organisations=None).fields["call"].queryset
    new = PartnerSearchForm(organisations=Organisation.objects.none())

    assert set(offered) == {past, open_call}
    assert set(new.fields["call"].queryset) == {open_call}
