"""The filters of the news list, read from the address, and the market filter of every list.

The parameters are those of the list's chips and of links shared since
(``?market=hydrogen&kind=foresight&page=2``): keep their names and values.
"""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter

from content.models import Article, Market, RoadmapObjective
from core.filters import ListFilterSet, SlugFilter


def _published_markets(request):
    return Market.objects.published()


class MarketFilter(SlugFilter):
    """``?market=<slug>``: the items of one published market. Every list of the portal
    filters by market with this one filter (apps may set ``field_name`` and
    ``empty_label``)."""

    def __init__(self, *, field_name="markets", **kwargs):
        kwargs.setdefault("label", _("Market"))
        kwargs.setdefault("queryset", _published_markets)
        super().__init__(field_name=field_name, **kwargs)


def _published_objectives(request):
    return RoadmapObjective.objects.published()


class ObjectiveFilter(SlugFilter):
    """``?objective=<number>``: the items tagged with one published roadmap objective (the
    links "All projects", "All trainings"... of an objective's page). Every list of items
    that serve objectives filters with this one filter. Its rows are read only when the
    address names an objective: the lists show the one chosen (``includes/objective_filter.html``),
    never a select of them."""

    def __init__(self, *, field_name="roadmap_objectives", **kwargs):
        kwargs.setdefault("label", _("Roadmap objective"))
        kwargs.setdefault("queryset", _published_objectives)
        kwargs.setdefault("to_field_name", "number")
        super().__init__(field_name=field_name, **kwargs)


class ArticleFilter(ListFilterSet):
    """The news list's filters; the page shows them as links (chips) to the addresses of
    the choices."""

    market = MarketFilter()
    kind = ChoiceFilter(label=_("Kind"), choices=Article.Kind.choices)
    objective = ObjectiveFilter()

    class Meta:
        model = Article
        fields = []
