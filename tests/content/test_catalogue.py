"""The market catalogue: kept in each process under the markets' table generation."""

from unittest import mock

import pytest
from django.core.cache import cache

from content import catalogue
from content.models import Market
from core import pagecache
from members.models import Organisation
from tests.factories import MarketFactory
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_second_read_costs_neither_a_query_nor_the_catalogue_from_the_shared_cache(
    django_assert_num_queries,
):
    market = MarketFactory()
    assert catalogue.markets_by_id()[market.pk].name == market.name
    with mock.patch.object(cache, "get", wraps=cache.get) as shared_reads:
        with django_assert_num_queries(0):
            assert catalogue.markets_by_id()[market.pk] is catalogue.markets_by_id()[market.pk]
    # Only the generations are read (outside a request, at each call).
    read = [str(call.args[0]) for call in shared_reads.call_args_list]
    assert read and not [key for key in read if key.startswith(catalogue.CACHE_KEY)]


def test_any_write_to_a_market_is_seen_at_the_next_read():
    market = MarketFactory(name="Véhicule électrique")
    assert catalogue.markets_by_id()[market.pk].name == "Véhicule électrique"
    # A queryset update sends no signal: the generation of the table is what tells.
    Market.objects.filter(pk=market.pk).update(name="Électromobilité")
    assert catalogue.markets_by_id()[market.pk].name == "Électromobilité"


def test_a_write_on_another_app_server_is_seen_through_the_shared_generation():
    market = MarketFactory(name="Hydrogène")
    catalogue.markets_by_id()
    # Another server wrote the row (this process saw no statement) and bumped the table.
    Market.objects.filter(pk=market.pk).update(name="Hydrogène et piles")
    stale = {market.pk: Market(pk=market.pk, name="Hydrogène")}
    catalogue._in_process.clear()
    catalogue._in_process[pagecache.stamp(Market)] = stale
    assert catalogue.markets_by_id()[market.pk].name == "Hydrogène"  # same generation
    pagecache.bump(Market)
    assert catalogue.markets_by_id()[market.pk].name == "Hydrogène et piles"


@pytest.mark.postgres  # the market ids come with the row through an array subquery
def test_a_cached_organisation_keeps_market_ids_and_gets_its_markets_back(
    django_assert_num_queries,
):
    first, second = MarketFactory(theme="electric"), MarketFactory(theme="hydrogen")
    organisation = OrganisationFactory()
    organisation.markets.set([second, first])
    loaded = Organisation.objects.with_markets().get(pk=organisation.pk)
    kept = catalogue.detach_markets(loaded)
    assert "markets" not in kept._prefetched_objects_cache
    assert sorted(kept._markets_ids) == sorted([first.pk, second.pk])
    catalogue.markets_by_id()
    with django_assert_num_queries(0):
        catalogue.attach_markets([kept])
        assert {m.pk for m in kept.markets.all()} == {first.pk, second.pk}
