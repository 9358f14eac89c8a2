"""English pages in English: members may give English versions of what they write (project
title, summary, description, results; partner search title and idea), shown under /en/ and
falling back to French when missing; French pages keep the French text."""

import pytest
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import translation

from tests.factories import MarketFactory
from tests.projects.factories import PartnerSearchFactory, ProjectFactory, admin_of, colleague_of

pytestmark = pytest.mark.django_db


def english(path: str) -> str:
    return "/en" + path


def test_a_project_page_reads_in_each_language(client):
    project = ProjectFactory(
        title="Pack batterie réparable",
        title_en="Repairable battery pack",
        summary="Réparer plutôt que remplacer.",
        summary_en="Repair rather than replace.",
        description="### Objectifs\n\nDiviser le coût par deux.",
        description_en="### Goals\n\nHalve the cost.",
        results="Les objectifs sont atteints.",
        results_en="The goals are met.",
    )

    french = client.get(project.get_absolute_url()).content.decode()
    en = client.get(english(project.get_absolute_url())).content.decode()

    for text in ("Pack batterie réparable", "Réparer plutôt", "Objectifs", "sont atteints"):
        assert text in french and text not in en
    for text in ("Repairable battery pack", "Repair rather", "Goals", "goals are met"):
        assert text in en and text not in french
    assert "About the project" in en and "Timeline" in en and "Key facts" in en


def test_missing_english_falls_back_to_french(client):
    project = ProjectFactory(description="Seulement en français.", results="Résultats.")

    en = client.get(english(project.get_absolute_url())).content.decode()

    assert "Seulement en français." in en and "Résultats." in en


def test_the_coordinator_writes_the_english_description_and_results(client):
    project = ProjectFactory()
    client.force_login(admin_of(project.coordinator))
    form = client.get(reverse("projects:project-edit", args=[project.slug])).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        # File fields are not posted back (no new file: the current one stays).
        if value is not None and name in form.fields and not isinstance(value, FieldFile)
    }
    data.update(
        {
            "markets": [MarketFactory().pk],
            "description_en": "In English.",
            "results_en": "Achieved.",
        }
    )

    response = client.post(reverse("projects:project-edit", args=[project.slug]), data)

    assert response.status_code == 302, response.context["form"].errors
    project.refresh_from_db()
    assert (project.description_en, project.results_en) == ("In English.", "Achieved.")


def test_a_partner_search_reads_in_each_language(client, organisation):
    search = PartnerSearchFactory(
        title="Cherche laboratoire",
        title_en="Laboratory wanted",
        idea="Une idée en français.",
        idea_en="An idea in English.",
    )
    client.force_login(colleague_of(organisation))

    en_list = client.get(english(reverse("projects:partnersearch-list"))).content.decode()
    en_detail = client.get(english(search.get_absolute_url())).content.decode()
    fr_detail = client.get(search.get_absolute_url()).content.decode()

    assert "Laboratory wanted" in en_list and "Cherche laboratoire" not in en_list
    assert "An idea in English." in en_detail and "Une idée" not in en_detail
    assert "Cherche laboratoire" in fr_detail and "Laboratory wanted" not in fr_detail
    with translation.override("en"):
        assert str(search) == "Laboratory wanted"
