"""Demo content of the projects app for `manage.py load_demo` (idempotent).

Consortia are drawn from the demo organisations the members app loaded before; when there
are none, a few organisations are created here with slugs ending in ``-demo-projets`` so that
they never clash with the members demo. ``--scale N`` adds N/10 generated projects with
``bulk_create``. Everything is keyed on stable fields (slugs, acronyms, titles): loading twice
updates the same rows.
"""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from accounts.demo import MEMBER_EMAIL, STAFF_EMAIL, ensure_user
from content.models import Market
from members.models import Competency, Membership, Organisation
from projects.demo_data import (
    CALLS,
    COMPETENCIES,
    EXTERNALS,
    FALLBACK_ORGANISATIONS,
    GOALS_EN,
    PROGRAMMES,
    PROJECTS,
    SEARCHES,
    SEARCHES_EN,
)
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

# The statuses a project went through to reach each status.
PATHS = {
    S.IDEA: [S.IDEA],
    S.CONSORTIUM: [S.IDEA, S.CONSORTIUM],
    S.SUBMITTED: [S.CONSORTIUM, S.SUBMITTED],
    S.NOT_LABELLED: [S.CONSORTIUM, S.SUBMITTED, S.NOT_LABELLED],
    S.LABELLED: [S.CONSORTIUM, S.SUBMITTED, S.LABELLED],
    S.FILED: [S.CONSORTIUM, S.SUBMITTED, S.LABELLED, S.FILED],
    S.FUNDED: [S.CONSORTIUM, S.SUBMITTED, S.LABELLED, S.FILED, S.FUNDED],
    S.NOT_FUNDED: [S.CONSORTIUM, S.SUBMITTED, S.LABELLED, S.FILED, S.NOT_FUNDED],
    S.RUNNING: [S.CONSORTIUM, S.SUBMITTED, S.LABELLED, S.FILED, S.FUNDED, S.RUNNING],
    S.FINISHED: [
        S.CONSORTIUM, S.SUBMITTED, S.LABELLED, S.FILED, S.FUNDED, S.RUNNING, S.FINISHED,
    ],
    S.RESULTS: [
        S.CONSORTIUM, S.SUBMITTED, S.LABELLED, S.FILED, S.FUNDED, S.RUNNING, S.FINISHED,
        S.RESULTS,
    ],
}  # fmt: skip

DECISION_NOTES = {
    S.LABELLED: "Le comité salue la solidité du consortium et l'ancrage régional. Label accordé.",
    S.NOT_LABELLED: "Le verrou technologique est à préciser et le consortium manque d'un "
    "utilisateur final. Nous vous proposons un rendez-vous pour retravailler le dossier.",
}

# A one-page PDF, enough to show the consortium documents page.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 60>>stream\nBT /F1 18 Tf 60 760 Td (Document de demonstration) Tj ET\n"
    b"endstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _translated(entry: dict, field: str) -> dict:
    return {f"{field}_{language}": text for language, text in entry[field].items()}


def _organisation_pool(member) -> list[Organisation]:
    """Active organisations to build consortia from, the demo member's own first."""
    active = Organisation.objects.active().exclude(slug__startswith=GENERATED_PREFIX)
    own = list(active.filter(memberships__user=member, memberships__role="admin").distinct())
    others = list(active.exclude(pk__in=[o.pk for o in own]).order_by("name")[:40])
    pool = own + others
    if len(pool) >= 6:
        return pool
    # The members demo has not run: make a few organisations of our own.
    created = []
    for name, kind, postcode, city in FALLBACK_ORGANISATIONS:
        organisation, _ = Organisation.objects.update_or_create(
            slug=f"{slugify(name.split('(')[0])}-demo-projets",
            defaults={
                "name": name,
                "kind": kind,
                "postcode": postcode,
                "city": city,
                "pitch": "Organisation fictive créée pour la démonstration des projets.",
                "membership_status": Organisation.Status.ACTIVE,
                "member_since": date(2020, 1, 1),
                "paid_until": date(timezone.localdate().year, 12, 31),
            },
        )
        created.append(organisation)
    Membership.objects.get_or_create(
        user=member, organisation=created[0], defaults={"role": Membership.Role.ADMIN}
    )
    # Markets and competencies, so that the dashboard has matches to show.
    markets = list(Market.objects.order_by("order"))
    competencies = list(_competencies().values())
    for index, organisation in enumerate(created):
        if markets:
            organisation.markets.set(
                [markets[index % len(markets)], markets[(index + 2) % len(markets)]]
            )
        organisation.competencies.set(
            [competencies[index % len(competencies)], competencies[(index + 4) % len(competencies)]]
        )
    return own + created + others


