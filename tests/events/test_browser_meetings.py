"""The business-meeting journey in a real browser, with axe-core on every page it visits:
two members register for a meeting day, one asks the other for a meeting, the other
accepts, staff publish the schedule, and both see the same meeting at the same table and
slot in their agenda. The pages are visited in English, whose texts are the source
strings, and buttons are found by their form where possible."""

import pytest
from django.utils import translation

from events.models import Meeting
from tests.events.meeting_factories import meeting_day
from tests.events.test_browser_journey import sign_in
from tests.members.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def english(path: str) -> str:
    return "/en" + path if not path.startswith("/en/") else path


def write_profile(page, offer: str):
    page.get_by_label("What I offer").fill(offer)
    page.get_by_label("What I seek").fill("A partner for a European project.")
    page.locator("input[name=languages][value=en]").check()
    page.locator("main form button[type=submit], main form input[type=submit]").last.click()
    page.get_by_text("Your meeting profile is saved.").wait_for()


def test_two_members_meet_at_the_same_table_and_slot(page, live_server, assert_accessible, staff):
    day = meeting_day(title="Rendez-vous fictifs", title_en="Fictional meetings")
    slug = day.event.slug
    with translation.override("en"):
        event_url = day.event.get_absolute_url()
    first = MembershipFactory().user
    second = MembershipFactory().user

    # Both register for the meeting day and write their meeting profile.
    for person, offer in ((first, "Battery testing."), (second, "Hydrogen tanks.")):
        sign_in(page, live_server, person)
        page.goto(event_url)
        page.locator(f"form[action$='/{slug}/register/'] button").click()
        page.locator(".meetings-box a.btn-primary").click()
        assert_accessible(page, "meetings home before the profile")
        page.goto(english(f"/events/{slug}/meetings/profile/"))
        assert_accessible(page, "meeting profile form")
        write_profile(page, offer)

    # The second browses the participants and asks the first for a meeting.
    page.goto(english(f"/events/{slug}/meetings/participants/?language=en"))
    assert_accessible(page, "participants")
    page.locator(".meeting-card h2 a").first.click()
    assert_accessible(page, "a participant's profile")
    page.get_by_label("Your message").fill("Could we talk about hydrogen storage?")
    page.get_by_role("button", name="Ask for a meeting").click()
    page.get_by_text("Your request is sent").wait_for()

    # The first accepts.
    sign_in(page, live_server, first)
    page.goto(english(f"/events/{slug}/meetings/"))
    page.get_by_text("Could we talk about hydrogen storage?").wait_for()
    assert_accessible(page, "meetings home with a request")
    page.locator("button[name=answer][value=accept]").click()
    page.get_by_text("Meeting accepted.").wait_for()
    meeting = Meeting.objects.get()
    assert meeting.status == Meeting.Status.ACCEPTED and meeting.slot_id

    # Before publication the agenda says when it comes.
    page.goto(english(f"/events/{slug}/meetings/agenda/"))
    assert page.locator(".agenda-table").count() == 0

    # Staff publish the schedule from the grid.
    sign_in(page, live_server, staff)
    page.goto(english(f"/events/{slug}/meetings/staff/"))
    assert_accessible(page, "staff grid")
    page.locator(f"form[action$='/{slug}/meetings/staff/publish/'] button").click()
    page.get_by_text("The schedule is published:").wait_for()
    page.goto(english(f"/events/{slug}/meetings/staff/day/"))
    assert_accessible(page, "staff phone page")

    # Both see the same meeting, same table, same time.
    seen = []
    for person in (first, second):
        sign_in(page, live_server, person)
        page.goto(english(f"/events/{slug}/meetings/agenda/"))
        assert_accessible(page, "agenda")
        row = page.locator("tr.agenda-meeting")
        assert row.count() == 1
        seen.append(
            (row.locator("th").inner_text(), row.locator(".agenda-table-number").inner_text())
        )
    assert seen[0] == seen[1]
    assert seen[0][1] == str(meeting.table)
