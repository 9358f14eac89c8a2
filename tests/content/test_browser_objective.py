"""A visitor's journey in a real browser: from the roadmap to an objective's page, then to a
project that serves it, shown with its cover. axe-core checks each page, at 1280 and 375 px."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.translation import gettext as _

from core.demo import illustration_png
from tests.factories import RoadmapObjectiveFactory
from tests.projects.factories import ProjectFactory
from tests.trainings.factories import TrainingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_roadmap_to_objective_to_project_with_its_cover(page, assert_accessible):
    objective = RoadmapObjectiveFactory(number=2, title="Encourager les projets collaboratifs")
    RoadmapObjectiveFactory(number=3, title="Identifier les plateformes")
    project = ProjectFactory(acronym="BATTERIE", title="Une batterie qui se répare")
    project.cover = ContentFile(illustration_png("electric"), name="electric.png")
    project.cover_alt = "Illustration : une voiture électrique en charge"
    project.cover_focal_x = 55
    project.save()
    project.roadmap_objectives.add(objective)
    TrainingFactory(title="Monter un consortium").roadmap_objectives.add(objective)

    page.goto(reverse("content:roadmap"))
    assert_accessible(page, "roadmap")
    link = _("What serves objective %(number)s: projects, trainings, events") % {"number": 2}
    page.get_by_role("link", name=link).click()
    page.wait_for_url(f"**{objective.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Encourager les projets collaboratifs"
    projects = page.locator("#objective-projects-title").locator("xpath=..")
    assert projects.locator(".objective-figure-value").inner_text() == "1"
    assert page.locator("#objective-trainings-title").count() == 1
    assert_accessible(page, "objective page")

    projects.get_by_role("link", name="BATTERIE", exact=False).click()
    page.wait_for_url(f"**{project.get_absolute_url()}")
    cover = page.locator("img.cover-hero")
    assert cover.get_attribute("alt") == "Illustration : une voiture électrique en charge"
    assert "focal-x-55" in cover.get_attribute("class")
    assert " 1600w" in cover.get_attribute("srcset")
    cover.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete", arg=cover.element_handle())
    assert cover.evaluate("img => img.naturalWidth") > 0  # the rendition is served
    box = cover.bounding_box()
    assert box["width"] / box["height"] == pytest.approx(16 / 9, rel=0.05)
    assert_accessible(page, "project page")

    # On a phone the objective page neither scrolls sideways nor loses its panels.
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(objective.get_absolute_url())
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page, "objective page at 375 px")
