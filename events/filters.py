"""The filters of the event list and the archive, read from the address.

The parameters are those of the list's chips, its month select and links shared since
(``?market=hydrogen&kind=webinar&audience=members&month=2031-05``): keep their names and
values.
"""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_filters import CharFilter, ChoiceFilter

from content.filters import MarketFilter, ObjectiveFilter
from core.filters import ListFilterSet
from events.models import Event

MONTHS_AHEAD = 12


def month_choices():
    """The current month and the next ones, as ``YYYY-MM`` values."""
    today = timezone.localdate()
    choices = [("", _("Any month"))]
    year, month = today.year, today.month
    for _index in range(MONTHS_AHEAD):
        first = date(year, month, 1)
        choices.append((first.strftime("%Y-%m"), date_format(first, "YEAR_MONTH_FORMAT")))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return choices


class MonthField(forms.CharField):
    """A month as ``YYYY-MM`` (any month, though the select offers the coming ones),
    cleaned to its first day."""

    def __init__(self, **kwargs):
        kwargs["widget"] = forms.Select(choices=month_choices())
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            year, month = (int(part) for part in value.split("-"))
            return date(year, month, 1)
        except ValueError:
            raise forms.ValidationError(_("Choose a month from the list.")) from None


class MonthFilter(CharFilter):
    field_class = MonthField

    def filter(self, qs, value):
        if value is None:
            return qs
        return qs.in_month(value.year, value.month)


class EventFilter(ListFilterSet):
    """The filters of the upcoming list and of the archive (the archive offers no month
    select, but a link with a month still narrows it)."""

    market = MarketFilter()
    kind = ChoiceFilter(label=_("Kind"), choices=Event.Kind.choices)
    audience = ChoiceFilter(label=_("Audience"), choices=Event.Audience.choices)
    month = MonthFilter(label=_("Month"))
    objective = ObjectiveFilter()

    # What the pages offer as links (chips), beside the values chosen (``selected``).
    kinds = Event.Kind.choices
    audiences = Event.Audience.choices

    class Meta:
        model = Event
        fields = []

    @property
    def markets(self) -> list:
        return self.rows("market")
