import pytest

from content import demo as content_demo
from content.models import Market
from members.models import Organisation
from projects import demo
from projects.models import (
    Call,
    FundingProgramme,
    Participation,
    PartnerSearch,
    Project,
    ProjectStatusChange,
)
from tests.members.factories import OrganisationFactory
from tests.projects.factories import FundingProgrammeFactory

pytestmark = pytest.mark.django_db


def quiet(message):
    pass


@pytest.fixture
def markets(db):
    content_demo.load(scale=0, log=quiet)


def test_demo_covers_every_status_programme_and_market_and_loads_twice(markets, monkeypatch):
    """Without the members demo, it makes its own organisations; --scale asks a tenth."""
    generate = demo._load_generated
    asked = []
    monkeypatch.setattr(
        demo, "_load_generated", lambda count, *args: asked.append(count) or generate(0, *args)
    )
    assert not Organisation.objects.exists()

    demo.load(scale=500, log=quiet)
    counts = (
        Project.objects.count(),
        Participation.objects.count(),
        ProjectStatusChange.objects.count(),
        Call.objects.count(),
        PartnerSearch.objects.count(),
    )
    demo.load(scale=0, log=quiet)

    assert asked == [50, 0]
    own = Organisation.objects.filter(slug__endswith="-demo-projets")
    assert own.count() == len(demo.FALLBACK_ORGANISATIONS)
    assert all("(démo projets)" in name for name in own.values_list("name", flat=True))
    assert counts == (
        Project.objects.count(),
        Participation.objects.count(),
        ProjectStatusChange.objects.count(),
        Call.objects.count(),
        PartnerSearch.objects.count(),
    )
    assert Project.objects.count() == 40
    assert set(Project.objects.values_list("status", flat=True)) == set(Project.Status.values)
    assert FundingProgramme.objects.count() == 10
    assert set(Project.objects.values_list("programme__slug", flat=True)) == set(
        FundingProgramme.objects.values_list("slug", flat=True)
    )
    themes = set(Project.objects.values_list("markets__theme", flat=True))
    assert themes == {"electric", "hydrogen", "autonomous", "services", "industry"}
    # Each project has exactly one coordinator and a timeline ending on its status.
    for project in Project.objects.prefetch_related("participations", "status_changes"):
        roles = [p.role for p in project.participations.all()]
        assert roles.count("coordinator") == 1, project.acronym
        assert list(project.status_changes.all())[-1].to_status == project.status
        project.full_clean()


def test_scale_adds_generated_projects_in_bulk_once(markets):
    OrganisationFactory.create_batch(3)
    markets = list(Market.objects.all())
    programmes = [FundingProgrammeFactory()]

    demo._load_generated(5, markets, programmes, quiet)
    demo._load_generated(5, markets, programmes, quiet)

    generated = Project.objects.filter(slug__startswith=demo.GENERATED_PREFIX)
    assert generated.count() == 5
    assert Participation.objects.filter(project__in=generated).count() == 10
    assert all(p.is_on_show for p in generated)
