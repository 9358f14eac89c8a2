"""The filters of the training catalogue, read from the address.

The parameters are those of the catalogue's chips and of links shared since
(``?market=hydrogen&theme=safety&format=remote&upcoming=1&certifying=1&q=...``): keep
their names and values. ``upcoming`` and ``certifying`` are switched on by ``1`` only.
"""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter

from content.filters import MarketFilter, ObjectiveFilter
from core.filters import ListFilterSet, SearchFilter
from trainings.models import Training

ON = [("1", "1")]


class TrainingFilter(ListFilterSet):
    """The catalogue's filters; the page shows them as links (chips) to the addresses of
    the choices, and the search as its own small form. A too long search is cut rather
    than ignored."""

    q = SearchFilter(label=_("Search the catalogue"), truncate=True)
    market = MarketFilter()
    theme = ChoiceFilter(label=_("Theme"), choices=Training.Theme.choices)
    format = ChoiceFilter(label=_("Format"), choices=Training.Format.choices)
    upcoming = ChoiceFilter(label=_("With upcoming sessions"), choices=ON, method="filter_upcoming")
    certifying = ChoiceFilter(label=_("Certifying courses"), choices=ON, method="filter_certifying")
    objective = ObjectiveFilter()

    # What the page offers as links (chips), beside the values chosen (``selected``).
    themes = Training.Theme.choices
    formats = Training.Format.choices

    class Meta:
        model = Training
        fields = []

    @property
    def markets(self) -> list:
        return self.rows("market")

    def filter_upcoming(self, queryset, name, value):
        return queryset.with_upcoming_sessions()

    def filter_certifying(self, queryset, name, value):
        return queryset.certifying()
