"""The filters of the news list, read from the address.

The parameters are those of the list's chips and of links shared since
(``?market=hydrogen&kind=foresight&page=2``): keep their names and values.
"""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter

from content.models import Article, Market
from core.filters import ListFilterSet, SlugFilter


def _published_markets(request):
    return Market.objects.published()


class ArticleFilter(ListFilterSet):
    """The news list's filters; the page shows them as links (chips) to the addresses of
    the choices."""

    market = SlugFilter(field_name="markets", label=_("Market"), queryset=_published_markets)
    kind = ChoiceFilter(label=_("Kind"), choices=Article.Kind.choices)

    class Meta:
        model = Article
        fields = []
