"""French text shown on an English page (a field with no English translation) carries
``lang="fr"`` (RGAA 8.7, WCAG 3.1.2): the site search's titles and summaries, a project's
summary, description and results."""

import re

import pytest

from tests.factories import ArticleFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def element_with(html: str, text: str) -> str:
    """The opening tag of the innermost element whose content starts with ``text``."""
    match = re.search(r"<(\w+)([^<>]*)>\s*" + re.escape(text), html)
    assert match, text
    return match.group(0)


def search(client, query: str) -> str:
    html = client.get("/en/search/", {"q": query}).content.decode()
    return html.replace("<mark>", "").replace("</mark>", "")


def test_search_marks_french_only_titles_and_summaries(client):
    ArticleFactory(
        title_fr="Batteries solides en Franche-Comté",
        title_en="",
        excerpt_fr="Un atelier sur les batteries solides.",
        excerpt_en="",
    )
    ArticleFactory(
        title_fr="Batteries recyclées",
        title_en="Recycled batteries",
        excerpt_fr="Le recyclage des batteries.",
        excerpt_en="Recycling batteries.",
    )
    html = search(client, "batteries")

    assert 'lang="fr"' in element_with(html, "Batteries solides en Franche-Comté")
    assert 'lang="fr"' in element_with(html, "Un atelier sur les batteries solides.")
    assert "lang=" not in element_with(html, "Recycled batteries")
    assert "lang=" not in element_with(html, "Recycling batteries.")


def test_search_marks_a_projects_french_only_title_but_not_a_name(client):
    ProjectFactory(acronym="SOLIDE", title="Batterie solide", title_en="", summary_en="")
    ProjectFactory(acronym="RECYC", title="Recyclage", title_en="Battery recycling")
    OrganisationFactory(name="Batteries de l'Est")
    html = search(client, "batter")

    assert 'lang="fr"' in element_with(html, "SOLIDE · Batterie solide")
    assert "lang=" not in element_with(html, "RECYC · Battery recycling")
    assert "lang=" not in element_with(html, "Batteries de l&#x27;Est")


def test_search_in_french_marks_nothing(client):
    ArticleFactory(title_fr="Batteries solides", title_en="", excerpt_en="")
    html = client.get("/search/", {"q": "batteries"}).content.decode()
    assert 'lang="fr"' not in html.split("<main", 1)[1]


def test_a_projects_french_only_texts_are_marked_on_its_english_page(client):
    project = ProjectFactory(
        summary="Un résumé en français.",
        summary_en="",
        description="Une description rédigée en français.",
        description_en="",
        results="Des résultats en français.",
        results_en="",
    )
    html = client.get(f"/en{project.get_absolute_url()}").content.decode()
    assert '<p class="lead" lang="fr">Un résumé en français.</p>' in html
    assert '<div class="prose" lang="fr"><p>Une description rédigée en français.' in html
    assert '<div class="prose" lang="fr"><p>Des résultats en français.' in html


def test_a_translated_project_description_is_not_marked(client):
    project = ProjectFactory(
        description="Une description.", description_en="A description in English."
    )
    html = client.get(f"/en{project.get_absolute_url()}").content.decode()
    assert '<div class="prose"><p>A description in English.' in html
