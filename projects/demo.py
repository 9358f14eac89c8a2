"""Demo content of the projects app for `manage.py load_demo` (idempotent).

The programmes, projects, calls and partner searches are data, in ``projects/demo/*.toml``
(see core/demo.py), keyed on stable fields (slugs, titles); this module links them. Consortia
and posts name the organisations of the members demo by slug; when that demo has not run,
those of ``demo/organisations.toml`` stand in (their slugs end in ``-demo-projets``, never
clashing with it). ``--scale N`` adds N/10 generated projects with ``bulk_create``.
"""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.demo import MEMBER_EMAIL, STAFF_EMAIL, ensure_user
from content.demo import tag_objectives
from content.models import Market
from core.demo import first_theme, illustrate, read, upsert, when
from core.demo import load as load_records
from members.models import Competency, Membership, Organisation
from projects.models import (
    Call,
    ExternalPartner,
    FundingProgramme,
    Participation,
    PartnerInterest,
    PartnerSearch,
    Project,
    ProjectDocument,
    ProjectStatusChange,
)

S = Project.Status
GENERATED_PREFIX = "gen-"

# Read once, when hooks.py imports this module (the apps are ready by then).
FALLBACK = read("projects", "organisations")
FALLBACK_ORGANISATIONS = FALLBACK["organisations"]


def _themes(markets: dict, themes: list[str]) -> list[Market]:
    # The content demo may not have run (some tests load this one alone).
    return [markets[theme] for theme in themes if theme in markets]


def _competencies(vocabulary: dict) -> dict[str, Competency]:
    """The competencies by slug, the ones the posts ask for made if the members demo lacks them."""
    found = Competency.objects.in_bulk(field_name="slug")
    for slug, names in vocabulary.items():
        if slug not in found:
            found[slug] = Competency.objects.create(slug=slug, name=names["name_fr"], **names)
    return found


def _organisations(data: dict, member, markets: dict, competencies: dict) -> dict:
    """The organisations the projects and posts name, by slug.

    The slugs the members demo did not load are dealt out over the fallback organisations in
    the order they are first named: the demo member's own comes first, and stands in as the
    first fallback organisation, which the demo member administers.
    """
    named = []
    for project in data["projects"]["projects"]:
        named += project["consortium"]
    for search in data["searches"]["searches"]:
        named += [search["organisation"], *search.get("interested", [])]
    named = list(dict.fromkeys(named))
    found = Organisation.objects.in_bulk(named, field_name="slug")
    missing = [slug for slug in named if slug not in found]
    if not missing:
        return found
    stand_ins = []
    for record in FALLBACK_ORGANISATIONS:
        values = {
            **FALLBACK["common"],
            **record,
            "membership_status": Organisation.Status.ACTIVE,
            "paid_until": date(timezone.localdate().year, 12, 31),
            # Markets and competencies, so that the dashboard has matches to show.
            "markets": _themes(markets, record["markets"]),
            "competencies": [competencies[slug] for slug in record["competencies"]],
        }
        stand_ins.append(upsert(Organisation, {"slug": values.pop("slug")}, values))
    Membership.objects.get_or_create(
        user=member, organisation=stand_ins[0], defaults={"role": Membership.Role.ADMIN}
    )
    return found | {slug: stand_ins[i % len(stand_ins)] for i, slug in enumerate(missing)}


def _load_projects(data: dict, programmes, markets, organisations, member, staff) -> dict:
    texts = data["texts"]
    projects = {}
    for record in data["projects"]:
        values = dict(record)
        goals, goals_en = values.pop("goals"), values.pop("goals_en")
        consortium, timeline = values.pop("consortium"), values.pop("timeline")
        external = data["externals"].get(values.pop("external", None))
        finished = values["status"] in (S.FINISHED, S.RESULTS)
        values.update(
            description=texts["description"].format(title=values["title"], goals=_list(goals)),
            description_en=texts["description_en"].format(
                title=values["title_en"], goals=_list(goals_en)
            ),
            results=texts["results"].format(goals=_inline(goals)) if finished else "",
            results_en=texts["results_en"].format(goals=_inline(goals_en)) if finished else "",
            programme=programmes[values["programme"]],
            markets=_themes(markets, values["markets"]),
            labelled_on=when(values.get("labelled_on")),
            start_date=when(values.get("start_date")),
            end_date=when(values.get("end_date")),
            created_by=member,
        )
        project = upsert(Project, {"slug": values.pop("slug")}, values)
        _load_consortium(project, consortium, external, organisations)
        _load_timeline(project, timeline, data["notes"], member, staff)
        projects[project.slug] = project
    return projects


