"""The staff's insights pages: who reaches them, figures checked against the data computed
here independently, the period form, the CSV downloads, the charts and the query budgets."""

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Registration
from members.models import Organisation
from projects.models import Project, ProjectStatusChange
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import MarketFactory
from tests.members.factories import OrganisationFactory
from tests.projects.factories import FundingProgrammeFactory, ProjectFactory
from tests.trainings.factories import (
    EnrolmentFactory,
    PastSessionFactory,
    SatisfactionAnswerFactory,
    TrainingFactory,
)
from trainings.models import Enrolment

pytestmark = pytest.mark.django_db

PAGES = ("members", "pipeline", "events", "trainings", "projects")
YEARS = {"start": "2020-01-01", "end": "2024-12-31"}
SVG = "{http://www.w3.org/2000/svg}"


def url(name: str) -> str:
    return reverse(f"insights:{name}")


def table_of(client, page: str, key: str, params: dict) -> list[list[str]]:
    response = client.get(url(page), {**params, "csv": key})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    return rows


# Who reaches insights -------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_people_are_sent_to_the_login_page(client, page):
    response = client.get(url(page))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("page", PAGES)
def test_members_and_organisation_admins_are_refused(client, user, owner, page):
    for person in (user, owner):
        client.force_login(person)
        assert client.get(url(page)).status_code == 403
        assert client.get(url(page), {"csv": "funnel"}).status_code == 403


