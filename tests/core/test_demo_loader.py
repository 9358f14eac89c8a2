"""The demo-data loader: relative dates, idempotent upserts by natural key."""

import datetime as dt

import pytest

from core import demo
from members.models import Competency

TODAY = dt.date(2026, 12, 3)


def test_relative_dates_are_counted_from_today():
    assert demo.when("today", today=TODAY) == TODAY
    assert demo.when("today+30", today=TODAY) == dt.date(2027, 1, 2)
    assert demo.when("today-400", today=TODAY) == dt.date(2025, 10, 29)
    moment = demo.when("today+1 09:30", today=TODAY)
    assert moment == dt.datetime(2026, 12, 4, 9, 30, tzinfo=demo.PARIS)
    assert demo.when(dt.date(2020, 5, 1)) == dt.date(2020, 5, 1)


def test_a_malformed_date_is_refused_with_the_value():
    with pytest.raises(ValueError, match="tomorrow"):
        demo.when("tomorrow")


@pytest.mark.django_db
def test_loading_twice_updates_instead_of_duplicating():
    records = [
        {"slug": "piles-demo", "name": "Piles à combustible"},
        {"slug": "batteries-demo", "name": "Batteries"},
    ]
    first = demo.load(Competency, records, key="slug")
    records[0]["name"] = "Piles à combustible PEM"
    second = demo.load(Competency, records, key="slug", convert={"name": str.upper})
    assert Competency.objects.filter(slug__endswith="-demo").count() == 2
    assert first["piles-demo"].pk == second["piles-demo"].pk
    assert Competency.objects.get(slug="piles-demo").name == "PILES À COMBUSTIBLE PEM"


@pytest.mark.django_db
def test_missing_gives_the_natural_keys_still_to_create_in_order():
    Competency.objects.create(slug="batteries-demo", name="Batteries")
    wanted = ["piles-demo", "batteries-demo", "lidar-demo"]
    assert demo.missing(Competency, "slug", wanted) == ["piles-demo", "lidar-demo"]
