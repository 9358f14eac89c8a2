"""The shared pieces of the list filters (core.filters): bad values are ignored, a choice
of rows costs one query, the search goes to the queryset's own method."""

import pytest
from django.http import QueryDict
from django_filters import ChoiceFilter

from content.models import Market
from core.filters import ListFilterSet, SearchFilter, SlugFilter
from members.models import Organisation
from tests.factories import MarketFactory
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


class DirectoryLikeFilter(ListFilterSet):
    ORDERING = ("sort",)

    q = SearchFilter()
    market = SlugFilter(field_name="markets", queryset=lambda request: Market.objects.published())
    kind = ChoiceFilter(choices=Organisation.Kind.choices)
    sort = ChoiceFilter(choices=[("newest", "newest")], method="unchanged")

    class Meta:
        model = Organisation
        fields = []

    def unchanged(self, queryset, name, value):
        return queryset


class CutSearchFilter(ListFilterSet):
    q = SearchFilter(truncate=True, max_length=10)

    class Meta:
        model = Organisation
        fields = []


def names(filters) -> set[str]:
    return {organisation.name for organisation in filters.qs}


@pytest.fixture
def world():
    electric = MarketFactory(theme="electric")
    hydrogen = MarketFactory(theme="hydrogen")
    OrganisationFactory(name="Volta", markets=[electric], pitch="Batteries de traction")
    OrganisationFactory(name="Hydra", markets=[hydrogen], kind=Organisation.Kind.LAB)
    return {"electric": electric, "hydrogen": hydrogen}


def test_without_parameters_nothing_is_filtered(world):
    for data in (None, QueryDict()):
        filters = DirectoryLikeFilter(data, Organisation.objects.all())
        assert names(filters) == {"Volta", "Hydra"}
        assert filters.selected == {} and not filters.active


def test_valid_values_filter_and_are_selected(world):
    filters = DirectoryLikeFilter(QueryDict("market=hydrogen&kind=lab"), Organisation.objects.all())
    assert names(filters) == {"Hydra"}
    assert filters.selected == {"market": world["hydrogen"], "kind": "lab"}
    assert filters.active


def test_an_invalid_value_is_ignored_and_the_others_still_apply(world):
    filters = DirectoryLikeFilter(
        QueryDict("market=gone&kind=castle&q=batteries"), Organisation.objects.all()
    )
    assert names(filters) == {"Volta"}
    assert filters.selected == {"q": "batteries"}
    assert set(filters.form.errors) == {"market", "kind"}


def test_an_ordering_alone_does_not_count_as_a_filter(world):
    filters = DirectoryLikeFilter(QueryDict("sort=newest"), Organisation.objects.all())
    assert filters.selected == {"sort": "newest"}
    assert not filters.active


def test_the_choice_of_rows_reads_them_once(world, django_assert_num_queries):
    filters = DirectoryLikeFilter(QueryDict("market=electric"), Organisation.objects.all())
    with django_assert_num_queries(1):
        assert filters.selected["market"] == world["electric"]
        html = str(filters.form["market"])
        assert filters.rows("market") == [world["electric"], world["hydrogen"]]
    assert '<option value="electric" selected>' in html
    assert '<option value="hydrogen">' in html


def test_an_unpublished_row_cannot_be_chosen(world):
    world["hydrogen"].status = Market.Status.DRAFT
    world["hydrogen"].save()
    filters = DirectoryLikeFilter(QueryDict("market=hydrogen"), Organisation.objects.all())
    assert names(filters) == {"Volta", "Hydra"}
    assert "market" in filters.form.errors


def test_the_search_uses_the_querysets_search(world):
    filters = DirectoryLikeFilter(QueryDict("q=batterie"), Organisation.objects.all())
    assert names(filters) == {"Volta"}


def test_a_too_long_search_is_refused_or_cut(world):
    long = "batteries " + "x" * 200
    refused = DirectoryLikeFilter(QueryDict(f"q={long}"), Organisation.objects.all())
    assert names(refused) == {"Volta", "Hydra"} and "q" in refused.form.errors
    cut = CutSearchFilter(QueryDict(f"q={long}"), Organisation.objects.all())
    assert cut.selected == {"q": "batteries "}  # stripped first, then cut
    assert names(cut) == {"Volta"}
