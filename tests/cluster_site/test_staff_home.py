"""The staff home of the back-office: pending work of every app with links to the filtered
lists, the latest edits of members, the models grouped by job, and /en/admin/."""

import re
import warnings
from datetime import timedelta

import pytest
from django.contrib import admin
from django.utils import timezone, translation
from django.utils.deprecation import RemovedInDjango2028Warning

from billing import invoicing
from billing.models import Campaign, Invoice
from cluster_site.admin import MODEL_GROUP
from core import hooks
from events.models import Registration
from members.models import JoinRequest, MembershipApplication
from newsletter.models import Issue
from projects.models import Project, ProjectStatusChange
from tests.billing.factories import FeeScaleFactory
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import UserFactory
from tests.members.factories import ApplicationFactory, JoinRequestFactory, OrganisationFactory
from tests.newsletter.factories import IssueFactory
from tests.projects.factories import ProjectFactory
from tests.trainings.factories import EnrolmentFactory
from trainings.models import CustomRequest, Enrolment

pytestmark = pytest.mark.django_db

TODO = re.compile(
    r'<a href="(?P<url>[^"]+)" class="todo-link">\s*<span class="todo-count">(?P<count>\d+)</span>'
    r'\s*<span class="todo-label">(?P<label>[^<]+)</span>'
)


def custom_request(**fields):
    return CustomRequest.objects.create(
        name="Léa Essai",
        email="lea@example.org",
        company_name="Fictive SA",
        need="Une formation sur mesure.",
        participants=4,
        dates_wished="Printemps",
        place="Étupes",
        **fields,
    )


def pending_work(n: int) -> dict:
    """``n`` items of every kind of pending work, beside items that need nothing."""
    now = timezone.now()
    for _i in range(n):
        ApplicationFactory()
        JoinRequestFactory()
        project = ProjectFactory(status=Project.Status.SUBMITTED)
        ProjectStatusChange.objects.create(project=project, to_status=Project.Status.SUBMITTED)
        EnrolmentFactory()
        custom_request()
        RegistrationFactory(
            status=Registration.Status.OFFERED,
            offered_at=now - timedelta(hours=20),
            offer_expires_at=now + timedelta(hours=4),
        )
        filling = EventFactory(capacity=5)
        RegistrationFactory.create_batch(4, event=filling)
        IssueFactory()
    # Done or not yet urgent: never counted.
    ApplicationFactory(status=MembershipApplication.Status.ACCEPTED)
    JoinRequestFactory(status=JoinRequest.Status.APPROVED)
    ProjectFactory(status=Project.Status.LABELLED)
    EnrolmentFactory(status=Enrolment.Status.CONFIRMED)
    custom_request(status=CustomRequest.Status.QUOTED)
    RegistrationFactory(
        status=Registration.Status.OFFERED, offer_expires_at=now + timedelta(hours=20)
    )
    RegistrationFactory.create_batch(2, event=EventFactory(capacity=5))  # 40 %: not filling
    RegistrationFactory.create_batch(2, event=EventFactory(capacity=2))  # full already
    IssueFactory(blocks=False, status=Issue.Status.SENT, sent_at=now)
    # Billing: an overdue invoice, a renewal invoice not due yet, next year's scale to open.
    today = timezone.localdate()
    scale = FeeScaleFactory(year=today.year)
    campaign = Campaign.objects.create(scale=scale, issue_date=today, state=Campaign.State.OPEN)
    # Issued 60 days ago, due 30 days later: overdue on any day of the year (in January and
    # February, last year's fee).
    issued = today - timedelta(days=60)
    invoicing.membership_invoice_issue(
        organisation=OrganisationFactory(),
        scale=scale if issued.year == today.year else FeeScaleFactory(year=issued.year),
        issue_date=issued,
        deliver=False,
    )
    invoicing.membership_invoice_issue(
        organisation=OrganisationFactory(), scale=scale, campaign=campaign, deliver=False
    )
    FeeScaleFactory(year=today.year + 1)
    return {
        "Membership applications to review": n,
        "Requests to join an organisation to answer": n,
        "Projects to label": n,
        "Training requests to answer": n,
        "À-la-carte training requests to answer": n,
        "Seat offers about to expire": n,
        "Events about to fill": n,
        "Newsletter drafts to finish": n,
        "Renewal campaign: membership invoices still unpaid": 1,
        "Renewal campaigns to open": 1,
    }


def todos_on(html: str) -> dict:
    return {
        m["label"].strip(): (int(m["count"]), m["url"].replace("&amp;", "&"))
        for m in TODO.finditer(html)
    }


def test_anonymous_go_to_login_and_members_are_refused(client, user):
    for url in ("/admin/", "/en/admin/"):
        response = client.get(url, follow=True)
        assert response.redirect_chain[-1][0].split("?")[0].endswith("/accounts/login/")
    client.force_login(user)
    assert client.get("/admin/", follow=True).status_code == 403
    assert client.get("/en/admin/", follow=True).status_code == 403


