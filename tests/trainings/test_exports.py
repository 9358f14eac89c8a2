"""Staff exports: the catalogue and a session's attendance list, in CSV."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import StaffFactory
from tests.trainings.factories import EnrolmentFactory, SessionFactory, TrainingFactory
from trainings.models import Enrolment, Training

pytestmark = pytest.mark.django_db


def rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_catalogue_csv_lists_every_training_with_its_gaps(staff_client):
    TrainingFactory(title="Formation complète")
    TrainingFactory(title="Brouillon incomplet", status=Training.Status.DRAFT, programme="")
    response = staff_client.get(reverse("trainings:catalogue-csv"))
    assert response["Content-Type"].startswith("text/csv")
    table = rows(response)
    assert table[0][0] == "Intitulé"
    by_title = {row[0]: row for row in table[1:]}
    assert set(by_title) == {"Formation complète", "Brouillon incomplet"}
    assert by_title["Brouillon incomplet"][15] == "programme"
    assert by_title["Formation complète"][15] == ""


def test_attendance_csv_lists_the_participants_with_a_signature_column_per_day(staff_client):
    session = SessionFactory()
    EnrolmentFactory(session=session, participant_last_name="Zola", status="confirmed")
    EnrolmentFactory(session=session, participant_last_name="Arnaud", status="requested")
    EnrolmentFactory(session=session, participant_last_name="Attente", status="waiting_list")
    EnrolmentFactory(session=session, participant_last_name="Parti", status="cancelled")
    table = rows(staff_client.get(reverse("trainings:session-attendance-csv", args=[session.pk])))
    assert [row[0] for row in table[1:]] == ["Arnaud", "Zola", "Attente"]
    assert table[0][-2].startswith("Signature ")
    assert len(table[0]) == 12  # ten columns and one signature per day of the two-day session


@pytest.mark.parametrize(
    "name",
    ["trainings:catalogue-csv", "trainings:catalogue-lheo", "trainings:session-attendance-csv"],
)
def test_exports_are_for_staff_only(client, user, name):
    session = SessionFactory()
    url = reverse(name, args=[session.pk]) if "session" in name else reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("account_login") in response.url
    client.force_login(user)
    assert client.get(url).status_code == 403
    staff_without_2fa = StaffFactory(totp=False)
    client.force_login(staff_without_2fa)
    assert client.get(url).status_code == 302


def test_enrolment_statuses_are_in_french_in_the_export(staff_client):
    session = SessionFactory()
    EnrolmentFactory(session=session, status=Enrolment.Status.CONFIRMED)
    table = rows(staff_client.get(reverse("trainings:session-attendance-csv", args=[session.pk])))
    assert table[1][6] == "Confirmée"


def test_text_typed_by_visitors_cannot_become_a_spreadsheet_formula(staff_client):
    session = SessionFactory()
    EnrolmentFactory(session=session, company_name='=HYPERLINK("http://evil.example")')
    table = rows(staff_client.get(reverse("trainings:session-attendance-csv", args=[session.pk])))
    assert table[1][4] == '\'=HYPERLINK("http://evil.example")'
