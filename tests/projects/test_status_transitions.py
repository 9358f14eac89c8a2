import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from projects.models import Project, ProjectStatusChange
from projects.services import ProjectError, project_change_status
from tests.projects.factories import ProjectFactory, admin_of, colleague_of

pytestmark = pytest.mark.django_db
S = Project.Status


def test_every_status_has_its_allowed_transitions_and_labelling_is_staffs(user, staff):
    project = ProjectFactory.build(status=S.SUBMITTED)

    assert project.next_statuses(staff) == [S.LABELLED, S.NOT_LABELLED, S.CONSORTIUM]
    assert project.next_statuses(user) == [S.CONSORTIUM]
    assert set(Project.TRANSITIONS) == set(S.values)
    assert Project.TRANSITIONS[S.RESULTS] == ()


def test_a_change_is_kept_with_its_date_author_and_note(organisation, owner):
    project = ProjectFactory(status=S.RUNNING, coordinator=organisation)
    day = timezone.localdate() - datetime.timedelta(days=3)

    change = project_change_status(
        project=project, status=S.FINISHED, by=owner, on=day, note="Fin des essais."
    )

    project.refresh_from_db()
    assert project.status == S.FINISHED
    assert (change.from_status, change.to_status) == (S.RUNNING, S.FINISHED)
    assert change.changed_on == day
    assert change.author == owner
    assert change.note == "Fin des essais."


def test_a_forbidden_transition_is_refused_and_nothing_changes(owner, organisation):
    project = ProjectFactory(status=S.RUNNING, coordinator=organisation)

    with pytest.raises(ProjectError):
        project_change_status(project=project, status=S.LABELLED, by=owner)
    with pytest.raises(ProjectError):
        project_change_status(project=project, status=S.IDEA, by=owner)

    project.refresh_from_db()
    assert project.status == S.RUNNING
    assert not ProjectStatusChange.objects.exists()


def test_members_cannot_label_even_from_submitted(owner, organisation):
    project = ProjectFactory(status=S.SUBMITTED, coordinator=organisation, labelled_on=None)

    with pytest.raises(ProjectError):
        project_change_status(project=project, status=S.LABELLED, by=owner)


def test_a_date_in_the_future_is_refused(staff):
    project = ProjectFactory(status=S.RUNNING)

    with pytest.raises(ProjectError):
        project_change_status(
            project=project,
            status=S.FINISHED,
            by=staff,
            on=timezone.localdate() + datetime.timedelta(days=1),
        )


def test_status_changes_are_in_the_edit_history(staff):
    project = ProjectFactory(status=S.RUNNING)

    project_change_status(project=project, status=S.FINISHED, by=staff)

    history = list(project.history.order_by("history_date"))
    assert history[-1].status == S.FINISHED
    assert history[-2].status == S.RUNNING
    assert history[-1].history_change_reason.startswith("status")


def test_the_detail_page_shows_the_timeline_in_order(client, staff):
    project = ProjectFactory(status=S.FILED)
    ProjectStatusChange.objects.create(
        project=project, to_status=S.SUBMITTED, changed_on=datetime.date(2024, 1, 10)
    )
    ProjectStatusChange.objects.create(
        project=project,
        from_status=S.SUBMITTED,
        to_status=S.LABELLED,
        changed_on=datetime.date(2024, 3, 5),
        author=staff,
        note="Message privé au coordinateur",
    )

    html = client.get(project.get_absolute_url()).content.decode()
    timeline = html[html.index('id="timeline"') :]

    assert timeline.index("Soumis à labellisation") < timeline.index("Labellisé")
    assert "5 mars 2024" in html
    # The decision message and its author are for the consortium, not for visitors.
    assert "Message privé au coordinateur" not in html
    assert staff.last_name not in html


def test_the_consortium_sees_authors_and_notes_in_the_timeline(client, organisation, staff):
    project = ProjectFactory(status=S.LABELLED, coordinator=organisation)
    ProjectStatusChange.objects.create(
        project=project, to_status=S.LABELLED, author=staff, note="Bravo au consortium"
    )
    client.force_login(colleague_of(organisation))

    html = client.get(project.get_absolute_url()).content.decode()

    assert "Bravo au consortium" in html


def test_coordinator_admin_moves_the_project_through_the_status_page(client, organisation):
    project = ProjectFactory(status=S.FILED, coordinator=organisation)
    client.force_login(admin_of(organisation))
    url = reverse("projects:project-status", args=[project.slug])

    assert client.get(url).status_code == 200
    response = client.post(
        url, {"status": S.FUNDED, "changed_on": timezone.localdate().isoformat(), "note": ""}
    )

    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == S.FUNDED
    assert project.status_changes.get().to_status == S.FUNDED


def test_the_status_page_refuses_a_forged_labelling_decision(client, organisation):
    project = ProjectFactory(status=S.SUBMITTED, coordinator=organisation, labelled_on=None)
    client.force_login(admin_of(organisation))

    response = client.post(
        reverse("projects:project-status", args=[project.slug]),
        {"status": S.LABELLED, "changed_on": timezone.localdate().isoformat(), "note": "x"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["status"]
    project.refresh_from_db()
    assert project.status == S.SUBMITTED
    assert project.labelled_on is None
    assert not mail.outbox