def _list(goals: list[str]) -> str:
    return "\n".join(f"- {goal}" for goal in goals)


def _inline(goals: list[str]) -> str:
    return "; ".join(goal[0].lower() + goal[1:] for goal in goals)


def _load_consortium(project: Project, consortium: dict, external, organisations) -> None:
    roles = {}
    # The coordinator first: when stand-ins merge two organisations into one, it stays so.
    for slug, role in sorted(consortium.items(), key=lambda item: item[1] != "coordinator"):
        roles.setdefault(organisations[slug], role)
    coordinator = next(o for o, role in roles.items() if role == "coordinator")
    project.participations.exclude(organisation__in=roles).delete()
    # A project has one coordinator: the former one goes before the new one is saved.
    project.participations.filter(role="coordinator").exclude(organisation=coordinator).delete()
    for organisation, role in roles.items():
        upsert(Participation, {"project": project, "organisation": organisation}, {"role": role})
    project.external_partners.all().delete()
    if external:
        ExternalPartner.objects.create(project=project, role="partner", **external)


def _load_timeline(project: Project, timeline: dict, notes: dict, member, staff) -> None:
    project.status_changes.all().delete()
    previous = ""
    for step, day in timeline.items():
        ProjectStatusChange.objects.create(
            project=project,
            from_status=previous,
            to_status=step,
            changed_on=when(day),
            # Labelling decisions are the staff's, the other steps the consortium's.
            author=staff if step in Project.STAFF_ONLY else member,
            note=notes.get(step, ""),
        )
        previous = step


def _load_agreements(agreement: dict, projects: dict, member) -> None:
    for slug in agreement["projects"]:
        project = projects[slug]
        title = agreement["title"].format(acronym=project.acronym)
        if project.documents.filter(title=title).exists():
            continue
        pdf = ContentFile(agreement["pdf"].encode("ascii"), name=agreement["file_name"])
        ProjectDocument.objects.create(project=project, title=title, uploaded_by=member, file=pdf)


def _load_calls(records: list[dict], programmes, markets) -> dict:
    calls = {}
    for record in records:
        values = dict(record)
        slug = values.pop("slug")
        published_at = when(values.pop("published_at"))
        values.update(
            programme=programmes[values["programme"]],
            deadline=when(values["deadline"]),
            markets=_themes(markets, values["markets"]),
            status=Call.Status.PUBLISHED,
        )
        # Only a new call gets a publication date: reloading does not move it.
        if not Call.objects.filter(slug=slug).exists():
            values["published_at"] = published_at
        calls[slug] = upsert(Call, {"slug": slug}, values)
    return calls


def _load_searches(data: dict, organisations, calls, markets, competencies, member) -> int:
    for record in data["searches"]:
        values = dict(record)
        interested = values.pop("interested", [])
        organisation = organisations[values["organisation"]]
        values.update(
            organisation=organisation,
            author=member if values.pop("posted_by_member", False) else None,
            call=calls.get(values.get("call")),
            deadline=when(values["deadline"]),
            closed_at=when(values.get("closed_at")),
            competencies=[competencies[slug] for slug in values["competencies"]],
            markets=_themes(markets, values["markets"]),
        )
        search = upsert(PartnerSearch, {"title": values.pop("title")}, values)
        for other in (organisations[slug] for slug in interested):
            if other != organisation:
                PartnerInterest.objects.get_or_create(
                    search=search,
                    organisation=other,
                    defaults={"message": data["interest_message"]},
                )
    return len(data["searches"])


