"""The staff's insights pages: one per domain, for a chosen period, each chart with its data
table and its CSV download (``?csv=<table key>`` with the same period)."""

from dataclasses import dataclass, field

from django.contrib import admin
from django.http import Http404
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from accounts.decorators import staff_required
from core import charts
from core.spreadsheets import csv_response
from insights import figures
from insights.forms import PeriodForm

PAGES = (
    ("members", gettext_lazy("Members")),
    ("pipeline", gettext_lazy("Labelling pipeline")),
    ("events", gettext_lazy("Events")),
    ("trainings", gettext_lazy("Trainings")),
    ("projects", gettext_lazy("Project funding")),
)


@dataclass
class Section:
    """A part of an insights page: a heading, its charts and the table they draw."""

    heading: str
    table: figures.Table
    charts: list = field(default_factory=list)
    note: str = ""
    csv_url: str = ""


def _column(table: figures.Table, index: int) -> list:
    return [row[index] for row in table.rows]


def _span(period) -> dict:
    return {"start": period.start, "end": period.end}


def _insights_page(request, page: str, title, build):
    """Reads the period, builds the page's sections, and renders them (or one table's CSV)."""
    form = PeriodForm(request.GET or None)
    sections, period = [], None
    if not form.is_bound or form.is_valid():
        period = form.period_or_default()
        sections = build(period)
        query = request.GET.copy()
        wanted = query.pop("csv", [None])[-1]
        for section in sections:
            if not section.table.rows:
                section.charts = []  # the table says there is nothing to draw
            query["csv"] = section.table.key
            section.csv_url = "?" + query.urlencode()
        if wanted:
            return _csv(page, period, sections, wanted)
    context = {
        **admin.site.each_context(request),
        "title": title,
        "form": form,
        "period": period,
        "sections": sections,
        "pages": [(key, label, key == page) for key, label in PAGES],
    }
    return render(request, "insights/insights_page.html", context)


def _csv(page: str, period, sections: list[Section], key: str):
    for section in sections:
        if section.table.key == key:
            table = section.table
            name = f"insights-{key}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.csv"
            response, writer = csv_response(name)
            writer.writerow(table.columns)
            for row in table.rows:
                writer.writerow(["" if value is None else value for value in row])
            return response
    raise Http404("No such table on this page.")


# Members ---------------------------------------------------------------------------------------


def _members_sections(period) -> list[Section]:
    sections = []
    for by, heading in (
        ("region", _("Members over time, by region")),
        ("kind", _("Members over time, by kind of organisation")),
    ):
        table = figures.members_over_time(period, by)
        labels = _column(table, 0)
        totals = _column(table, len(table.columns) - 1)
        series = [
            charts.Series(name, _column(table, index))
            for index, name in enumerate(table.columns[1:-1], start=1)
            if any(_column(table, index))
        ]
        description = _(
            "Line chart, one line per %(by)s. From %(first)s to %(last)s, the member "
            "organisations went from %(before)s to %(after)s. The figures are in the table "
            "that follows."
        ) % {
            "by": _("region") if by == "region" else _("kind of organisation"),
            "first": labels[0],
            "last": labels[-1],
            "before": number_format(totals[0]),
            "after": number_format(totals[-1]),
        }
        chart = charts.line_chart(
            ident=f"chart-members-{by}",
            title=heading,
            description=description,
            labels=labels,
            series=series,
        )
        sections.append(Section(heading, table, [chart]))
    table = figures.joins_and_departures(period)
    joined, left = sum(_column(table, 1)), sum(_column(table, 2))
    heading = _("Joins and departures per year")
    chart = charts.bar_chart(
        ident="chart-joins",
        title=heading,
        description=_(
            "Bar chart, two bars per year: organisations that joined and that left. In all, "
            "%(joined)s joined and %(left)s left in the period."
        )
        % {"joined": number_format(joined), "left": number_format(left)},
        labels=_column(table, 0),
        series=[
            charts.Series(table.columns[1], _column(table, 1)),
            charts.Series(table.columns[2], _column(table, 2)),
        ],
    )
    note = _(
        "An organisation counts as a member from its “member since” date until it is "
        "archived as a former member (lapsed members still count)."
    )
    sections.append(Section(heading, table, [chart], note))
    return sections


