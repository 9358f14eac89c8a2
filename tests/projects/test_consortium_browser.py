"""The consortium page in a real browser, with and without JavaScript: partners are typed
(suggestions as one types with JavaScript) and the consortium grows past the empty rows
either way; axe-core reports nothing, at desktop and phone widths."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory, admin_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in_tab(browser, live_server, user, **options):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = browser.new_context(base_url=live_server.url, **options)
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    context.set_default_timeout(10_000)
    return context.new_page()


def test_without_javascript_the_consortium_grows_by_saving(browser, live_server):
    # (axe-core needs JavaScript: the same page is checked in the test below.)
    coordinator = OrganisationFactory(name="Coordinatrice")
    partners = [OrganisationFactory(name=f"Partenaire {n}", city="Metz") for n in range(4)]
    project = ProjectFactory(coordinator=coordinator)
    tab = signed_in_tab(browser, live_server, admin_of(coordinator), java_script_enabled=False)
    url = reverse("projects:project-consortium", args=[project.slug])

    tab.goto(url)
    assert tab.get_by_role("button", name="Ajouter une ligne").count() == 0
    tab.locator("#id_partners-0-organisation").fill("Partenaire 0")
    tab.locator("#id_partners-1-organisation").fill("partenaire 1 (metz)")
    tab.get_by_role("button", name="Enregistrer et ajouter des lignes").click()
    tab.wait_for_url(re.compile(r".*\?rows=5$"))
    tab.locator("#id_partners-2-organisation").fill("Partenaire 2")
    tab.locator("#id_partners-3-organisation").fill("Partenaire")  # not precise enough
    tab.get_by_role("button", name="Enregistrer le consortium").click()
    # The near miss gets an error and its own suggestions, kept by the browser's list.
    feedback = tab.locator("#id_partners-3-organisation").locator("xpath=..")
    assert "Vouliez-vous dire" in feedback.locator(".invalid-feedback").inner_text()
    assert tab.locator("#id_partners-3-organisation-choices option").count() == 4
    tab.locator("#id_partners-3-organisation").fill("Partenaire 3 (Metz)")
    tab.get_by_role("button", name="Enregistrer le consortium").click()
    tab.wait_for_url(re.compile(rf".*/projects/{project.slug}/$"))
    tab.context.close()

    names = set(project.participations.values_list("organisation__name", flat=True))
    assert names == {"Coordinatrice", *(p.name for p in partners)}


def test_with_javascript_rows_are_added_in_place_and_names_suggested(
    browser, live_server, assert_accessible
):
    coordinator = OrganisationFactory(name="Coordinatrice")
    OrganisationFactory(name="Hydrogène de l'Est", city="Nancy")
    project = ProjectFactory(coordinator=coordinator)
    tab = signed_in_tab(browser, live_server, admin_of(coordinator))

    tab.goto(reverse("projects:project-consortium", args=[project.slug]))
    assert tab.get_by_role("button", name="Enregistrer et ajouter des lignes").count() == 0
    tab.get_by_role("button", name="Ajouter une ligne").first.click()
    added = tab.locator("#id_partners-2-organisation")
    assert added.evaluate("element => element === document.activeElement")
    added.press_sequentially("hydrog", delay=20)
    option = tab.locator('#organisation-choices option[value="Hydrogène de l\'Est (Nancy)"]')
    option.wait_for(state="attached")
    for width in (1280, 375):
        tab.set_viewport_size({"width": width, "height": 900})
        assert_accessible(tab, f"consortium page at {width}px")
        assert not tab.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    added.fill("Hydrogène de l'Est (Nancy)")
    tab.get_by_role("button", name="Enregistrer le consortium").click()
    tab.wait_for_url(re.compile(rf".*/projects/{project.slug}/$"))
    tab.context.close()

    assert project.participations.filter(organisation__name="Hydrogène de l'Est").exists()
