"""The staff's pages in a real browser (board, review notes, a project seen by staff) and the
pages that turn people away (no member organisation, not an admin), in French and English:
axe-core finds nothing and nothing scrolls sideways at desktop and phone widths."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from projects.models import Project, ReviewNote
from tests.factories import StaffFactory, UserFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory, colleague_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in_tab(browser, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    context.set_default_timeout(10_000)
    return context.new_page()


def check_widths(tab, assert_accessible, urls):
    for width in (1280, 375):
        tab.set_viewport_size({"width": width, "height": 900})
        for url in urls:
            tab.goto(url)
            assert tab.locator("h1").count() == 1, url
            assert_accessible(tab, f"{url} at {width}px")
            overflow = tab.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            assert not overflow, f"{url} scrolls sideways at {width}px"


def test_staff_review_a_project_from_the_board(browser, live_server, assert_accessible):
    project = ProjectFactory(
        acronym="BOARDED", status=Project.Status.SUBMITTED, labelled_on=None, slug="boarded"
    )
    ProjectFactory.create_batch(3, status=Project.Status.IDEA, labelled_on=None)
    tab = signed_in_tab(browser, live_server, StaffFactory())

    tab.goto(reverse("projects:project-board"))
    tab.get_by_role("link", name=re.compile("0 note de revue · BOARDED")).click()
    tab.wait_for_url(re.compile(r".*/projects/boarded/review/$"))
    tab.get_by_label("Nouvelle note de revue").fill("Consortium solide, budget à vérifier.")
    tab.get_by_role("button", name="Ajouter la note").click()
    assert tab.get_by_text("Votre note de revue est ajoutée").is_visible()
    assert ReviewNote.objects.get().body == "Consortium solide, budget à vérifier."

    check_widths(
        tab,
        assert_accessible,
        [
            reverse("projects:project-board"),
            reverse("projects:project-review", args=[project.slug]),
            project.get_absolute_url(),
            "/en" + reverse("projects:project-board"),
            "/en" + project.get_absolute_url(),
        ],
    )
    tab.context.close()


def test_pages_that_turn_people_away_explain_why(browser, live_server, assert_accessible):
    tab = signed_in_tab(browser, live_server, UserFactory())  # no member organisation
    check_widths(
        tab,
        assert_accessible,
        [reverse("projects:partnersearch-list"), "/en" + reverse("projects:partnersearch-list")],
    )
    tab.context.close()

    tab = signed_in_tab(browser, live_server, colleague_of(OrganisationFactory()))  # not admin
    check_widths(
        tab,
        assert_accessible,
        [reverse("projects:project-create"), "/en" + reverse("projects:project-mine")],
    )
    tab.context.close()