@staff_required
def members(request):
    return _insights_page(request, "members", _("Members in figures"), _members_sections)


# Labelling pipeline ----------------------------------------------------------------------------


def _pipeline_sections(period) -> list[Section]:
    funnel = figures.pipeline_funnel(period)
    counts = _column(funnel, 1)
    heading = _("Labelling funnel")
    chart = charts.funnel_chart(
        ident="chart-funnel",
        title=heading,
        description=_(
            "Funnel chart of the %(entered)s projects that entered the pipeline in the period: "
            "%(labelled)s were labelled and %(funded)s funded. The table that follows gives "
            "every stage."
        )
        % {"entered": counts[0], "labelled": counts[3], "funded": counts[5]},
        labels=_column(funnel, 0),
        values=counts,
    )
    note = (
        _(
            "A project counts in a stage when its timeline reached that stage or a later one. "
            "Of these projects, %(not_labelled)s were not labelled and %(not_funded)s not funded."
        )
        % funnel.stopped
    )
    durations = figures.pipeline_durations(period)
    stages_heading = _("Time spent in each stage")
    measured = [row for row in durations.rows if row[1] is not None]
    stages_chart = charts.bar_chart(
        ident="chart-stages",
        title=stages_heading,
        description=_(
            "Bar chart of the average number of days projects stayed in each stage, for the "
            "stays that began in the period and have ended. The table that follows also gives "
            "how many stays each average is based on."
        ),
        labels=[row[0] for row in measured],
        series=[charts.Series(durations.columns[1], [row[1] for row in measured])],
        unit="\u202f" + pgettext("short for days", "d"),
    )
    return [
        Section(heading, funnel, [chart], note),
        Section(stages_heading, durations, [stages_chart] if measured else []),
    ]


@staff_required
def pipeline(request):
    return _insights_page(
        request, "pipeline", _("Labelling pipeline in figures"), _pipeline_sections
    )


# Events ----------------------------------------------------------------------------------------


def _events_sections(period) -> list[Section]:
    table = figures.events_over_time(period)
    labels = _column(table, 0)
    heading = _("Registrations and attendance")
    counts_chart = charts.line_chart(
        ident="chart-registrations",
        title=heading,
        description=_(
            "Line chart per %(step)s of the registrations to the events held, and of the "
            "people who attended or did not show up: %(registrations)s registrations, "
            "%(attended)s attended, %(no_shows)s no-shows in the period."
        )
        % {
            "step": period.step_label.lower(),
            "registrations": number_format(sum(_column(table, 2))),
            "attended": number_format(sum(_column(table, 5))),
            "no_shows": number_format(sum(_column(table, 6))),
        },
        labels=labels,
        series=[charts.Series(table.columns[i], _column(table, i)) for i in (2, 5, 6)],
    )
    rates_heading = _("Fill rate, no-shows and waiting-list conversion")
    rates_chart = charts.line_chart(
        ident="chart-event-rates",
        title=rates_heading,
        description=_(
            "Line chart in percent per %(step)s: the share of seats taken at events with a "
            "capacity, the share of no-shows among the people expected, and the share of "
            "people offered a freed seat from the waiting list who took it."
        )
        % {"step": period.step_label.lower()},
        labels=labels,
        series=[charts.Series(table.columns[i], _column(table, i)) for i in (4, 7, 9)],
        unit="\u202f%",
        maximum=100,
    )
    note = _(
        "Events held in the period (published or postponed). Waiting list: people who "
        "waited for a seat; conversion: those of them who were offered a freed seat and "
        "took it."
    )
    events_list = figures.events_table(period)
    return [
        Section(heading, table, [counts_chart, rates_chart], note),
        Section(_("Event by event"), events_list),
    ]