def test_home_counts_every_kind_of_pending_work(staff_client, in_english):
    expected = pending_work(2)
    found = todos_on(staff_client.get("/en/admin/").content.decode())
    for label, count in expected.items():
        assert found[label][0] == count, label
    assert found["Overdue invoices"][0] == 1


def test_each_link_lists_the_pending_items_and_nothing_else(staff_client, in_english):
    pending_work(1)
    found = todos_on(staff_client.get("/en/admin/").content.decode())
    application = MembershipApplication.objects.pending().get()
    page = staff_client.get(found["Membership applications to review"][1]).content.decode()
    assert str(application.organisation) in page
    assert "1 result" in page or "0 of 1 selected" in page
    project = Project.objects.get(status=Project.Status.SUBMITTED)
    page = staff_client.get(found["Projects to label"][1]).content.decode()
    assert project.acronym in page and "0 of 1 selected" in page
    offers = staff_client.get(found["Seat offers about to expire"][1]).content.decode()
    assert "0 of 1 selected" in offers
    events = staff_client.get(found["Events about to fill"][1]).content.decode()
    assert "0 of 1 selected" in events
    for label in ("Training requests to answer", "À-la-carte training requests to answer"):
        assert "0 of 1 selected" in staff_client.get(found[label][1]).content.decode()
    assert (
        "0 of 1 selected"
        in staff_client.get(found["Newsletter drafts to finish"][1]).content.decode()
    )
    assert staff_client.get(found["Overdue invoices"][1]).status_code == 200
    renewals = found["Renewal campaign: membership invoices still unpaid"]
    page = staff_client.get(renewals[1]).content.decode()
    assert f"0 of {renewals[0]} selected" in page
    unpaid = Invoice.objects.get(campaign__isnull=False)
    assert unpaid.number in page


def test_renewal_link_lists_the_campaigns_unpaid_invoices_oldest_first(staff_client, in_english):
    today = timezone.localdate()
    scale = FeeScaleFactory(year=today.year)
    campaign = Campaign.objects.create(scale=scale, issue_date=today, state=Campaign.State.OPEN)

    def renewal(days_ago):
        return invoicing.membership_invoice_issue(
            organisation=OrganisationFactory(),
            scale=scale,
            campaign=campaign,
            issue_date=today - timedelta(days=days_ago),
            deliver=False,
        )

    recent, oldest, paid = renewal(1), renewal(20), renewal(10)
    invoicing.payment_record(
        received_on=today, amount=paid.total_incl_vat, allocations=[(paid, paid.total_incl_vat)]
    )
    # Unpaid but outside the campaign: a new member's first invoice, last year's renewal.
    outside = invoicing.membership_invoice_issue(
        organisation=OrganisationFactory(), scale=scale, deliver=False
    )
    last_year = FeeScaleFactory(year=today.year - 1)
    earlier = invoicing.membership_invoice_issue(
        organisation=OrganisationFactory(),
        scale=last_year,
        campaign=Campaign.objects.create(scale=last_year, issue_date=today),
        deliver=False,
    )
    count, url = todos_on(staff_client.get("/en/admin/").content.decode())[
        "Renewal campaign: membership invoices still unpaid"
    ]
    assert count == 2
    page = staff_client.get(url).content.decode()
    assert f"0 of {count} selected" in page
    listed = re.findall(r'class="field-number"><a href="[^"]+">([^<]+)</a>', page)
    assert listed == [oldest.number, recent.number]  # the oldest first
    for other in (paid, outside, earlier):
        assert other.number not in page
    assert f'Record a payment<span class="visually-hidden"> {oldest.number}' in page


def test_invoice_list_filters_on_payment(staff_client, in_english):
    today = timezone.localdate()
    scale = FeeScaleFactory(year=today.year)
    unpaid, paid = (
        invoicing.membership_invoice_issue(
            organisation=OrganisationFactory(), scale=scale, deliver=False
        )
        for _i in range(2)
    )
    invoicing.payment_record(
        received_on=today, amount=paid.total_incl_vat, allocations=[(paid, paid.total_incl_vat)]
    )
    url = "/en/admin/billing/invoice/?payment="
    outstanding = staff_client.get(url + "outstanding").content.decode()
    assert unpaid.number in outstanding and paid.number not in outstanding
    settled = staff_client.get(url + "settled").content.decode()
    assert paid.number in settled and unpaid.number not in settled


def test_nothing_pending_says_so(staff_client, in_english):
    html = staff_client.get("/en/admin/").content.decode()
    assert not todos_on(html)
    assert "Nothing waits for you" in html


