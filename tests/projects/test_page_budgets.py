"""Every secondary page keeps the same number of queries whatever the volume of data: each is
measured at a small and a large size (the showcase list and detail, the board, the history,
the review page and the suggestions have their own modules)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from members.models import Organisation
from projects.models import Participation, PartnerInterest, Project, ProjectDocument
from tests.factories import MarketFactory
from tests.members.factories import CompetencyFactory, OrganisationFactory
from tests.projects.factories import (
    CallFactory,
    PartnerSearchFactory,
    ProjectFactory,
    admin_of,
    colleague_of,
)

pytestmark = pytest.mark.django_db
SIZES = [3, 60]
TODAY = timezone.localdate()


def organisations(count: int) -> list[Organisation]:
    return Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Organisation en volume {n}",
                slug=f"organisation-en-volume-{n}",
                city="Belfort",
                region="bfc",
                kind="company",
                pitch="-",
                membership_status="active",
            )
            for n in range(count)
        ]
    )


@pytest.mark.parametrize("count", SIZES)
def test_call_list(client, django_assert_max_num_queries, count):
    markets = [MarketFactory(theme="electric"), MarketFactory(theme="hydrogen")]
    CallFactory.create_batch(count, markets=markets)
    CallFactory.create_batch(count, markets=markets, deadline=TODAY - datetime.timedelta(days=3))

    with django_assert_max_num_queries(6):
        assert client.get(reverse("projects:call-list")).status_code == 200
    with django_assert_max_num_queries(6):
        response = client.get(reverse("projects:call-list"), {"past": "1", "market": "electric"})
    assert response.context["page_obj"].paginator.count == count


@pytest.mark.parametrize("count", SIZES)
def test_call_detail_for_a_member(
    client, organisation, colleague, django_assert_max_num_queries, count
):
    market = MarketFactory()
    call = CallFactory(markets=[market])
    competencies = [CompetencyFactory(), CompetencyFactory()]
    PartnerSearchFactory.create_batch(count, call=call, markets=[market], competencies=competencies)
    client.force_login(colleague)

    with django_assert_max_num_queries(13):
        assert client.get(call.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("count", SIZES)
def test_partner_search_detail_for_its_poster_and_for_another_member(
    client, django_assert_max_num_queries, count
):
    market = MarketFactory()
    poster = OrganisationFactory()
    search = PartnerSearchFactory(
        organisation=poster,
        markets=[market],
        competencies=[CompetencyFactory(), CompetencyFactory()],
        call=CallFactory(),
    )
    PartnerInterest.objects.bulk_create(
        [
            PartnerInterest(search=search, organisation=organisation, message="Intéressés")
            for organisation in organisations(count)
        ]
    )

    client.force_login(admin_of(poster))
    with django_assert_max_num_queries(14):
        response = client.get(search.get_absolute_url())
    assert len(response.context["interests"]) == count

    client.force_login(colleague_of(OrganisationFactory()))
    with django_assert_max_num_queries(14):
        assert client.get(search.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("count", SIZES)
def test_my_projects(client, django_assert_max_num_queries, count):
    organisation = OrganisationFactory()
    projects = Project.objects.bulk_create(
        [
            Project(acronym=f"MINE{n}", title=f"Projet {n}", slug=f"mine-{n}", summary="-")
            for n in range(count)
        ]
    )
    Participation.objects.bulk_create(
        [Participation(project=p, organisation=organisation, role="coordinator") for p in projects]
    )
    client.force_login(admin_of(organisation))

    with django_assert_max_num_queries(11):
        response = client.get(reverse("projects:project-mine"))

    assert response.context["editable"] == {p.pk for p in response.context["page_obj"]}


@pytest.mark.parametrize("count", SIZES)
def test_the_documents_page(client, django_assert_max_num_queries, count):
    project = ProjectFactory()
    author = admin_of(project.coordinator)
    for n in range(count):
        ProjectDocument.objects.create(
            project=project,
            title=f"Compte rendu {n}",
            file=SimpleUploadedFile(f"cr{n}.pdf", b"%PDF-1.4 rapport", "application/pdf"),
            uploaded_by=author,
        )
    client.force_login(author)

    with django_assert_max_num_queries(12):
        assert client.get(reverse("projects:document-list", args=[project.slug])).status_code == 200


@pytest.mark.parametrize("count", SIZES)
def test_the_edit_pages_of_a_large_consortium(client, django_assert_max_num_queries, count):
    MarketFactory.create_batch(3)
    project = ProjectFactory(partners=organisations(count), markets=[MarketFactory()])
    client.force_login(admin_of(project.coordinator))

    for name, budget in [
        ("project-consortium", 16),
        ("project-edit", 10),
        ("project-status", 7),
        ("project-images", 7),
    ]:
        with django_assert_max_num_queries(budget):
            response = client.get(reverse(f"projects:{name}", args=[project.slug]))
        assert response.status_code == 200, name


@pytest.mark.parametrize("count", SIZES)
def test_the_dashboard_with_many_calls_searches_and_projects(
    client, django_assert_max_num_queries, count
):
    market = MarketFactory()
    competency = CompetencyFactory()
    organisation = OrganisationFactory(markets=[market], competencies=[competency])
    CallFactory.create_batch(count, markets=[market])
    PartnerSearchFactory.create_batch(count, markets=[market], competencies=[competency])
    for _ in range(min(count, 10)):
        ProjectFactory(coordinator=organisation)
    client.force_login(admin_of(organisation))

    # The dashboard gathers every app's panel: the budget covers them all.
    with django_assert_max_num_queries(30):
        response = client.get(reverse("dashboard"))

    assert response.status_code == 200


@pytest.mark.parametrize("count", SIZES)
def test_the_dashboard_panel_of_this_app_costs_a_fixed_number_of_queries(
    rf, django_assert_max_num_queries, count
):
    from projects import panels

    market = MarketFactory()
    competency = CompetencyFactory()
    organisation = OrganisationFactory(markets=[market], competencies=[competency])
    CallFactory.create_batch(count, markets=[market])
    PartnerSearchFactory.create_batch(count, markets=[market], competencies=[competency])
    request = rf.get("/")
    request.user = admin_of(organisation)

    with django_assert_max_num_queries(10):
        context = panels.dashboard_context(request, None)

    assert len(context["matches"]) == min(2 * count, panels.DASHBOARD_ITEMS)


@pytest.mark.parametrize("count", SIZES)
def test_the_partner_search_form(
    client, organisation, colleague, django_assert_max_num_queries, count
):
    CallFactory.create_batch(count)
    CompetencyFactory.create_batch(count)
    client.force_login(colleague)

    with django_assert_max_num_queries(14):
        assert client.get(reverse("projects:partnersearch-create")).status_code == 200


@pytest.mark.parametrize("count", SIZES)
def test_the_feed_and_the_sitemap(client, django_assert_max_num_queries, count):
    market = MarketFactory()
    for _ in range(count):
        ProjectFactory(markets=[market])

    with django_assert_max_num_queries(4):
        assert client.get(reverse("projects:project-feed")).status_code == 200
    # Every app's sitemap is in it: the budget covers them all.
    with django_assert_max_num_queries(20):
        assert client.get(reverse("sitemap")).status_code == 200
