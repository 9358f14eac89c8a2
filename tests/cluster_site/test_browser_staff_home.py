"""A staff member with two-factor authentication works through the to-do home of the
back-office in a real browser: one item of each kind, each handled from its link."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from billing.models import Campaign, FeeScale, Invoice
from events.models import Event, Registration
from members.models import JoinRequest, MembershipApplication
from newsletter.models import Issue
from projects.models import Project
from tests.cluster_site.test_staff_home import pending_work
from tests.factories import StaffFactory
from tests.projects.test_staff_browser import signed_in_tab
from trainings.models import CustomRequest, Enrolment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOME = "/en/admin/"


def open_todo(tab, label):
    tab.goto(HOME)
    label_text = tab.locator(".todo-label").get_by_text(label, exact=True)
    tab.locator("a.todo-link", has=label_text).click()
    tab.wait_for_load_state()


def submit(tab, selector):
    with tab.expect_navigation():
        tab.locator(selector).click()


def run_action(tab, action):
    tab.locator("input[name=_selected_action]").first.check()
    tab.locator("select[name=action]").select_option(label=action)
    submit(tab, "button[name=index]")


def test_staff_handle_one_item_of_each_kind_from_the_home(browser, live_server, assert_accessible):
    pending_work(1)
    staff = StaffFactory()  # with an authenticator app (TOTP) set up
    tab = signed_in_tab(browser, live_server, staff)
    # Accepting an application issues its first invoice (a PDF): slow on a busy machine.
    tab.set_default_timeout(30_000)

    for width in (1280, 375):
        tab.set_viewport_size({"width": width, "height": 900})
        tab.goto(HOME)
        assert tab.locator("h1").count() == 1
        assert_accessible(tab, f"staff home at {width}px")
    assert tab.locator("a.todo-link").count() == 11

    open_todo(tab, "Membership applications to review")
    tab.get_by_role("link", name="Accept or decline").click()
    submit(tab, "input[name=accept]")
    assert not MembershipApplication.objects.pending().exists()

    open_todo(tab, "Requests to join an organisation to answer")
    run_action(tab, "Approve the selected requests")
    assert not JoinRequest.objects.pending().exists()

    open_todo(tab, "Projects to label")
    project = Project.objects.get(status=Project.Status.SUBMITTED)
    tab.get_by_role("link", name=project.acronym, exact=True).click()
    tab.get_by_role("link", name="Decide on labelling").click()
    tab.locator("select[name=status]").select_option(Project.Status.LABELLED)
    tab.locator("textarea[name=note]").fill("Labelled: a solid consortium.")
    submit(tab, "#content-main form input[type=submit]")
    project.refresh_from_db()
    assert project.status == Project.Status.LABELLED

    open_todo(tab, "Training requests to answer")
    run_action(tab, "Confirm the selected requests")
    assert not Enrolment.objects.filter(status=Enrolment.Status.REQUESTED).exists()

    open_todo(tab, "À-la-carte training requests to answer")
    tab.locator("#result_list tbody a").first.click()
    tab.locator("select[name=status]").select_option(CustomRequest.Status.IN_PROGRESS)
    submit(tab, "input[name=_save]")
    assert not CustomRequest.objects.filter(status=CustomRequest.Status.NEW).exists()

    open_todo(tab, "Seat offers about to expire")
    run_action(tab, "Give a confirmed seat (waiting list)")
    offer = Registration.objects.filter(offer_expires_at__lte=timezone.now() + timedelta(hours=12))
    assert offer.get().status == Registration.Status.CONFIRMED

    open_todo(tab, "Events about to fill")
    tab.locator("#result_list tbody th a").first.click()
    tab.locator("input[name=capacity]").fill("50")
    submit(tab, "input[name=_save]")
    assert Event.objects.filter(capacity=50).count() == 1

    open_todo(tab, "Overdue invoices")
    overdue = Invoice.objects.invoices().with_balance().overdue().get()
    tab.get_by_role("link", name=f"Record a payment {overdue.number}").click()
    tab.locator("#id_amount").fill(str(overdue.total_incl_vat))
    tab.locator("main form input[name=submit]").click()
    tab.wait_for_url(re.compile(r".*/billing/staff/payments/$"))
    assert not Invoice.objects.invoices().with_balance().overdue().exists()

    # An unpaid invoice of this year's renewal campaign: its list says what is still due
    # and leads to the payment form; once recorded, the invoice is settled.
    open_todo(tab, "Renewal campaign: membership invoices still unpaid")
    renewal = Invoice.objects.get(campaign__scale__year=timezone.localdate().year)
    assert tab.locator("#result_list tbody tr").count() == 1
    tab.get_by_role("link", name=f"Record a payment {renewal.number}").click()
    assert tab.locator("#id_invoices").input_value() == renewal.number
    tab.locator("#id_amount").fill(str(renewal.total_incl_vat))
    tab.locator("main form input[name=submit]").click()
    tab.wait_for_url(re.compile(r".*/billing/staff/payments/$"))
    assert Invoice.objects.with_balance().get(pk=renewal.pk).balance == 0

    # Next year's fee scale has no campaign yet: open it from the form the link leads to;
    # every active member gets its invoice for that year.
    open_todo(tab, "Renewal campaigns to open")
    next_year = FeeScale.objects.get(year=timezone.localdate().year + 1)
    tab.locator("select[name=scale]").select_option(str(next_year.pk))
    tab.get_by_role("button", name="Open the campaign").click()
    tab.wait_for_url(re.compile(rf".*/billing/staff/\?year={next_year.year}$"))
    campaign = Campaign.objects.get(scale=next_year)
    assert campaign.state == Campaign.State.OPEN
    assert Invoice.objects.filter(campaign=campaign).exists()

    open_todo(tab, "Newsletter drafts to finish")
    tab.locator("#result_list tbody th a").first.click()
    tab.get_by_role("link", name="Send or schedule").click()
    later = timezone.localtime() + timedelta(days=2)
    tab.locator("input[name=when]").fill(later.strftime("%Y-%m-%dT%H:%M"))
    submit(tab, "#content-main form input.default")
    messages = tab.locator(".messagelist").all_inner_texts()
    assert not Issue.objects.filter(status=Issue.Status.DRAFT).exists(), messages

    tab.goto(HOME)
    assert tab.locator("a.todo-link").count() == 0
    assert tab.get_by_text("Nothing waits for you").is_visible()
    tab.context.close()
