"""Staff add review notes from the portal (project page, review page, board): members never
see them, never reach the page, and a forged post saves nothing."""

import pytest
from django.urls import reverse

from projects.models import Project, ReviewNote
from tests.factories import StaffFactory, UserFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory, admin_of, colleague_of

pytestmark = pytest.mark.django_db

SECRET = "Budget sous-estimé : à revoir"


@pytest.fixture
def project(db):
    return ProjectFactory(
        acronym="NOTED",
        status=Project.Status.SUBMITTED,
        labelled_on=None,
        coordinator=OrganisationFactory(),
        partners=[OrganisationFactory()],
    )


def review_url(project):
    return reverse("projects:project-review", args=[project.slug])


def test_staff_add_a_note_from_the_project_page(staff_client, staff, project):
    page = staff_client.get(project.get_absolute_url()).content.decode()
    assert f'action="{review_url(project)}"' in page  # the form is on the project page

    response = staff_client.post(review_url(project), {"body": f"  {SECRET}  "})

    assert response.status_code == 302 and response.url == review_url(project)
    note = ReviewNote.objects.get()
    assert (note.project, note.author, note.body) == (project, staff, SECRET)
    assert SECRET in staff_client.get(review_url(project)).content.decode()
    assert SECRET in staff_client.get(project.get_absolute_url()).content.decode()


def test_an_empty_note_gets_a_field_error_and_nothing_is_saved(staff_client, project):
    response = staff_client.post(review_url(project), {"body": "   "})

    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not ReviewNote.objects.exists()


def test_the_board_links_each_card_to_its_notes(staff_client, staff, project):
    ReviewNote.objects.create(project=project, author=staff, body=SECRET)

    html = staff_client.get(reverse("projects:project-board")).content.decode()

    assert review_url(project) in html
    assert "1 note de revue" in html
    assert SECRET not in html  # the board shows counts, the notes stay on their page


PERSONAS = ["coordinator_admin", "coordinator_colleague", "partner_admin", "outsider", "visitor"]


def persona(name, project):
    partner = project.participations.exclude(role="coordinator").get().organisation
    return {
        "coordinator_admin": lambda: admin_of(project.coordinator),
        "coordinator_colleague": lambda: colleague_of(project.coordinator),
        "partner_admin": lambda: admin_of(partner),
        "outsider": lambda: admin_of(OrganisationFactory()),
        "visitor": lambda: UserFactory(),
    }[name]()


@pytest.mark.parametrize("who", [*PERSONAS, "anonymous"])
def test_members_never_see_nor_reach_the_notes(client, project, who):
    ReviewNote.objects.create(project=project, author=StaffFactory(), body=SECRET)
    if who != "anonymous":
        client.force_login(persona(who, project))

    page = client.get(project.get_absolute_url())
    review = client.get(review_url(project))
    forged = client.post(review_url(project), {"body": "Note glissée par un membre"})

    assert SECRET not in page.content.decode()
    assert "Note glissée" not in page.content.decode()
    if who == "anonymous":
        assert review.status_code == forged.status_code == 302
        assert review.url.startswith(reverse("account_login"))
    else:
        assert review.status_code == forged.status_code == 403
        assert SECRET not in review.content.decode()
    assert ReviewNote.objects.count() == 1


def test_the_review_page_of_an_unknown_project_says_nothing_to_members(client):
    client.force_login(admin_of(OrganisationFactory()))

    assert client.get(reverse("projects:project-review", args=["nope"])).status_code == 403


def test_staff_without_two_factor_are_sent_to_set_it_up(client, project):
    client.force_login(StaffFactory(totp=False))

    response = client.post(review_url(project), {"body": "Note"})

    assert response.status_code == 302
    assert not ReviewNote.objects.exists()


def test_a_note_outlives_its_authors_account(project, staff):
    """A note belongs to the review, not to a member: deleting the staff account keeps it."""
    ReviewNote.objects.create(project=project, author=staff, body=SECRET)

    staff.delete()

    assert ReviewNote.objects.get().author is None


@pytest.mark.parametrize("count", [2, 80])
def test_the_review_page_and_the_staff_project_page_stay_bounded(
    staff_client, project, django_assert_max_num_queries, count
):
    author = StaffFactory()
    ReviewNote.objects.bulk_create(
        [ReviewNote(project=project, author=author, body=f"Note {n}") for n in range(count)]
    )

    with django_assert_max_num_queries(14):
        assert staff_client.get(review_url(project)).status_code == 200
    with django_assert_max_num_queries(22):
        assert staff_client.get(project.get_absolute_url()).status_code == 200