def _dates(status: str, index: int, months: int) -> dict:
    """Plausible dates for a project of ``status`` (all steps in the past)."""
    today = timezone.localdate()
    if status in (S.IDEA, S.CONSORTIUM, S.SUBMITTED, S.NOT_LABELLED):
        anchor = today - timedelta(days=10 + 9 * index)
        return {"anchor": anchor, "labelled_on": None, "start": None, "end": None}
    age = {
        S.LABELLED: 25,
        S.FILED: 80,
        S.FUNDED: 135,
        S.NOT_FUNDED: 210,
        S.RUNNING: 150 + months * 15,
        S.FINISHED: 150 + months * 30 + 40,
        S.RESULTS: 150 + months * 30 + 120,
    }[status] + (index * 23) % 240
    labelled_on = today - timedelta(days=age)
    start = labelled_on + timedelta(days=150)
    return {
        "anchor": labelled_on,
        "labelled_on": labelled_on,
        "start": start,
        "end": start + timedelta(days=months * 30),
    }


def _step_date(step: str, dates: dict) -> date:
    labelled = dates["labelled_on"]
    if labelled is None:
        offsets = {S.IDEA: -120, S.CONSORTIUM: -60, S.SUBMITTED: -20, S.NOT_LABELLED: 0}
        return dates["anchor"] + timedelta(days=offsets[step])
    return {
        S.IDEA: labelled - timedelta(days=300),
        S.CONSORTIUM: labelled - timedelta(days=200),
        S.SUBMITTED: labelled - timedelta(days=45),
        S.LABELLED: labelled,
        S.FILED: labelled + timedelta(days=30),
        S.FUNDED: labelled + timedelta(days=110),
        S.NOT_FUNDED: labelled + timedelta(days=110),
        S.RUNNING: dates["start"],
        S.FINISHED: dates["end"],
        S.RESULTS: dates["end"] + timedelta(days=60),
    }[step]


def _description(title: str, goals: list[str]) -> str:
    lines = "\n".join(f"- {goal}" for goal in goals)
    return (
        f"### Objectifs\n\n{lines}\n\n### Pourquoi en consortium\n\n"
        f"Aucun partenaire ne réunit seul les compétences nécessaires : le projet « {title} » "
        "associe un industriel qui porte le marché, des fournisseurs et un laboratoire qui "
        "apporte la méthode et les essais."
    )


def _description_en(title: str, goals: list[str]) -> str:
    lines = "\n".join(f"- {GOALS_EN[goal]}" for goal in goals)
    return (
        f"### Goals\n\n{lines}\n\n### Why a consortium\n\n"
        f"No partner has every skill on its own: “{title}” brings together a manufacturer "
        "who carries the market, suppliers, and a laboratory that brings the method and the "
        "tests."
    )


def _results(goals: list[str], english: bool) -> str:
    if english:
        done = "; ".join(GOALS_EN[goal][0].lower() + GOALS_EN[goal][1:] for goal in goals)
        return f"The goals are met: {done}. The partners are now taking the results to market."
    done = "; ".join(goal[0].lower() + goal[1:] for goal in goals)
    return (
        f"Les objectifs sont atteints : {done}. "
        "Les partenaires industrialisent désormais les résultats."
    )


def _load_projects(markets, programmes, pool, member, staff) -> list[Project]:
    projects = []
    for index, seed in enumerate(PROJECTS):
        (acronym, titles, summaries, themes, programme, status, budget, months, trl,
         visibility, goals) = seed  # fmt: skip
        dates = _dates(status, index, months)
        total = budget * 1000
        ratio = (35 + (index * 7) % 30) / 100
        finished = status in (S.RESULTS, S.FINISHED)
        project, _ = Project.objects.update_or_create(
            slug=slugify(acronym),
            defaults={
                "acronym": acronym,
                "title": titles[0],
                "title_en": titles[1],
                "summary": summaries[0],
                "summary_en": summaries[1],
                "description": _description(titles[0], goals),
                "description_en": _description_en(titles[1], goals),
                "results": _results(goals, english=False) if finished else "",
                "results_en": _results(goals, english=True) if finished else "",
                "status": status,
                "programme": programmes[programme],
                "total_budget": total,
                "public_funding": int(total * ratio),
                "start_date": dates["start"],
                "end_date": dates["end"],
                "trl_start": trl[0],
                "trl_target": trl[1],
                "labelled_on": dates["labelled_on"],
                "visibility": visibility,
                "created_by": member,
            },
        )
        project.markets.set([markets[theme] for theme in themes if theme in markets])
        _load_consortium(project, index, pool)
        _load_timeline(project, status, dates, member, staff)
        projects.append(project)
    return projects


