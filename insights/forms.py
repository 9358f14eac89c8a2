"""The period an insights page covers: a preset or two dates, read from the address."""

import calendar
from dataclasses import dataclass
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import typography

# A period of up to this many months is shown month by month, a longer one year by year.
MONTHLY_UP_TO = 24
LONGEST_YEARS = 30


@dataclass(frozen=True)
class Bucket:
    """One step of a period: a month or a year, with its first and last day."""

    label: str
    first: date
    last: date


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def by_month(self) -> bool:
        return self.months <= MONTHLY_UP_TO

    @property
    def step_label(self) -> str:
        return str(_("Month") if self.by_month else _("Year"))

    def buckets(self) -> list[Bucket]:
        """The months (or years) of the period, each cut to the period's own dates."""
        steps = []
        if self.by_month:
            year, month = self.start.year, self.start.month
            while (year, month) <= (self.end.year, self.end.month):
                first = date(year, month, 1)
                last = date(year, month, calendar.monthrange(year, month)[1])
                label = typography.date(first, "short_month_year")
                steps.append(Bucket(label, max(first, self.start), min(last, self.end)))
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        else:
            for year in range(self.start.year, self.end.year + 1):
                first, last = date(year, 1, 1), date(year, 12, 31)
                steps.append(Bucket(str(year), max(first, self.start), min(last, self.end)))
        return steps

    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))


def _months_back(today: date, months: int) -> date:
    """The first day of the month ``months - 1`` months before ``today``'s month."""
    index = today.year * 12 + today.month - 1 - (months - 1)
    return date(index // 12, index % 12 + 1, 1)


class PeriodForm(forms.Form):
    """A preset period, or "custom" with a first and a last day (both required then)."""

    PRESETS = (
        ("12m", _("The last 12 months")),
        ("24m", _("The last 24 months")),
        ("this-year", _("This year")),
        ("last-year", _("Last year")),
        ("5y", _("The last 5 years")),
        ("10y", _("The last 10 years")),
        ("custom", _("Dates of my choice")),
    )
    DEFAULT = "24m"

    period = forms.ChoiceField(label=_("Period"), choices=PRESETS, required=False, initial=DEFAULT)
    start = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("With “Dates of my choice”: the first day."),
    )
    end = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("With “Dates of my choice”: the last day."),
    )

    def __init__(self, data=None, *, today: date | None = None):
        self.today = today or timezone.localdate()
        # Dates typed without choosing "custom" mean custom dates.
        if data is not None and not data.get("period") and (data.get("start") or data.get("end")):
            data = data.copy()
            data["period"] = "custom"
        super().__init__(data)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("period") == "custom":
            start, end = cleaned.get("start"), cleaned.get("end")
            if not start and "start" not in self.errors:
                self.add_error("start", _("Give the first day of the period."))
            if not end and "end" not in self.errors:
                self.add_error("end", _("Give the last day of the period."))
            if start and end:
                if end < start:
                    self.add_error("end", _("The last day must come after the first day."))
                elif end.year - start.year > LONGEST_YEARS:
                    self.add_error(
                        "end",
                        _("Choose a period of at most %(years)d years.") % {"years": LONGEST_YEARS},
                    )
        return cleaned

    def period_or_default(self) -> Period:
        """The chosen period when the form is valid, otherwise the default one (the page
        still shows figures, beside the errors)."""
        preset = self.DEFAULT
        if self.is_bound and self.is_valid():
            preset = self.cleaned_data.get("period") or self.DEFAULT
            if preset == "custom":
                return Period(self.cleaned_data["start"], self.cleaned_data["end"])
        return self.preset(preset)

    def preset(self, name: str) -> Period:
        today = self.today
        if name == "12m":
            return Period(_months_back(today, 12), today)
        if name == "this-year":
            return Period(date(today.year, 1, 1), today)
        if name == "last-year":
            return Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))
        if name == "5y":
            return Period(date(today.year - 4, 1, 1), today)
        if name == "10y":
            return Period(date(today.year - 9, 1, 1), today)
        return Period(_months_back(today, 24), today)
