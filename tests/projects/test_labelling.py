"""Staff review a submitted project and decide in the back-office; the coordinator hears."""

import datetime

import pytest
from django.core import mail
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone

from projects.models import Project, ReviewNote
from tests.factories import MarketFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory, admin_of, colleague_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(db):
    coordinator = OrganisationFactory(name="Coordinatrice")
    project = ProjectFactory(
        acronym="REVIEWME",
        status=Project.Status.SUBMITTED,
        labelled_on=None,
        coordinator=coordinator,
    )
    return project


def status_url(project):
    return reverse("admin:projects_project_status", args=[project.pk])


def test_staff_label_a_project_and_the_coordinator_receives_the_message(
    staff_client, submitted, django_capture_on_commit_callbacks
):
    admin = admin_of(submitted.coordinator)
    colleague_of(submitted.coordinator)  # not an admin: not emailed
    day = timezone.localdate() - datetime.timedelta(days=1)

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            status_url(submitted),
            {"status": "labelled", "changed_on": day.isoformat(), "note": "Félicitations !"},
        )

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Project.Status.LABELLED
    assert submitted.labelled_on == day
    step = submitted.status_changes.get()
    assert step.note == "Félicitations !"
    assert [m.to for m in mail.outbox] == [[admin.email]]
    assert "REVIEWME" in mail.outbox[0].subject
    assert "Félicitations !" in mail.outbox[0].body
    assert submitted.get_absolute_url() in mail.outbox[0].body


def test_staff_decide_not_to_label(staff_client, submitted, django_capture_on_commit_callbacks):
    admin = admin_of(submitted.coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            status_url(submitted),
            {
                "status": "not-labelled",
                "changed_on": timezone.localdate().isoformat(),
                "note": "Le verrou technique reste flou.",
            },
        )

    submitted.refresh_from_db()
    assert submitted.status == Project.Status.NOT_LABELLED
    assert submitted.labelled_on is None
    assert mail.outbox[0].to == [admin.email]
    assert "Le verrou technique reste flou." in mail.outbox[0].body


def test_a_decision_needs_a_message(staff_client, submitted):
    response = staff_client.post(
        status_url(submitted),
        {"status": "labelled", "changed_on": timezone.localdate().isoformat(), "note": ""},
    )

    assert response.status_code == 200
    assert "note" in response.context["form"].errors
    submitted.refresh_from_db()
    assert submitted.status == Project.Status.SUBMITTED
    assert not mail.outbox


def test_members_cannot_reach_the_back_office_decision(client, submitted):
    client.force_login(admin_of(submitted.coordinator))

    response = client.post(
        status_url(submitted),
        {"status": "labelled", "changed_on": timezone.localdate().isoformat(), "note": "x"},
    )

    assert response.status_code == 302
    assert "/admin/login/" in response.url
    submitted.refresh_from_db()
    assert submitted.status == Project.Status.SUBMITTED


def test_the_change_page_offers_the_decision_and_keeps_status_read_only(staff_client, submitted):
    response = staff_client.get(reverse("admin:projects_project_change", args=[submitted.pk]))

    html = response.content.decode()
    assert status_url(submitted) in html
    assert 'name="status"' not in html


def test_review_notes_are_written_in_the_back_office_and_never_shown_to_members(
    client, staff_client, staff, submitted
):
    change_url = reverse("admin:projects_project_change", args=[submitted.pk])
    form = staff_client.get(change_url).context["adminform"].form
    # File fields are not posted back (no new file: the current one stays).
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and not isinstance(value, FieldFile)
    }
    data.update(
        {
            "acronym": submitted.acronym,
            "slug": submitted.slug,
            "title": submitted.title,
            "summary": submitted.summary,
            "visibility": submitted.visibility,
            "total_budget": submitted.total_budget,
            "public_funding": submitted.public_funding,
            "markets": [MarketFactory().pk],
            "programme": submitted.programme_id,
            "start_date": "2024-01-01",
            "end_date": "2026-01-01",
            "trl_start": 3,
            "trl_target": 6,
        }
    )
    for prefix, count in [
        ("review_notes", 1),
        ("participations", 1),
        ("external_partners", 0),
        ("status_changes", 0),
        ("documents", 0),
        ("images", 0),
    ]:
        initial = count if prefix == "participations" else 0
        data[f"{prefix}-TOTAL_FORMS"] = str(count)
        data[f"{prefix}-INITIAL_FORMS"] = str(initial)
    participation = submitted.participations.get()
    data["participations-0-id"] = participation.pk
    data["participations-0-project"] = submitted.pk
    data["participations-0-organisation"] = participation.organisation_id
    data["participations-0-role"] = "coordinator"
    data["review_notes-0-body"] = "Budget à revoir avec le coordinateur."

    response = staff_client.post(change_url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    note = ReviewNote.objects.get()
    assert note.author == staff
    assert note.project == submitted
    client.force_login(admin_of(submitted.coordinator))
    html = client.get(submitted.get_absolute_url()).content.decode()
    assert "Budget à revoir" not in html


def test_the_board_shows_columns_by_status_with_counts(staff_client, submitted):
    ProjectFactory.create_batch(2, status=Project.Status.IDEA, labelled_on=None)
    ProjectFactory(status=Project.Status.RUNNING)

    response = staff_client.get(reverse("projects:project-board"))

    assert response.status_code == 200
    columns = {c["status"]: c for c in response.context["columns"]}
    assert columns["submitted"]["count"] == 1
    assert columns["idea"]["count"] == 2
    assert {s["status"]: s["count"] for s in response.context["later"]}["running"] == 1
    html = response.content.decode()
    assert "REVIEWME" in html
    assert status_url(submitted) in html


def test_the_board_is_staff_only(client, submitted):
    url = reverse("projects:project-board")

    assert client.get(url).status_code == 302
    client.force_login(admin_of(submitted.coordinator))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("count", [6, 60])
def test_the_board_makes_a_constant_number_of_queries(
    staff_client, django_assert_max_num_queries, count
):
    ProjectFactory.create_batch(count, status=Project.Status.SUBMITTED, labelled_on=None)

    with django_assert_max_num_queries(16):
        assert staff_client.get(reverse("projects:project-board")).status_code == 200
