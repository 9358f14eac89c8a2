"""The figures of the insights pages, computed by the database for a period.

Each function reads its domain in a fixed number of grouped queries (whatever the number of
rows) and returns :class:`Table` objects: what the page shows beside its charts and what the
CSV downloads contain. Percentages are rounded to whole numbers; a figure that cannot be
computed (nothing to divide by) is ``None``, shown as a dash.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import (
    Avg,
    Count,
    DateField,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, ExtractYear, TruncDate, TruncMonth, TruncYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Market
from events.models import Event, Registration
from insights.forms import Period
from members.models import Organisation
from projects.models import FundingProgramme, Project, ProjectStatusChange
from trainings.models import Enrolment, EnrolmentStatus, SatisfactionAnswer, Session, Training
from trainings.models.catalogue import SATISFIED_FROM


def percent(part, whole) -> int | None:
    return round(100 * part / whole) if whole else None


@dataclass
class Table:
    """A table of figures: its key (in the CSV's name and address), caption, column headings
    and rows of raw values (numbers stay numbers for the CSV)."""

    key: str
    caption: str
    columns: list
    rows: list = field(default_factory=list)


def _bucket_of(period: Period):
    """The database function that truncates a date to the period's step."""
    return TruncMonth if period.by_month else TruncYear


def _bucket_key(value, period: Period) -> date | None:
    if value is None:
        return None
    if hasattr(value, "date") and callable(value.date):
        value = value.date()
    return date(value.year, value.month if period.by_month else 1, 1)


def _bucket_starts(period: Period) -> list[date]:
    return [
        date(bucket.first.year, bucket.first.month if period.by_month else 1, 1)
        for bucket in period.buckets()
    ]


# Members -------------------------------------------------------------------------------------


def _member_at(day: date) -> Q:
    """Organisations that were members at the end of ``day``: joined by then and not yet
    archived as former members."""
    return Q(member_since__lte=day) & (Q(archived_at__isnull=True) | Q(archived_at__date__gt=day))


def members_over_time(period: Period, by: str) -> Table:
    """Member organisations at the end of each step of the period, by ``region`` or
    ``kind`` (one grouped query)."""
    buckets = period.buckets()
    counts = {
        f"b{index}": Count("pk", filter=_member_at(bucket.last))
        for index, bucket in enumerate(buckets)
    }
    rows = (
        Organisation.objects.filter(member_since__lte=period.end)
        .order_by()
        .values(by)
        .annotate(**counts)
    )
    by_value = {row[by]: row for row in rows}
    choices = Organisation.Region.choices if by == "region" else Organisation.Kind.choices
    table = Table(
        key=f"members-by-{by}",
        caption=str(
            _("Member organisations at the end of each step, by region")
            if by == "region"
            else _("Member organisations at the end of each step, by kind")
        ),
        columns=[period.step_label, *[str(label) for _value, label in choices], str(_("Total"))],
    )
    for index, bucket in enumerate(buckets):
        values = [by_value.get(value, {}).get(f"b{index}", 0) for value, _label in choices]
        table.rows.append([bucket.label, *values, sum(values)])
    return table


def joins_and_departures(period: Period) -> Table:
    """Organisations that joined (``member_since``) and left (archived as former members)
    in each year of the period (two grouped queries)."""
    joined = dict(
        Organisation.objects.filter(member_since__range=(period.start, period.end))
        .order_by()
        .values_list(ExtractYear("member_since"))
        .annotate(n=Count("pk"))
    )
    left = dict(
        Organisation.objects.filter(archived_at__date__range=(period.start, period.end))
        .order_by()
        .values_list(ExtractYear("archived_at"))
        .annotate(n=Count("pk"))
    )
    table = Table(
        key="joins-departures",
        caption=str(_("Organisations that joined and left, per year")),
        columns=[str(_("Year")), str(_("Joined")), str(_("Left")), str(_("Net change"))],
    )
    for year in period.years():
        ins, outs = joined.get(year, 0), left.get(year, 0)
        table.rows.append([str(year), ins, outs, ins - outs])
    return table


# Labelling pipeline --------------------------------------------------------------------------

S = Project.Status
# The funnel's stages, and the statuses that show a project went at least that far.
FUNNEL = (
    (S.IDEA, _("Entered the pipeline")),
    (S.CONSORTIUM, _("Consortium built")),
    (S.SUBMITTED, _("Submitted for labelling")),
    (S.LABELLED, _("Labelled")),
    (S.FILED, _("Filed with a funder")),
    (S.FUNDED, _("Funded")),
)
_LEVEL = {
    S.IDEA: 0,
    S.CONSORTIUM: 1,
    S.SUBMITTED: 2,
    S.NOT_LABELLED: 2,
    S.LABELLED: 3,
    S.FILED: 4,
    S.NOT_FUNDED: 4,
    S.FUNDED: 5,
    S.RUNNING: 5,
    S.FINISHED: 5,
    S.RESULTS: 5,
}


def _reached(level: int) -> list[str]:
    return [status for status, reached in _LEVEL.items() if reached >= level]


def pipeline_cohort():
    """Projects with the day they entered the pipeline (``entered``: their first recorded
    status change, or their creation) and, for each stage of the funnel, whether they
    reached it (``reached_<n>``: a recorded change to that stage or a later one, or their
    current status)."""
    first_change = (
        ProjectStatusChange.objects.filter(project=OuterRef("pk"))
        .order_by("changed_on", "created_at", "pk")
        .values("changed_on")[:1]
    )
    projects = Project.objects.annotate(
        entered=Coalesce(
            Subquery(first_change, output_field=DateField()),
            TruncDate("created_at"),
            output_field=DateField(),
        )
    )
    for level in range(1, len(FUNNEL)):
        statuses = _reached(level)
        projects = projects.annotate(
            **{
                f"changed_{level}": Exists(
                    ProjectStatusChange.objects.filter(
                        project=OuterRef("pk"), to_status__in=statuses
                    )
                )
            }
        )
    return projects


def pipeline_funnel(period: Period) -> Table:
    """How far the projects that entered the pipeline in the period went (one query)."""
    counts = {"reached_0": Count("pk")}
    for level in range(1, len(FUNNEL)):
        reached = Q(**{f"changed_{level}": True}) | Q(status__in=_reached(level))
        counts[f"reached_{level}"] = Count("pk", filter=reached)
    counts["not_labelled"] = Count("pk", filter=Q(status=S.NOT_LABELLED))
    counts["not_funded"] = Count("pk", filter=Q(status=S.NOT_FUNDED))
    figures = (
        pipeline_cohort()
        .filter(entered__range=(period.start, period.end))
        .order_by()
        .aggregate(**counts)
    )
    first = figures["reached_0"]
    table = Table(
        key="funnel",
        caption=str(_("Projects that entered the pipeline in the period: how far they went")),
        columns=[str(_("Stage")), str(_("Projects")), str(_("% of those who entered"))],
    )
    for level, (_status, label) in enumerate(FUNNEL):
        count = figures[f"reached_{level}"]
        table.rows.append([str(label), count, percent(count, first)])
    table.stopped = {
        "not_labelled": figures["not_labelled"],
        "not_funded": figures["not_funded"],
    }
    return table


def pipeline_durations(period: Period) -> Table:
    """Days spent in each stage: for the stays that began in the period, from the change
    into the stage to the next change of the same project (one query). Stays still going
    on are counted apart, not averaged."""
    next_change = (
        ProjectStatusChange.objects.filter(project=OuterRef("project"))
        .filter(
            Q(changed_on__gt=OuterRef("changed_on"))
            | Q(changed_on=OuterRef("changed_on"), created_at__gt=OuterRef("created_at"))
            | Q(
                changed_on=OuterRef("changed_on"),
                created_at=OuterRef("created_at"),
                pk__gt=OuterRef("pk"),
            )
        )
        .order_by("changed_on", "created_at", "pk")
        .values("changed_on")[:1]
    )
    stages = [S.IDEA, S.CONSORTIUM, S.SUBMITTED, S.LABELLED, S.FILED]
    rows = (
        ProjectStatusChange.objects.filter(
            changed_on__range=(period.start, period.end), to_status__in=stages
        )
        .annotate(left_on=Subquery(next_change, output_field=DateField()))
        .order_by()
        .values("to_status")
        .annotate(
            done=Count("pk", filter=Q(left_on__isnull=False)),
            ongoing=Count("pk", filter=Q(left_on__isnull=True)),
            average=Avg(F("left_on") - F("changed_on"), filter=Q(left_on__isnull=False)),
        )
    )
    by_status = {row["to_status"]: row for row in rows}
    table = Table(
        key="stage-durations",
        caption=str(_("Average time spent in each stage (stays that began in the period)")),
        columns=[
            str(_("Stage")),
            str(_("Average days")),
            str(_("Finished stays")),
            str(_("Still in the stage")),
        ],
    )
    for status in stages:
        row = by_status.get(status, {})
        average = row.get("average")
        days = round(average.total_seconds() / 86400, 1) if average is not None else None
        table.rows.append([str(S(status).label), days, row.get("done", 0), row.get("ongoing", 0)])
    return table


# Events --------------------------------------------------------------------------------------

R = Registration.Status
_SEATS = Q(registrations__status__in=Registration.SEAT_STATUSES)
_WAITED = Q(registrations__offered_at__isnull=False) | Q(
    registrations__status__in=(R.WAITING, R.OFFERED)
)
_CONVERTED = Q(registrations__offered_at__isnull=False) & Q(
    registrations__status__in=Registration.REGISTERED_STATUSES
)


def _event_figures() -> dict:
    return {
        "registration_count": Count("registrations"),
        "seats_taken": Count("registrations", filter=_SEATS),
        "cancelled": Count("registrations", filter=Q(registrations__status=R.CANCELLED)),
        "attended": Count("registrations", filter=Q(registrations__status=R.ATTENDED)),
        "no_shows": Count("registrations", filter=Q(registrations__status=R.NO_SHOW)),
        "waited": Count("registrations", filter=_WAITED),
        "converted": Count("registrations", filter=_CONVERTED),
    }


def events_in(period: Period):
    """Events held in the period (published or postponed, neither drafts nor cancelled)."""
    return Event.objects.filter(
        start__date__range=(period.start, period.end),
        status__in=(Event.Status.PUBLISHED, Event.Status.POSTPONED),
    )


def events_over_time(period: Period) -> Table:
    """Registrations and their outcome per step, for the events held in it (one query).
    Fill rate: seats taken out of the seats of events with a capacity."""
    bucket = _bucket_of(period)
    seats_with_capacity = Count("registrations", filter=_SEATS & Q(capacity__isnull=False))
    rows = (
        events_in(period)
        .annotate(step=bucket("start"))
        .order_by()
        .values("step")
        .annotate(events=Count("pk", distinct=True), capacity_seats=seats_with_capacity)
        .annotate(**_event_figures())
    )
    capacities = dict(
        events_in(period)
        .filter(capacity__isnull=False)
        .annotate(step=bucket("start"))
        .order_by()
        .values_list("step")
        .annotate(total=Sum("capacity"))
    )
    capacities = {_bucket_key(step, period): total for step, total in capacities.items()}
    by_step = {_bucket_key(row["step"], period): row for row in rows}
    table = Table(
        key="events-over-time",
        caption=str(_("Event registrations per step of the period")),
        columns=[
            period.step_label,
            str(_("Events")),
            str(_("Registrations")),
            str(_("Seats taken")),
            str(_("Fill rate (%)")),
            str(_("Attended")),
            str(_("No-shows")),
            str(_("No-show rate (%)")),
            str(_("Waiting list")),
            str(_("Waiting-list conversion (%)")),
        ],
    )
    for bucket_, start in zip(period.buckets(), _bucket_starts(period), strict=True):
        row = by_step.get(start, {})
        attended, no_shows = row.get("attended", 0), row.get("no_shows", 0)
        table.rows.append(
            [
                bucket_.label,
                row.get("events", 0),
                row.get("registration_count", 0),
                row.get("seats_taken", 0),
                percent(row.get("capacity_seats", 0), capacities.get(start, 0)),
                attended,
                no_shows,
                percent(no_shows, attended + no_shows),
                row.get("waited", 0),
                percent(row.get("converted", 0), row.get("waited", 0)),
            ]
        )
    return table


EVENTS_LISTED = 60


def events_table(period: Period) -> Table:
    """The events of the period, latest first (at most ``EVENTS_LISTED``, one query)."""
    events = (
        events_in(period)
        .annotate(**_event_figures())
        .order_by("-start", "-pk")
        .only("title", "start", "capacity", "slug", "timezone")[:EVENTS_LISTED]
    )
    table = Table(
        key="events",
        caption=str(_("Events of the period, latest first")),
        columns=[
            str(_("Date")),
            str(_("Event")),
            str(_("Capacity")),
            str(_("Registrations")),
            str(_("Seats taken")),
            str(_("Fill rate (%)")),
            str(_("Attended")),
            str(_("No-shows")),
            str(_("Waiting list")),
            str(_("Converted from the waiting list")),
        ],
    )
    for event in events:
        table.rows.append(
            [
                event.local_start.date(),
                event.title,
                event.capacity,
                event.registration_count,
                event.seats_taken,
                percent(event.seats_taken, event.capacity) if event.capacity else None,
                event.attended,
                event.no_shows,
                event.waited,
                event.converted,
            ]
        )
    return table


# Trainings -----------------------------------------------------------------------------------


def _finished_sessions(period: Period, prefix: str = "") -> Q:
    """Sessions (reached through ``prefix``) that ended in the period, before today, and
    were not cancelled."""
    last = min(period.end, timezone.localdate() - timedelta(days=1))
    return Q(**{f"{prefix}end_date__range": (period.start, last)}) & ~Q(
        **{f"{prefix}status": Session.Status.CANCELLED}
    )


_ATTENDANCE = {
    "attended": Count("pk", filter=Q(status=EnrolmentStatus.ATTENDED)),
    "absent": Count("pk", filter=Q(status=EnrolmentStatus.ABSENT)),
    "passed": Count("pk", filter=Q(certification_result="passed")),
    "failed": Count("pk", filter=Q(certification_result="failed")),
}
_SURVEY = {
    "answers": Count("pk"),
    "satisfied": Count("pk", filter=Q(rating__gte=SATISFIED_FROM)),
    "average_rating": Avg("rating"),
    "recommend": Count("pk", filter=Q(would_recommend=True)),
    "objectives_met": Count("pk", filter=Q(objectives_met=SatisfactionAnswer.Objectives.YES)),
}

TRAINING_COLUMNS = (
    _("Participants expected"),
    _("Attended"),
    _("Completion (%)"),
    _("Answers"),
    _("Average rating (out of 5)"),
    _("Satisfied (%)"),
    _("Objectives met (%)"),
    _("Would recommend (%)"),
    _("Certification candidates"),
    _("Pass rate (%)"),
)


def _indicators(attendance: dict, survey: dict) -> list:
    attended, absent = attendance.get("attended", 0), attendance.get("absent", 0)
    answers = survey.get("answers", 0)
    candidates = attendance.get("passed", 0) + attendance.get("failed", 0)
    rating = survey.get("average_rating")
    return [
        attended + absent,
        attended,
        percent(attended, attended + absent),
        answers,
        round(rating, 2) if rating is not None else None,
        percent(survey.get("satisfied", 0), answers),
        percent(survey.get("objectives_met", 0), answers),
        percent(survey.get("recommend", 0), answers),
        candidates,
        percent(attendance.get("passed", 0), candidates),
    ]


def trainings_table(period: Period) -> Table:
    """The Qualiopi indicators per training, for the sessions that ended in the period,
    with their sample sizes (three queries)."""
    attendance = {
        row["session__training"]: row
        for row in Enrolment.objects.filter(
            _finished_sessions(period, "session__"),
            status__in=(EnrolmentStatus.ATTENDED, EnrolmentStatus.ABSENT),
        )
        .order_by()
        .values("session__training")
        .annotate(sessions=Count("session", distinct=True), **_ATTENDANCE)
    }
    survey = {
        row["enrolment__session__training"]: row
        for row in SatisfactionAnswer.objects.filter(
            _finished_sessions(period, "enrolment__session__")
        )
        .order_by()
        .values("enrolment__session__training")
        .annotate(**_SURVEY)
    }
    trainings = Training.objects.filter(pk__in={*attendance, *survey}).only("title", "slug")
    table = Table(
        key="trainings",
        caption=str(_("Qualiopi indicators per training (sessions ended in the period)")),
        columns=[str(_("Training")), str(_("Sessions")), *[str(c) for c in TRAINING_COLUMNS]],
    )
    for training in sorted(trainings, key=lambda t: str(t.title).lower()):
        row = attendance.get(training.pk, {})
        table.rows.append(
            [
                training.title,
                row.get("sessions", 0),
                *_indicators(row, survey.get(training.pk, {})),
            ]
        )
    return table


def trainings_over_time(period: Period) -> Table:
    """The same indicators for all trainings, per step of the period (two queries)."""
    bucket = _bucket_of(period)
    attendance = {
        _bucket_key(row["step"], period): row
        for row in Enrolment.objects.filter(
            _finished_sessions(period, "session__"),
            status__in=(EnrolmentStatus.ATTENDED, EnrolmentStatus.ABSENT),
        )
        .annotate(step=bucket("session__end_date"))
        .order_by()
        .values("step")
        .annotate(sessions=Count("session", distinct=True), **_ATTENDANCE)
    }
    survey = {
        _bucket_key(row["step"], period): row
        for row in SatisfactionAnswer.objects.filter(
            _finished_sessions(period, "enrolment__session__")
        )
        .annotate(step=bucket("enrolment__session__end_date"))
        .order_by()
        .values("step")
        .annotate(**_SURVEY)
    }
    table = Table(
        key="trainings-over-time",
        caption=str(_("Qualiopi indicators of all trainings per step of the period")),
        columns=[period.step_label, str(_("Sessions")), *[str(c) for c in TRAINING_COLUMNS]],
    )
    for bucket_, start in zip(period.buckets(), _bucket_starts(period), strict=True):
        row = attendance.get(start, {})
        table.rows.append(
            [bucket_.label, row.get("sessions", 0), *_indicators(row, survey.get(start, {}))]
        )
    return table


# Projects ------------------------------------------------------------------------------------

FUNDED = (S.FUNDED, S.RUNNING, S.FINISHED, S.RESULTS)


def funded_projects(period: Period):
    """Funded projects (funded, running, finished, results published) that started in the
    period."""
    return Project.objects.filter(
        status__in=FUNDED, start_date__range=(period.start, period.end)
    ).order_by()


_MONEY = {
    "projects": Count("pk", distinct=True),
    "budget": Coalesce(Sum("total_budget"), 0),
    "funding": Coalesce(Sum("public_funding"), 0),
}
_MONEY_COLUMNS = (
    _("Projects"),
    _("Total budget (€)"),
    _("Public funding (€)"),
    _("Funding rate (%)"),
)


def _money_row(label, row: dict) -> list:
    budget, funding = row.get("budget", 0), row.get("funding", 0)
    return [label, row.get("projects", 0), budget, funding, percent(funding, budget)]


def projects_by_market(period: Period) -> Table:
    """Budgets and public funding of the funded projects by market (two queries): a project
    of several markets counts in each of them."""
    rows = {
        row["markets"]: row for row in funded_projects(period).values("markets").annotate(**_MONEY)
    }
    table = Table(
        key="projects-by-market",
        caption=str(_("Funded projects by market (a project counts in each of its markets)")),
        columns=[str(_("Market")), *[str(c) for c in _MONEY_COLUMNS]],
    )
    for market in Market.objects.filter(pk__in=[pk for pk in rows if pk]).only("name"):
        table.rows.append(_money_row(market.name, rows[market.pk]))
    if None in rows:
        table.rows.append(_money_row(str(_("No market")), rows[None]))
    return table


def projects_by_programme(period: Period) -> Table:
    """Budgets and public funding of the funded projects by funding programme (two
    queries)."""
    rows = {
        row["programme"]: row
        for row in funded_projects(period).values("programme").annotate(**_MONEY)
    }
    table = Table(
        key="projects-by-programme",
        caption=str(_("Funded projects by funding programme")),
        columns=[str(_("Programme")), *[str(c) for c in _MONEY_COLUMNS]],
    )
    programmes = FundingProgramme.objects.filter(pk__in=[pk for pk in rows if pk]).only("name")
    for programme in programmes:
        table.rows.append(_money_row(programme.name, rows[programme.pk]))
    if None in rows:
        table.rows.append(_money_row(str(_("No programme")), rows[None]))
    return table


def projects_per_year(period: Period) -> Table:
    """Budgets and public funding of the funded projects per year of their start (one
    query)."""
    rows = {
        row["year"]: row
        for row in funded_projects(period)
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(**_MONEY)
    }
    table = Table(
        key="projects-per-year",
        caption=str(_("Funded projects per year of start")),
        columns=[str(_("Year")), *[str(c) for c in _MONEY_COLUMNS]],
    )
    for year in period.years():
        table.rows.append(_money_row(str(year), rows.get(year, {})))
    return table
