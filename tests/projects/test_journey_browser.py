"""The labelling journey in a real browser: a coordinator submits a project, staff label it
in the back-office, and the project appears on the showcase and on the partner's profile.
axe-core checks every portal page on the way."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from projects.models import Project
from tests.factories import PASSWORD, MarketFactory, StaffFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import FundingProgrammeFactory, admin_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_with_cookie(page, user, live_server):
    """Staff sign in with two-factor authentication: give the browser a ready session."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_submit_label_and_show(page, browser, live_server, assert_accessible):
    MarketFactory(theme="electric")
    FundingProgrammeFactory(slug="pspc", name="PSPC-Régions")
    coordinator = OrganisationFactory(name="Voltaire Batteries (test)")
    partner = OrganisationFactory(name="Laboratoire partenaire (test)", slug="labo-partenaire")
    coordinator_admin = admin_of(coordinator)

    # The coordinator's admin signs in and fills in the labelling form.
    page.goto(reverse("account_login"))
    page.locator("input[name=login]").fill(coordinator_admin.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(re.compile(r".*/dashboard/"))
    page.goto(reverse("projects:project-create"))
    assert_accessible(page, "submission form")
    page.locator("#id_acronym").fill("JOURNEY")
    page.locator("#id_title").fill("Une batterie qui se répare")
    page.locator("#id_summary").fill("Réparer les packs au lieu de les remplacer.")
    page.get_by_label("Électrique").check()
    page.locator("#id_programme").select_option(label="PSPC-Régions")
    page.locator("#id_total_budget").fill("1800000")
    page.locator("#id_public_funding").fill("700000")
    page.locator("#id_start_date").fill("2027-03-01")
    page.locator("#id_end_date").fill("2029-03-01")
    page.locator("#id_trl_start").select_option("4")
    page.locator("#id_trl_target").select_option("7")
    # The partner is typed: suggestions come from the server as one types.
    partner_field = page.locator("#id_partners-0-organisation")
    partner_field.press_sequentially("laboratoire part", delay=20)
    label = f"{partner.name} ({partner.city})"
    page.locator(f'#organisation-choices option[value="{label}"]').wait_for(state="attached")
    partner_field.fill(label)
    page.get_by_role("button", name="Soumettre à labellisation").click()
    page.wait_for_url(re.compile(r".*/projects/journey/$"))
    assert page.get_by_text("Soumis à labellisation").first.is_visible()
    assert_accessible(page, "submitted project page")
    project = Project.objects.get(acronym="JOURNEY")
    assert project.status == Project.Status.SUBMITTED
    assert len(mail.outbox) == 1  # staff were told

    # Staff open it from the labelling board and label it in the back-office.
    staff_page = browser.new_context(base_url=live_server.url).new_page()
    sign_in_with_cookie(staff_page, StaffFactory(), live_server)
    staff_page.goto(reverse("projects:project-board"))
    assert_accessible(staff_page, "labelling board")
    staff_page.locator(
        f"a[href='{reverse('admin:projects_project_status', args=[project.pk])}']"
    ).click()
    staff_page.locator("#id_status").select_option("labelled")
    staff_page.locator("#id_note").fill("Projet solide : label accordé.")
    staff_page.locator("input[type=submit]").click()
    staff_page.wait_for_url(re.compile(rf".*/admin/projects/project/{project.pk}/change/"))
    staff_page.context.close()
    project.refresh_from_db()
    assert project.status == Project.Status.LABELLED
    assert project.labelled_on is not None
    assert "Projet solide : label accordé." in mail.outbox[-1].body
    assert mail.outbox[-1].to == [coordinator_admin.email]

    # A visitor finds it on the showcase and on the partner's profile.
    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto(reverse("projects:project-list"))
    assert visitor.get_by_role("link", name="Une batterie qui se répare").is_visible()
    assert_accessible(visitor, "showcase")
    visitor.goto(reverse("members:organisation-detail", args=[partner.slug]))
    card = visitor.get_by_role("link", name="Une batterie qui se répare")
    assert card.is_visible()
    assert_accessible(visitor, "partner profile")
    card.click()
    visitor.wait_for_url(re.compile(r".*/projects/journey/$"))
    assert visitor.get_by_role("heading", level=1).inner_text() == "Une batterie qui se répare"
    assert_accessible(visitor, "public project page")
    visitor.context.close()


def test_member_pages_are_accessible(page, live_server, assert_accessible):
    """Partner searches, calls, project pages, partners and the dashboard, at desktop and
    phone widths: axe-core finds nothing and nothing scrolls sideways."""
    from tests.members.factories import CompetencyFactory
    from tests.projects.factories import CallFactory, PartnerSearchFactory, ProjectFactory

    market = MarketFactory(theme="hydrogen")
    organisation = OrganisationFactory(markets=[market], competencies=[CompetencyFactory()])
    person = admin_of(organisation)
    call = CallFactory(title="Appel hydrogène", markets=[market])
    search = PartnerSearchFactory(title="Cherche intégrateur", markets=[market], call=call)
    project = ProjectFactory(coordinator=organisation, markets=[market])
    from tests.networks.factories import PartnerFactory

    partner = PartnerFactory(featured=True, partnership_since=2015)

    page.goto(reverse("account_login"))
    page.locator("input[name=login]").fill(person.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(re.compile(r".*/dashboard/"))
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        for url in (
            reverse("dashboard"),
            reverse("projects:partnersearch-list"),
            search.get_absolute_url(),
            reverse("projects:partnersearch-create"),
            reverse("projects:call-list"),
            call.get_absolute_url(),
            reverse("projects:project-mine"),
            project.get_absolute_url(),
            reverse("projects:project-edit", args=[project.slug]),
            reverse("projects:project-consortium", args=[project.slug]),
            reverse("projects:document-list", args=[project.slug]),
            reverse("projects:project-status", args=[project.slug]),
            reverse("projects:project-images", args=[project.slug]),
            reverse("projects:project-history", args=[project.slug]),
            reverse("networks:partner-list"),
            partner.get_absolute_url(),
            reverse("projects:project-list"),
            reverse("projects:project-create"),
            reverse("search") + "?q=projet",
        ):
            page.goto(url)
            assert page.locator("h1").count() == 1, url
            assert_accessible(page, f"{url} at {width}px")
            overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            assert not overflow, f"{url} scrolls sideways at {width}px"
    # The "I'm interested" button works with a real click.
    page.goto(search.get_absolute_url())
    page.get_by_role("button", name="Je suis intéressé").click()
    assert page.get_by_text("L'auteur de l'annonce a reçu la fiche").is_visible()
