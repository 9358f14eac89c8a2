"""The site search reads trigram indexes on PostgreSQL (cluster_site/search_indexes.py): each
searched table has one on exactly the expression its search filters with, the planner
takes them over a few thousand rows, and the migration creates what the test databases get.
Words of one or two letters cannot use them and still match."""

import copy
import importlib
import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cluster_site import search_indexes
from core import hooks
from projects.models import Participation
from tests.conftest import LanguageSafeClient
from tests.events.factories import EventFactory
from tests.factories import ArticleFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import FundingProgrammeFactory, ProjectFactory
from tests.trainings.factories import TrainingFactory

pytestmark = pytest.mark.django_db

# portal_fold((COALESCE(("table"."field")::text, '') || ' ' || ...)): what text_filter writes.
SEARCHED_TEXT = re.compile(
    r"portal_fold\(\((?:COALESCE\(\(\"\w+\"\.\"\w+\"\)::text, ''\)[^()]*)+\)\)"
)
COLUMN = re.compile(r"\(\"(\w+)\"\.\"(\w+)\"\)::text")
ALIAS = re.compile(r"(?:FROM|JOIN) \"(\w+)\" \"(\w+)\"")


def searched_fields(sql: str) -> set[tuple[str, tuple[str, ...]]]:
    """(table, fields) of every searched text in ``sql``; an alias ("U0") names the table
    it was last given to before the text (subqueries reuse them)."""
    found = set()
    for match in SEARCHED_TEXT.finditer(sql):
        columns = COLUMN.findall(match.group(0))
        aliases = {
            alias: table
            for table, alias in ALIAS.findall(sql[: match.start()])  # the last one wins
        }
        tables = {aliases.get(name, name) for name, _field in columns}
        assert len(tables) == 1, match.group(0)
        found.add((tables.pop(), tuple(field for _name, field in columns)))
    return found


@pytest.mark.postgres
def test_every_search_source_filters_on_the_expression_of_an_index(staff):
    sql = " ".join(str(source.queryset.query) for source in hooks.search_sources("corridor", staff))
    found = searched_fields(sql)
    assert found == {(table, tuple(fields)) for table, fields in search_indexes.SEARCHED.items()}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexname FROM pg_indexes WHERE indexname LIKE %s", ["%_trgm"]
        )
        assert set(cursor.fetchall()) == {
            (table, search_indexes.index_name(table)) for table in search_indexes.SEARCHED
        }


def _fill(count: int) -> None:
    """``count`` rows in each of the big searched tables, in bulk; three of them (of each
    kind) hold the word "corridor"."""
    words = itertools.cycle(["batterie", "hydrogène", "recharge", "véhicule", "atelier"])

    def text(number: int) -> str:
        rare = " corridor" if number % (count // 3) == 0 else ""
        return f"{next(words).capitalize()} {number}{rare}"

    programme = FundingProgrammeFactory()
    made = {}
    for factory, field, extra in (
        (ArticleFactory, "title", {}),
        (EventFactory, "title", {}),
        (TrainingFactory, "title", {}),
        (ProjectFactory, "title", {"programme": programme}),
        (OrganisationFactory, "name", {}),
    ):
        model = factory._meta.model
        template, rows = factory.build(**extra), []
        for number in range(1, count + 1):
            row = copy.copy(template)
            setattr(row, field, text(number))
            row.slug = f"{model._meta.model_name}-{number}"
            rows.append(row)
        made[factory] = model.objects.bulk_create(rows, batch_size=1000)
    # Each project has a partner: the one after it, so that three more projects are found
    # by the name of a partner.
    projects, organisations = made[ProjectFactory], made[OrganisationFactory]
    Participation.objects.bulk_create(
        Participation(project=project, organisation=organisation)
        for project, organisation in zip(
            projects, organisations[1:] + organisations[:1], strict=True
        )
    )


@pytest.mark.postgres
def test_the_planner_reads_the_trigram_indexes_for_a_word_of_four_letters_or_more(colleague):
    _fill(2000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    client = LanguageSafeClient()
    client.force_login(colleague)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("search"), {"q": "corridor"})
    # Three of each kind, and the projects of the three organisations (which are not listed
    # in the directory: no search text).
    assert response.context["outcome"].total == 15
    counts = next(query["sql"] for query in queries.captured_queries if " UNION " in query["sql"])
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + counts)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    for table in (
        "content_article",
        "events_event",
        "trainings_training",
        "projects_project",
        "members_organisation",  # the names of a project's partners
    ):
        assert f"Bitmap Index Scan on {search_indexes.index_name(table)}" in plan, plan


def test_the_migration_creates_the_indexes_the_test_databases_get():
    migration = importlib.import_module("cluster_site.migrations.0001_search_trigram_indexes")
    assert migration.SEARCHED == search_indexes.SEARCHED


def test_words_of_two_letters_still_match(client):
    ProjectFactory(acronym="BUSH2", title="Bus à H2 de Belfort")
    ArticleFactory(title="Un bus électrique")
    html = client.get(reverse("search"), {"q": "h2"}).content.decode().replace("<mark>", "")
    html = html.replace("</mark>", "")
    assert "BUSH2" in html
    assert "Un bus électrique" not in html