def test_staff_without_two_factor_authentication_must_set_it_up(client, settings):
    from tests.factories import UserFactory

    settings.STAFF_MFA_REQUIRED = True
    client.force_login(UserFactory(is_staff=True))
    response = client.get(url("members"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.parametrize("page", PAGES)
def test_staff_see_every_page_in_french_and_english(staff_client, page):
    assert staff_client.get(url(page)).status_code == 200
    assert staff_client.get(f"/en/insights/{page}/").status_code == 200


def test_the_insights_address_leads_to_the_members_page(staff_client):
    response = staff_client.get(reverse("insights:index"))
    assert response.status_code == 302
    assert response["Location"] == url("members")


def test_the_back_office_menu_lists_the_pages():
    from core import hooks

    links = {link.url_name for link in hooks.staff_links() if link.group == "insights"}
    assert {f"insights:{page}" for page in PAGES} <= links


# Figures computed independently ---------------------------------------------------------------


def test_members_by_region_per_year_and_joins_match_the_data(staff_client):
    specs = [
        (Organisation.Region.BFC, Organisation.Kind.COMPANY, date(2020, 1, 10), None),
        (Organisation.Region.BFC, Organisation.Kind.LAB, date(2021, 3, 1), None),
        (Organisation.Region.GRAND_EST, Organisation.Kind.STARTUP, date(2022, 6, 1), None),
        (Organisation.Region.GRAND_EST, Organisation.Kind.COMPANY, date(2021, 9, 1), 2023),
        (Organisation.Region.ABROAD, Organisation.Kind.COMPANY, date(2026, 1, 1), None),
    ]
    # The region follows from the postcode (or the country).
    places = {
        Organisation.Region.BFC: {"postcode": "25000"},
        Organisation.Region.GRAND_EST: {"postcode": "67000", "city": "Strasbourg"},
        Organisation.Region.ABROAD: {"country": "DE", "postcode": "10115", "city": "Berlin"},
    }
    for region, kind, since, left in specs:
        organisation = OrganisationFactory(kind=kind, member_since=since, **places[region])
        assert organisation.region == region
        if left:
            organisation.membership_status = Organisation.Status.FORMER
            organisation.save()
            Organisation.objects.filter(pk=organisation.pk).update(
                archived_at=timezone.make_aware(datetime(left, 5, 1, 12))
            )
    OrganisationFactory(member_since=None, membership_status=Organisation.Status.APPLICANT)

    regions = [value for value, _label in Organisation.Region.choices]
    expected = []
    for year in range(2020, 2025):
        end = date(year, 12, 31)
        counts = [
            sum(
                1
                for region, _kind, since, left in specs
                if region == wanted and since <= end and (left is None or left > year)
            )
            for wanted in regions
        ]
        expected.append([str(year), *map(str, counts), str(sum(counts))])
    rows = table_of(staff_client, "members", "members-by-region", YEARS)
    assert rows[1:] == expected
    assert rows[1] == ["2020", "1", "0", "0", "0", "1"]

    joins = table_of(staff_client, "members", "joins-departures", YEARS)
    assert joins[1:] == [
        ["2020", "1", "0", "1"],
        ["2021", "2", "0", "2"],
        ["2022", "1", "0", "1"],
        ["2023", "0", "1", "-1"],  # the CSV writer neutralises formulas, not numbers
        ["2024", "0", "0", "0"],
    ]


def test_members_by_kind_count_each_kind_once(staff_client):
    kinds = [Organisation.Kind.COMPANY, Organisation.Kind.LAB, Organisation.Kind.LAB]
    for kind in kinds:
        OrganisationFactory(kind=kind, member_since=date(2021, 6, 1))
    rows = table_of(staff_client, "members", "members-by-kind", YEARS)
    columns = rows[0]
    by_year = {row[0]: row for row in rows[1:]}
    for kind, label in Organisation.Kind.choices:
        index = columns.index(str(label))
        assert by_year["2020"][index] == "0"
        assert by_year["2024"][index] == str(kinds.count(kind))
    assert by_year["2024"][-1] == str(len(kinds))


def test_an_empty_period_shows_tables_that_say_so_and_no_empty_chart(staff_client, in_english):
    content = staff_client.get(url("projects"), {"period": "last-year"}).content.decode()
    assert "Nothing in this period." in content
    assert 'id="chart-markets-title"' not in content
    assert 'id="chart-years-title"' in content  # one row per year, even with zeros


def test_event_fill_rate_no_shows_and_waiting_list_conversion_match(staff_client):
    start = timezone.make_aware(datetime(2023, 3, 14, 9))
    event = EventFactory(start=start, end=start + timedelta(hours=3), capacity=10)
    statuses = [Registration.Status.ATTENDED] * 5 + [Registration.Status.NO_SHOW] * 2
    statuses += [Registration.Status.CONFIRMED, Registration.Status.CANCELLED]
    for status in statuses:
        RegistrationFactory(event=event, status=status)
    # Two people waited: one took the freed seat offered, one is still waiting.
    RegistrationFactory(
        event=event, status=Registration.Status.ATTENDED, offered_at=start - timedelta(days=3)
    )
    RegistrationFactory(event=event, status=Registration.Status.WAITING, waiting_rank=1)
    EventFactory(start=start, end=start + timedelta(hours=1), status="draft", capacity=5)

    seat_statuses = [s for s in [*statuses, "attended"] if s in Registration.SEAT_STATUSES]
    fill = round(100 * len(seat_statuses) / 10)
    no_show_rate = round(100 * 2 / (6 + 2))
    rows = table_of(staff_client, "events", "events", YEARS)
    assert rows[1][1:8] == [event.title, "10", "11", str(len(seat_statuses)), str(fill), "6", "2"]
    assert rows[1][8:] == ["2", "1"]
    over_time = {row[0]: row for row in table_of(staff_client, "events", "events-over-time", YEARS)}
    assert over_time["2023"][1:] == [
        "1",
        "11",
        str(len(seat_statuses)),
        str(fill),
        "6",
        "2",
        str(no_show_rate),
        "2",
        "50",
    ]


def test_labelling_funnel_counts_how_far_projects_went(staff_client):
    S = Project.Status
    journeys = [
        [S.IDEA],
        [S.IDEA, S.CONSORTIUM],
        [S.IDEA, S.CONSORTIUM, S.SUBMITTED, S.NOT_LABELLED],
        [S.IDEA, S.CONSORTIUM, S.SUBMITTED, S.LABELLED],
        [S.CONSORTIUM, S.SUBMITTED, S.LABELLED, S.FILED, S.FUNDED],
    ]
    for index, journey in enumerate(journeys):
        project = ProjectFactory(status=journey[-1])
        for step, status in enumerate(journey):
            ProjectStatusChange.objects.create(
                project=project,
                from_status=journey[step - 1] if step else "",
                to_status=status,
                changed_on=date(2022, 1 + index, 1) + timedelta(days=10 * step),
            )
    order = [S.IDEA, S.CONSORTIUM, S.SUBMITTED, S.LABELLED, S.FILED, S.FUNDED]
    reached = [
        sum(
            1
            for journey in journeys
            if any(order.index(s if s != S.NOT_LABELLED else S.SUBMITTED) >= level for s in journey)
        )
        for level in range(len(order))
    ]
    rows = table_of(staff_client, "pipeline", "funnel", YEARS)
    assert [int(row[1]) for row in rows[1:]] == reached == [5, 4, 3, 2, 1, 1]
    assert rows[4][2] == "40"  # labelled: 2 of the 5 that entered

    stages = {row[0]: row for row in table_of(staff_client, "pipeline", "stage-durations", YEARS)}
    # Every finished stay lasted 10 days; the last stage of each project is still going on.
    assert stages[str(S.IDEA.label)][1:] == ["10.0", "3", "1"]
    assert stages[str(S.SUBMITTED.label)][1:] == ["10.0", "3", "0"]


def test_training_satisfaction_and_completion_come_with_their_sample_sizes(staff_client):
    training = TrainingFactory()
    session = PastSessionFactory(
        training=training, start_date=date(2023, 5, 2), end_date=date(2023, 5, 3)
    )
    ratings = [5, 4, 2]
    for rating in ratings:
        SatisfactionAnswerFactory(
            enrolment__session=session, rating=rating, would_recommend=rating > 3
        )
    EnrolmentFactory(session=session, status=Enrolment.Status.ABSENT)
    other = PastSessionFactory(start_date=date(2019, 5, 2), end_date=date(2019, 5, 3))
    SatisfactionAnswerFactory(enrolment__session=other, rating=1)  # before the period

    rows = table_of(staff_client, "trainings", "trainings", YEARS)
    assert len(rows) == 2
    average = round(sum(ratings) / len(ratings), 2)
    satisfied = round(100 * sum(1 for r in ratings if r >= 4) / len(ratings))
    assert rows[1][1:9] == [
        "1",  # sessions
        "4",  # expected
        "3",  # attended
        str(round(100 * 3 / 4)),
        str(len(ratings)),
        str(average),
        str(satisfied),
        "100",
    ]
    over_time = {
        row[0]: row for row in table_of(staff_client, "trainings", "trainings-over-time", YEARS)
    }
    assert over_time["2023"][5:8] == ["3", str(average), str(satisfied)]
    assert over_time["2019" if "2019" in over_time else "2020"][5] == "0"


def test_project_budgets_by_programme_and_market_add_up(staff_client):
    electric, hydrogen = MarketFactory(), MarketFactory()
    anr = FundingProgrammeFactory(slug="anr", name="ANR fictive")
    feder = FundingProgrammeFactory(slug="feder", name="FEDER fictif")
    specs = [
        (anr, [electric], 1_000_000, 400_000, Project.Status.RUNNING, date(2022, 3, 1)),
        (anr, [electric, hydrogen], 2_000_000, 500_000, Project.Status.FUNDED, date(2023, 3, 1)),
        (feder, [hydrogen], 600_000, 300_000, Project.Status.FINISHED, date(2024, 3, 1)),
        (feder, [hydrogen], 9_000_000, 9_000, Project.Status.NOT_FUNDED, date(2024, 3, 1)),
        (feder, [hydrogen], 7_000_000, 7_000, Project.Status.RUNNING, date(2019, 3, 1)),
    ]
    for programme, markets, budget, funding, status, start in specs:
        ProjectFactory(
            programme=programme,
            markets=markets,
            total_budget=budget,
            public_funding=funding,
            status=status,
            start_date=start,
        )
    counted = [s for s in specs if s[4] != Project.Status.NOT_FUNDED and s[5].year >= 2020]
    by_programme = {
        row[0]: row for row in table_of(staff_client, "projects", "projects-by-programme", YEARS)
    }
    for programme in (anr, feder):
        mine = [s for s in counted if s[0] == programme]
        budget, funding = sum(s[2] for s in mine), sum(s[3] for s in mine)
        assert by_programme[programme.name][1:] == [
            str(len(mine)),
            str(budget),
            str(funding),
            str(round(100 * funding / budget)),
        ]
    by_market = {
        row[0]: row for row in table_of(staff_client, "projects", "projects-by-market", YEARS)
    }
    hydrogen_budget = sum(s[2] for s in counted if hydrogen in s[1])
    assert by_market[hydrogen.name][1:3] == ["2", str(hydrogen_budget)]


# The period form ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"period": "custom", "start": "2024-05-01", "end": "2023-01-01"}, "must come after"),
        ({"period": "custom", "start": "2024-05-01"}, "Give the last day"),
        ({"start": "not a date", "end": "2024-01-01"}, "Enter a valid date"),
        ({"period": "forever"}, "Select a valid choice"),
        ({"start": "1900-01-01", "end": "2024-01-01"}, "at most 30 years"),
    ],
)
def test_a_bad_period_is_explained_next_to_its_field(staff_client, in_english, params, message):
    response = staff_client.get(url("events"), params)
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert "Correct the period above" in content
    assert 'class="chart"' not in content


