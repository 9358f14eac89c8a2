"""The history pages of the back-office (core.history): translated headers, French dates,
and an empty value shown as a dash, never as "None"."""

import re
import warnings

import pytest
from django.utils import translation
from django.utils.deprecation import RemovedInDjango2028Warning

from projects.models import Project
from tests.factories import UserFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def history_page(client, url):
    with warnings.catch_warnings():  # django-simple-history's own select_related()
        warnings.simplefilter("ignore", RemovedInDjango2028Warning)
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html.split('id="change-history"')[1].split("</table>")[0]


def test_an_organisation_history_reads_in_french_without_none(staff_client):
    organisation = OrganisationFactory(website="")
    organisation._history_user = UserFactory(first_name="Zoé", last_name="Membre")
    organisation.pitch = "Un nouveau pitch."
    organisation.website = "https://exemple.fr"
    organisation.save()
    table = history_page(staff_client, f"/admin/members/organisation/{organisation.pk}/history/")
    headers = re.findall(r'<th scope="col">([^<]+)</th>', table)
    assert headers == ["Version", "Date", "Action", "Par", "Modifications"]
    assert "None" not in table and "Changes" not in table
    assert "Zoé Membre" in table
    assert "Un nouveau pitch." in table
    assert "Site web\u00a0:</strong> —&nbsp;&rarr;&nbsp;https://exemple.fr" in table
    assert "Première version" in table
    assert re.search(r"\d{1,2}(er)? \w+ \d{4} à \d{1,2}\u00a0h", table)  # 3 décembre 2026 à 19 h 37


def test_a_change_reason_is_shown_and_choices_by_their_label(staff_client):
    project = ProjectFactory(status=Project.Status.IDEA)
    project._change_reason = "status: Submitted"
    project.status = Project.Status.SUBMITTED
    project.save()
    table = history_page(staff_client, f"/admin/projects/project/{project.pk}/history/")
    assert "None" not in table
    assert "status: Submitted" in table
    with translation.override("fr"):
        idea, submitted = Project.Status.IDEA.label, Project.Status.SUBMITTED.label
        assert f"{idea}&nbsp;&rarr;&nbsp;{submitted}" in table  # the labels, not the codes


def test_the_english_history_has_english_headers(staff_client):
    organisation = OrganisationFactory()
    table = history_page(staff_client, f"/en/admin/members/organisation/{organisation.pk}/history/")
    assert re.findall(r'<th scope="col">([^<]+)</th>', table) == [
        "Version",
        "Date",
        "Action",
        "By",
        "Changes",
    ]
    assert "None" not in table and "First version" in table