def _load_consortium(project: Project, index: int, pool: list[Organisation]) -> None:
    size = len(pool)
    coordinator = pool[index % size]
    partners = {pool[(index + step * 3) % size] for step in (1, 2, 3)[: 1 + index % 3]}
    partners.discard(coordinator)
    project.participations.exclude(organisation__in=[coordinator, *partners]).delete()
    project.participations.filter(role="coordinator").exclude(organisation=coordinator).delete()
    Participation.objects.update_or_create(
        project=project, organisation=coordinator, defaults={"role": "coordinator"}
    )
    roles = ["partner", "partner", "subcontractor", "associated"]
    for number, organisation in enumerate(sorted(partners, key=lambda o: o.name)):
        Participation.objects.update_or_create(
            project=project, organisation=organisation, defaults={"role": roles[number % 4]}
        )
    project.external_partners.all().delete()
    if index % 3 == 0:
        external = EXTERNALS[index % len(EXTERNALS)]
        ExternalPartner.objects.create(project=project, role="partner", **external)


def _load_timeline(project: Project, status: str, dates: dict, member, staff) -> None:
    project.status_changes.all().delete()
    previous = ""
    for step in PATHS[status]:
        decision = step in Project.STAFF_ONLY
        ProjectStatusChange.objects.create(
            project=project,
            from_status=previous,
            to_status=step,
            changed_on=_step_date(step, dates),
            author=staff if decision else member,
            note=DECISION_NOTES.get(step, ""),
        )
        previous = step


def _load_documents(projects: list[Project], member) -> None:
    for project in projects[:3]:
        title = f"Accord de consortium {project.acronym}"
        if project.documents.filter(title=title).exists():
            continue
        document = ProjectDocument(project=project, title=title, uploaded_by=member)
        document.file.save("accord.pdf", ContentFile(DEMO_PDF), save=False)
        document.save()


def _load_calls(programmes, markets) -> dict:
    calls = {}
    today = timezone.localdate()
    published = timezone.now() - timedelta(days=20)
    for entry in CALLS:
        values = {
            **_translated(entry, "title"),
            **_translated(entry, "summary"),
            "programme": programmes[entry["programme"]],
            "deadline": today + timedelta(days=entry["deadline_days"]),
            "status": Call.Status.PUBLISHED,
        }
        call, _ = Call.objects.update_or_create(
            slug=entry["slug"],
            defaults=values,
            create_defaults={**values, "published_at": published},
        )
        call.markets.set([markets[theme] for theme in entry["markets"] if theme in markets])
        calls[entry["slug"]] = call
    return calls


def _competencies() -> dict:
    found = {}
    for slug, names in COMPETENCIES.items():
        competency = Competency.objects.filter(slug=slug).first()
        if competency is None:
            competency = Competency.objects.create(
                slug=slug, name=names["fr"], name_fr=names["fr"], name_en=names["en"]
            )
        found[slug] = competency
    return found


def _load_searches(pool, calls, markets, member) -> int:
    competencies = _competencies()
    today = timezone.localdate()
    count = 0
    for index, (title, idea, skills, themes, call, days, closed) in enumerate(SEARCHES):
        organisation = pool[(index * 2 + 1) % len(pool)] if index else pool[0]
        search, _ = PartnerSearch.objects.update_or_create(
            title=title,
            defaults={
                "organisation": organisation,
                "author": member if organisation == pool[0] else None,
                "idea": idea,
                "title_en": SEARCHES_EN[title][0],
                "idea_en": SEARCHES_EN[title][1],
                "call": calls.get(call),
                "deadline": today + timedelta(days=days),
                "closed_at": timezone.now() - timedelta(days=2) if closed else None,
            },
        )
        search.competencies.set([competencies[slug] for slug in skills])
        search.markets.set([markets[theme] for theme in themes if theme in markets])
        count += 1
        # Two organisations answered the first posts.
        if index < 2:
            for other in pool[3:5]:
                if other != organisation:
                    PartnerInterest.objects.get_or_create(
                        search=search,
                        organisation=other,
                        defaults={"message": "Nous avons déjà travaillé sur ce sujet."},
                    )
    return count


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
    participations = []
    for i, p in enumerate(created):
        coordinator = organisations[i % len(organisations)]
        partner = organisations[(i + 1) % len(organisations)]
        participations.append(
            Participation(project=p, organisation_id=coordinator, role="coordinator")
        )
        participations.append(Participation(project=p, organisation_id=partner, role="partner"))
    Participation.objects.bulk_create(participations, batch_size=2000)
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
    programmes = {}
    for order, entry in enumerate(PROGRAMMES, start=1):
        programme, _ = FundingProgramme.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                **_translated(entry, "name"),
                **_translated(entry, "description"),
                "scope": entry["scope"],
                "funder": entry["funder"],
                "order": order,
            },
        )
        programmes[entry["slug"]] = programme
    markets = {market.theme: market for market in Market.objects.all()}
    pool = _organisation_pool(member)
    projects = _load_projects(markets, programmes, pool, member, staff)
    _load_documents(projects, member)
    calls = _load_calls(programmes, markets)
    searches = _load_searches(pool, calls, markets, member)
    generated = _load_generated(scale // 10, list(markets.values()), list(programmes.values()), log)
    log(
        f"projects: {len(programmes)} programmes, {len(projects)} projects "
        f"(+{generated} generated), {len(calls)} calls, {searches} partner searches"
    )
