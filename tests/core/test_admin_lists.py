"""Back-office lists that fit: every list opens for staff with its chosen columns, statuses
as badges, the selection exported as CSV or Excel, and the bulk actions staff use (approve,
archive, remind) change what they say, for staff only."""

import io
from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.admin_lists import field_label, selection_rows
from events.models import Registration
from members.models import MembershipApplication, Organisation
from projects.models import PartnerSearch
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import StaffFactory, UserFactory
from tests.members.factories import ApplicationFactory, OrganisationFactory
from tests.projects.factories import PartnerSearchFactory

pytestmark = pytest.mark.django_db

LISTS = sorted(
    f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
    for model in admin.site._registry
)


@pytest.mark.parametrize("name", LISTS)
def test_every_list_opens_for_staff(staff_client, name):
    assert staff_client.get(reverse(name)).status_code == 200


def changelist():
    return reverse("admin:members_organisation_changelist")


def test_the_organisation_list_has_its_chosen_columns_and_badges(staff_client):
    OrganisationFactory(name="Forges Imaginaires de la Très Longue Vallée du Doubs (démo)")
    OrganisationFactory(membership_status=Organisation.Status.LAPSED)
    response = staff_client.get(changelist())
    html = response.content.decode()
    columns = [getattr(c, "__name__", c) for c in response.context["cl"].list_display[1:]]
    assert columns == [
        "name_short",
        "kind",
        "place",
        "membership_status_badge",
        "paid_until_date",
        "flag_shown",
    ]
    assert 'class="status-badge status-badge--success">' in html
    assert 'class="status-badge status-badge--warning">' in html
    assert "column-name_short" in html and "column-archived_at" not in html
    # A long name is cut, whole in its tooltip.
    assert 'title="Forges Imaginaires de la Très Longue Vallée du Doubs (démo)"' in html
    assert "Forges Imaginaires de la Très L…" in html


def test_columns_get_the_verbose_name_of_their_field(in_english):
    assert str(field_label(Registration, "organisation__name")) == "organisation"
    assert str(field_label(Organisation, "paid_until")) == "paid until"
    assert field_label(Organisation, "no_such_thing") is None


@pytest.mark.parametrize("size", [3, 30])
def test_the_organisation_list_costs_the_same_queries_at_any_size(
    staff_client, django_assert_max_num_queries, size
):
    OrganisationFactory.create_batch(size)
    with django_assert_max_num_queries(12):
        assert staff_client.get(changelist()).status_code == 200


def test_the_selection_is_exported_as_csv_with_plain_labels(staff_client):
    kept = OrganisationFactory(name="Atelier Exporté", membership_status="lapsed")
    OrganisationFactory(name="Pas Choisi")
    response = staff_client.post(
        changelist(), {"action": "export_selection_csv", "_selected_action": [kept.pk]}
    )
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert len(lines[0].split(";")) == 6 and lines[0][0].isupper()
    assert len(lines) == 2
    assert lines[1].startswith("Atelier Exporté;Entreprise;Besançon (25);Non à jour;")
    assert "status-badge" not in lines[1]


def test_the_selection_is_exported_as_excel(staff_client):
    kept = OrganisationFactory(name="Atelier Tableur")
    response = staff_client.post(
        changelist(), {"action": "export_selection_xlsx", "_selected_action": [kept.pk]}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert len(rows) == 2 and len(rows[0]) == 6
    assert rows[1][:4] == ("Atelier Tableur", "Entreprise", "Besançon (25)", "Adhérente")
    assert rows[1][4].date() == kept.paid_until  # a real date cell, not text


def test_archiving_in_bulk_changes_only_what_needs_it(staff_client):
    active = OrganisationFactory()
    former = OrganisationFactory(membership_status=Organisation.Status.FORMER)
    response = staff_client.post(
        changelist(),
        {"action": "archive", "_selected_action": [active.pk, former.pk]},
        follow=True,
    )
    active.refresh_from_db()
    assert active.membership_status == Organisation.Status.FORMER
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 2 and messages[0].startswith("1 ")  # one done, one left aside
    assert active.history.first().history_user is not None


def test_a_member_cannot_run_a_bulk_action(client):
    organisation = OrganisationFactory()
    client.force_login(UserFactory())
    response = client.post(
        changelist(), {"action": "archive", "_selected_action": [organisation.pk]}
    )
    assert response.status_code == 302 and "login" in response["Location"]
    organisation.refresh_from_db()
    assert organisation.membership_status == Organisation.Status.ACTIVE


def test_staff_who_may_only_view_cannot_change_in_bulk_but_can_export(client):
    organisation = OrganisationFactory()
    viewer = StaffFactory(is_superuser=False)
    viewer.user_permissions.add(Permission.objects.get(codename="view_organisation"))
    client.force_login(viewer)
    response = client.post(
        changelist(), {"action": "archive", "_selected_action": [organisation.pk]}
    )
    organisation.refresh_from_db()
    assert organisation.membership_status == Organisation.Status.ACTIVE
    assert response.status_code in (200, 302)
    exported = client.post(
        changelist(), {"action": "export_selection_csv", "_selected_action": [organisation.pk]}
    )
    assert exported["Content-Type"].startswith("text/csv")


def test_applications_are_accepted_in_bulk(staff_client, mail_on_commit):
    pending = ApplicationFactory()
    with mail_on_commit():
        staff_client.post(
            reverse("admin:members_membershipapplication_changelist"),
            {"action": "accept", "_selected_action": [pending.pk]},
        )
    pending.refresh_from_db()
    assert pending.status == MembershipApplication.Status.ACCEPTED
    assert pending.organisation.membership_status == Organisation.Status.ACTIVE
    assert any(pending.contact_email in message.to for message in mail.outbox)


def test_partner_searches_are_closed_in_bulk(staff_client):
    search = PartnerSearchFactory()
    staff_client.post(
        reverse("admin:projects_partnersearch_changelist"),
        {"action": "close", "_selected_action": [search.pk]},
    )
    search.refresh_from_db()
    assert search.closed_at is not None
    assert PartnerSearch.objects.filter(closed_at__isnull=True).count() == 0


def test_a_reminder_goes_to_confirmed_people_of_upcoming_events_only(staff_client, mail_on_commit):
    upcoming = RegistrationFactory()
    cancelled = RegistrationFactory(status=Registration.Status.CANCELLED)
    past = RegistrationFactory(event=EventFactory(start=timezone.now() - timedelta(days=2)))
    with mail_on_commit():
        staff_client.post(
            reverse("admin:events_registration_changelist"),
            {
                "action": "send_reminder",
                "_selected_action": [upcoming.pk, cancelled.pk, past.pk],
            },
        )
    recipients = [address for message in mail.outbox for address in message.to]
    assert recipients == [upcoming.user.email]


def test_selection_rows_follow_the_list_columns(rf, staff, in_english):
    OrganisationFactory(name="Ligne Unique")
    request = rf.get("/")
    request.user = staff
    model_admin = admin.site._registry[Organisation]
    rows = selection_rows(model_admin, request, Organisation.objects.all())
    assert rows[0][0] == "Name" and rows[1][0] == "Ligne Unique"


@pytest.mark.parametrize("size", [2, 12])
def test_the_registration_list_costs_the_same_queries_at_any_size(
    staff_client, django_assert_max_num_queries, size
):
    event = EventFactory()
    RegistrationFactory.create_batch(size, event=event, organisation=OrganisationFactory())
    with django_assert_max_num_queries(12):
        response = staff_client.get(reverse("admin:events_registration_changelist"))
    assert response.status_code == 200 and len(response.context["cl"].result_list) == size