@staff_required
def events(request):
    return _insights_page(request, "events", _("Events in figures"), _events_sections)


# Trainings -------------------------------------------------------------------------------------


def _trainings_sections(period) -> list[Section]:
    over_time = figures.trainings_over_time(period)
    heading = _("Qualiopi indicators over time")
    # Columns: step, sessions, expected, attended, completion, answers, rating, satisfied...
    chart = charts.line_chart(
        ident="chart-qualiopi-time",
        title=heading,
        description=_(
            "Line chart in percent per %(step)s, for the sessions that ended then: the share "
            "of expected participants who attended the whole session (completion), and the "
            "share of questionnaire answers rating the training 4 or 5 out of 5 "
            "(satisfaction). The table that follows gives the sample sizes."
        )
        % {"step": period.step_label.lower()},
        labels=_column(over_time, 0),
        series=[charts.Series(over_time.columns[i], _column(over_time, i)) for i in (4, 7)],
        unit="\u202f%",
        maximum=100,
    )
    per_training = figures.trainings_table(period)
    training_heading = _("Qualiopi indicators per training")
    training_chart = charts.bar_chart(
        ident="chart-qualiopi-trainings",
        title=training_heading,
        description=_(
            "Bar chart, two bars per training: completion and satisfaction in percent, for "
            "the sessions that ended in the period. A missing bar means no figure yet."
        ),
        labels=_column(per_training, 0),
        series=[charts.Series(per_training.columns[i], _column(per_training, i)) for i in (4, 7)],
        unit="\u202f%",
    )
    note = _(
        "Completion: participants who attended out of those expected at finished sessions. "
        "Satisfaction: answers rating the training 4 or 5 out of 5. Each rate comes with the "
        "number of people it is based on."
    )
    return [
        Section(heading, over_time, [chart], note),
        Section(training_heading, per_training, [training_chart] if per_training.rows else []),
    ]


@staff_required
def trainings(request):
    return _insights_page(
        request, "trainings", _("Trainings in figures (Qualiopi)"), _trainings_sections
    )


# Projects --------------------------------------------------------------------------------------


def _money_chart(ident: str, title: str, table: figures.Table, what: str):
    thousands = [
        [round(value / 1000) if value else 0 for value in _column(table, index)] for index in (2, 3)
    ]
    return charts.bar_chart(
        ident=ident,
        title=title,
        description=_(
            "Bar chart, two bars per %(what)s: the total budget and the public funding of the "
            "funded projects, in thousands of euros. In all: %(budget)s € of budget, "
            "%(funding)s € of public funding."
        )
        % {
            "what": what,
            "budget": number_format(sum(_column(table, 2))),
            "funding": number_format(sum(_column(table, 3))),
        },
        labels=[str(label) for label in _column(table, 0)],
        series=[
            charts.Series(_("Total budget"), thousands[0]),
            charts.Series(_("Public funding"), thousands[1]),
        ],
        unit="\u202fk€",
    )


def _projects_sections(period) -> list[Section]:
    by_market = figures.projects_by_market(period)
    by_programme = figures.projects_by_programme(period)
    per_year = figures.projects_per_year(period)
    note = _(
        "Funded projects (funded, running, finished or with results published) whose start "
        "date falls in the period."
    )
    return [
        Section(
            _("Budgets and public funding by market"),
            by_market,
            [_money_chart("chart-markets", _("By market"), by_market, _("market"))],
            note,
        ),
        Section(
            _("Budgets and public funding by programme"),
            by_programme,
            [_money_chart("chart-programmes", _("By programme"), by_programme, _("programme"))],
        ),
        Section(
            _("Budgets and public funding per year"),
            per_year,
            [_money_chart("chart-years", _("Per year of start"), per_year, _("year"))],
        ),
    ]


@staff_required
def projects(request):
    return _insights_page(request, "projects", _("Project funding in figures"), _projects_sections)