def _load_generated(count: int, markets: list[Market], programmes: list, log) -> int:
    """``count`` generated public projects for benchmarks, with bulk_create."""
    if count <= 0 or not markets:
        return 0
    organisations = list(Organisation.objects.active().order_by("pk").values_list("pk", flat=True))
    if len(organisations) < 2:
        return 0
    existing = set(
        Project.objects.filter(slug__startswith=GENERATED_PREFIX).values_list("slug", flat=True)
    )
    today = timezone.localdate()
    statuses = [S.RUNNING, S.FINISHED, S.RESULTS, S.LABELLED, S.FILED, S.FUNDED]
    new = []
    for number in range(1, count + 1):
        slug = f"{GENERATED_PREFIX}{number:05d}"
        if slug in existing:
            continue
        labelled = today - timedelta(days=30 + (number * 37) % 2500)
        new.append(
            Project(
                slug=slug,
                acronym=f"GEN{number:05d}",
                title=f"Projet généré n° {number}",
                title_en=f"Generated project no. {number}",
                summary="Projet fictif généré pour mesurer les performances du portail.",
                summary_en="A fictional project generated to measure the portal's performance.",
                status=statuses[number % len(statuses)],
                programme=programmes[number % len(programmes)],
                total_budget=200_000 + (number * 7919) % 5_000_000,
                public_funding=100_000,
                start_date=labelled + timedelta(days=150),
                end_date=labelled + timedelta(days=150 + 720),
                trl_start=3,
                trl_target=6,
                labelled_on=labelled,
                visibility=Project.Visibility.PUBLIC,
            )
        )
    created = Project.objects.bulk_create(new, batch_size=1000)
    Through = Project.markets.through
    Through.objects.bulk_create(
        [
            Through(project_id=p.pk, market_id=markets[i % len(markets)].pk)
            for i, p in enumerate(created)
        ],
        batch_size=2000,
    )
    size = len(organisations)
    Participation.objects.bulk_create(
        [
            Participation(project=p, organisation_id=organisations[(i + step) % size], role=role)
            for i, p in enumerate(created)
            for step, role in ((0, "coordinator"), (1, "partner"))
        ],
        batch_size=2000,
    )
    ProjectStatusChange.objects.bulk_create(
        [
            ProjectStatusChange(project=p, to_status=p.status, changed_on=p.labelled_on)
            for p in created
        ],
        batch_size=2000,
    )
    return len(created)


def load(*, scale: int, log) -> None:
    member = ensure_user(email=MEMBER_EMAIL)
    staff = ensure_user(email=STAFF_EMAIL)
    data = {
        name: read("projects", name) for name in ("programmes", "projects", "calls", "searches")
    }
    markets = {market.theme: market for market in Market.objects.all()}
    competencies = _competencies(data["searches"]["competencies"])
    programmes = load_records(FundingProgramme, data["programmes"]["programmes"], key="slug")
    organisations = _organisations(data, member, markets, competencies)
    projects = _load_projects(data["projects"], programmes, markets, organisations, member, staff)
    drawn = illustrate(projects.values(), kind="project", theme=first_theme)
    # Projects serve collaborative innovation (objective 2), and what their text adds.
    tagged = tag_objectives(
        projects.values(), text=lambda project: f"{project.title} {project.summary}", usual=2
    )
    log(f"projects: {drawn} covers drawn, {tagged} tagged with roadmap objectives")
    _load_agreements(data["projects"]["agreement"], projects, member)
    calls = _load_calls(data["calls"]["calls"], programmes, markets)
    searches = _load_searches(data["searches"], organisations, calls, markets, competencies, member)
    generated = _load_generated(scale // 10, list(markets.values()), list(programmes.values()), log)
    log(
        f"projects: {len(programmes)} programmes, {len(projects)} projects "
        f"(+{generated} generated), {len(calls)} calls, {searches} partner searches"
    )
