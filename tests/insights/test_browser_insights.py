"""Staff open the insights in a real browser, change the period, read a chart and its
table; axe-core finds nothing to fix, at desktop and phone widths."""

from datetime import date

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from projects.models import Project, ProjectStatusChange
from tests.factories import StaffFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ("members", "pipeline", "events", "trainings", "projects")


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_staff_change_the_period_and_read_a_chart_and_its_table(
    page, live_server, assert_accessible
):
    for year in (2019, 2021, 2023):
        OrganisationFactory(member_since=date(year, 4, 1))
    sign_in(page, live_server, StaffFactory())
    with translation.override("en"):
        members_url = reverse("insights:members")
        events_url = reverse("insights:events")
    page.goto(members_url)
    assert page.get_by_role("heading", level=1).inner_text() == "Members in figures"
    assert "month by month" in page.get_by_test_id("insights-period").inner_text()
    assert_accessible(page, "members insights, default period")

    page.locator("#id_period").select_option(label="The last 10 years")
    page.locator("form.insights-period button[type=submit]").click()
    page.wait_for_url("**period=10y**")
    assert "year by year" in page.get_by_test_id("insights-period").inner_text()
    chart = page.get_by_role("img", name="Joins and departures per year")
    chart.wait_for()
    table = page.get_by_test_id("table-joins-departures")
    rows = {
        row.locator("th").inner_text(): row.locator("td").first.inner_text()
        for row in table.locator("tbody tr").all()
    }
    assert rows["2019"] == "1" and rows["2021"] == "1" and rows["2023"] == "1"
    assert_accessible(page, "members insights over ten years")

    # A bad date is explained next to its field.
    page.locator("#id_period").select_option(label="Dates of my choice")
    page.locator("#id_start").fill("2024-05-01")
    page.locator("#id_end").fill("2023-01-01")
    page.locator("form.insights-period button[type=submit]").click()
    page.get_by_text("The last day must come after the first day.").wait_for()
    assert page.locator("#id_end").get_attribute("aria-invalid") == "true"

    # The events page on a phone: every chart has its table, nothing wider than the screen.
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(events_url)
    assert page.get_by_role("img", name="Registrations and attendance").count() == 1
    assert page.get_by_test_id("table-events-over-time").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page, "events insights at 375 px")


def test_every_page_passes_axe_and_no_table_is_cut_at_1280_px(page, live_server, assert_accessible):
    """The five pages and their line, bar and funnel charts pass axe-core; the widest tables
    (Qualiopi, events: a dozen columns) wrap their headings and take the menu's width, so that
    no column hides behind a scroll bar at 1280 px, in either language."""
    for year in (2021, 2023):
        OrganisationFactory(member_since=date(year, 4, 1))
        project = ProjectFactory(start_date=date(year, 3, 1))
        ProjectStatusChange.objects.create(
            project=project, to_status=Project.Status.IDEA, changed_on=date(year, 3, 1)
        )
    sign_in(page, live_server, StaffFactory())
    page.set_viewport_size({"width": 1280, "height": 900})
    for language in ("fr", "en"):
        with translation.override(language):
            urls = [reverse(f"insights:{name}") for name in PAGES]
        for url in urls:
            page.goto(url + "?period=10y")
            assert page.locator("svg.chart").count(), url
            cut = page.evaluate(
                "[...document.querySelectorAll('.insights-table')]"
                ".map(box => box.scrollWidth - box.clientWidth)"
            )
            assert cut and max(cut) <= 0, f"{url}: a table is cut by {max(cut)} px"
            if language == "en":
                assert_accessible(page, f"{url} at 1280 px")