def test_presets_choose_months_or_years(staff_client, in_english):
    content = staff_client.get(url("members"), {"period": "12m"}).content.decode()
    assert "month by month" in content
    content = staff_client.get(url("members"), {"period": "5y"}).content.decode()
    assert "year by year" in content


def test_months_are_labelled_with_their_dictionary_abbreviations(staff_client):
    content = staff_client.get(
        url("members"), {"period": "custom", "start": "2025-06-01", "end": "2025-09-30"}
    ).content.decode()
    assert "juil. 2025" in content and "août 2025" in content
    assert "Aoû" not in content and "Jui 2025" not in content


def test_an_unknown_table_is_not_found(staff_client):
    assert staff_client.get(url("members"), {"csv": "nothing"}).status_code == 404


# Charts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_every_chart_is_well_formed_svg_with_a_title_and_a_description(staff_client, page):
    OrganisationFactory()
    ProjectFactory()
    content = staff_client.get(url(page), YEARS).content.decode()
    svgs = content.split('<svg class="chart"')[1:]
    assert svgs
    for piece in svgs:
        root = ET.fromstring('<svg class="chart"' + piece.split("</svg>")[0] + "</svg>")
        assert root.get("role") == "img"
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title.text and desc.text
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


# Query budgets at two sizes --------------------------------------------------------------------


def _data(size: int) -> None:
    market = MarketFactory()
    for index in range(size):
        day = date(2021 + index % 4, 1 + index % 12, 5)
        OrganisationFactory(member_since=day)
        project = ProjectFactory(start_date=day, markets=[market])
        ProjectStatusChange.objects.create(project=project, to_status="idea", changed_on=day)
        start = timezone.make_aware(datetime(day.year, day.month, day.day, 9))
        event = EventFactory(start=start, end=start + timedelta(hours=2))
        RegistrationFactory(event=event, status=Registration.Status.ATTENDED)
        session = PastSessionFactory(start_date=day, end_date=day)
        SatisfactionAnswerFactory(enrolment__session=session)


@pytest.mark.parametrize("size", [1, 6])
def test_pages_keep_their_query_budget(staff_client, django_assert_max_num_queries, size):
    _data(size)
    for page in PAGES:
        for params in (YEARS, {"period": "24m"}):
            with django_assert_max_num_queries(12):
                response = staff_client.get(url(page), params)
            assert response.status_code == 200
