from django.utils.translation import gettext_lazy as _

from core.filters import ListFilterSet, SearchFilter
from newsletter.models import Issue


class IssueFilter(ListFilterSet):
    """The public archive: a search in the subjects."""

    q = SearchFilter(label=_("Search the issues"))

    class Meta:
        model = Issue
        fields = ["q"]