def test_oldest_work_comes_first(staff_client, in_english):
    JoinRequestFactory()
    old = ApplicationFactory()
    MembershipApplication.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=30)
    )
    labels = list(todos_on(staff_client.get("/en/admin/").content.decode()))
    assert labels[:2] == [
        "Membership applications to review",
        "Requests to join an organisation to answer",
    ]


def test_recent_changes_by_members_link_to_the_diff(staff_client, in_english):
    member = UserFactory(first_name="Zoé", last_name="Membre")
    organisation = OrganisationFactory()
    organisation._history_user = member
    organisation.pitch = "Un nouveau pitch."
    organisation.save()
    staff = UserFactory(is_staff=True)
    project = ProjectFactory()
    project._history_user = staff
    project.title = "Changé par l'équipe"
    project.save()
    html = staff_client.get("/en/admin/").content.decode()
    section = html.split('id="changes-heading"')[1].split("</section>")[0]
    assert "Zoé Membre" in section
    assert f"/en/admin/members/organisation/{organisation.pk}/history/" in section
    assert "Changé par l&#x27;équipe" not in section and project.acronym not in section
    with warnings.catch_warnings():  # django-simple-history's own select_related()
        warnings.simplefilter("ignore", RemovedInDjango2028Warning)
        history = staff_client.get(f"/en/admin/members/organisation/{organisation.pk}/history/")
    assert history.status_code == 200
    assert "Un nouveau pitch." in history.content.decode()


def test_recent_changes_in_french_keep_the_space_before_the_colon(staff_client):
    organisation = OrganisationFactory()
    organisation._history_user = UserFactory()
    organisation.pitch = "Un autre pitch."
    organisation.save()
    html = staff_client.get("/admin/").content.decode()
    section = html.split('id="changes-heading"')[1].split("</section>")[0]
    assert "Modifiée\u00a0: voir les modifications" in section
    assert "Modifiée:" not in section and "Modifiée :" not in section


def test_english_back_office_at_en_admin_and_french_at_admin(staff_client):
    english = staff_client.get("/en/admin/")
    assert english.status_code == 200
    assert '<html lang="en"' in english.content.decode()
    assert "What waits for you" in english.content.decode()
    french = staff_client.get("/admin/")
    assert '<html lang="fr"' in french.content.decode()
    assert 'href="/en/admin/"' in french.content.decode()


def test_menu_groups_models_by_job_and_links_the_staff_boards(staff_client, in_english):
    html = staff_client.get("/en/admin/").content.decode()
    for label in hooks.STAFF_GROUPS.values():
        if str(label) != "Insights and audience":
            assert f'class="section">{label}</a>' in html
    assert "Authenticators (two-factor devices)" in html
    assert "MFA" not in html
    for url in ("/en/projects/board/", "/en/events/staff/", "/en/events/staff/check-in/"):
        assert f'href="{url}"' in html
    # The same menu in the sidebar of every other page.
    page = staff_client.get("/en/admin/members/organisation/").content.decode()
    assert 'id="group-members"' in page and 'href="/en/projects/board/"' in page


def test_every_registered_model_is_in_a_group_explicitly():
    missing = [m._meta.label for m in admin.site._registry if m._meta.label not in MODEL_GROUP]
    assert missing == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_two_menu_entries_of_a_group_share_a_label(rf, language):
    request = rf.get("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    with translation.override(language):
        groups = admin.site.get_app_list(request)
        labels = [str(model["name"]) for group in groups for model in group["models"]]
        for group in groups:
            names = [str(model["name"]) for model in group["models"]]
            assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    # Nor across groups: the two consent logs (visibility, newsletter) once had one name.
    assert len(labels) == len(set(labels)), sorted(labels)


@pytest.mark.parametrize("size", [1, 4])
def test_home_query_budget(staff_client, django_assert_max_num_queries, size):
    pending_work(size)
    staff_client.get("/admin/")  # the session and the user are cached after a first page
    with django_assert_max_num_queries(12):
        assert staff_client.get("/admin/").status_code == 200


def test_checkin_goes_to_todays_event_or_the_board(staff_client, in_english):
    response = staff_client.get("/en/events/staff/check-in/")
    assert response.status_code == 302 and response.url.endswith("/events/staff/")
    today = EventFactory(start=timezone.now() - timedelta(hours=1))
    response = staff_client.get("/en/events/staff/check-in/")
    assert response.url.endswith(f"/events/{today.slug}/check-in/")
    EventFactory(start=timezone.now() - timedelta(minutes=30))  # today whatever the hour
    assert (
        "Several events take place today"
        in staff_client.get("/en/events/staff/check-in/").content.decode()
    )


def test_checkin_door_is_for_staff_only(client, user):
    assert client.get("/events/staff/check-in/").status_code == 302
    client.force_login(user)
    assert client.get("/events/staff/check-in/").status_code == 403
