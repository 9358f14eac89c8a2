"""Working days (core.workdays) and the demo's dates that follow them."""

import datetime as dt
import itertools
import math

from core.demo import read
from core.workdays import (
    easter,
    in_year_end_break,
    is_working_day,
    next_working_day,
    public_holidays,
    working_day,
)

# Every loading day of a whole year, so that each event and session falls on every
# weekday and near every holiday once.
LOADING_DAYS = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(366)]


def test_easter_of_known_years():
    assert easter(2024) == dt.date(2024, 3, 31)
    assert easter(2025) == dt.date(2025, 4, 20)
    assert easter(2026) == dt.date(2026, 4, 5)
    assert easter(2027) == dt.date(2027, 3, 28)


def test_public_holidays_of_2026():
    holidays = public_holidays(2026)
    assert len(holidays) == 13
    for day in ("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25"):
        assert dt.date.fromisoformat(day) in holidays
    assert dt.date(2026, 12, 25) in holidays and dt.date(2026, 12, 26) in holidays
    assert dt.date(2026, 12, 24) not in holidays


def test_weekends_and_holidays_are_not_working_days():
    assert is_working_day(dt.date(2026, 12, 3))  # a Thursday
    assert not is_working_day(dt.date(2026, 12, 5))  # a Saturday
    assert not is_working_day(dt.date(2026, 7, 14))  # a Tuesday, Bastille Day
    assert is_working_day(dt.datetime(2026, 12, 4, 9, 30))


def test_next_working_day_skips_the_year_end_break():
    # 24 December 2026 is a Thursday, but the break runs to 1 January; 2 and 3 January
    # 2027 are a weekend.
    assert next_working_day(dt.date(2026, 12, 24), days=2) == dt.date(2027, 1, 4)
    assert next_working_day(dt.date(2026, 12, 24)) == dt.date(2027, 1, 4)
    assert next_working_day(dt.date(2026, 12, 23)) == dt.date(2026, 12, 23)
    assert next_working_day(dt.date(2026, 12, 22), days=2) == dt.date(2026, 12, 22)
    assert next_working_day(dt.date(2026, 12, 23), days=2) == dt.date(2027, 1, 4)
    assert working_day(dt.date(2026, 12, 30), backwards=True) == dt.date(2026, 12, 23)
    moment = dt.datetime(2026, 8, 15, 14, 0)  # a Saturday and a holiday
    assert next_working_day(moment) == dt.datetime(2026, 8, 17, 14, 0)
    assert working_day(dt.date(2026, 5, 1), backwards=True) == dt.date(2026, 4, 30)


def test_the_year_end_break_is_closed_every_year():
    for year in (2026, 2027, 2030):
        for day in [dt.date(year, 12, d) for d in range(24, 32)] + [dt.date(year + 1, 1, 1)]:
            assert in_year_end_break(day) and not is_working_day(day), day
        assert not in_year_end_break(dt.date(year, 12, 23))
        assert not in_year_end_break(dt.date(year + 1, 1, 2))
    # 2 January 2029 is a Tuesday: open again.
    assert is_working_day(dt.date(2029, 1, 2))
    assert is_working_day(dt.datetime(2026, 12, 23, 17, 0))


def test_demo_events_fall_on_working_days_and_past_ones_are_past():
    from events.demo import event_dates

    records = read("events", "events")["events"]
    for today, record in itertools.product(LOADING_DAYS[::2], records):
        start, end = event_dates(record, today)
        for offset in range((end.date() - start.date()).days + 1):
            assert is_working_day(start + dt.timedelta(days=offset)), (record["slug"], start)
        if record["start"].startswith("today-"):
            assert end.date() < today, record["slug"]
        else:
            assert start.date() >= today, record["slug"]


def test_demo_training_sessions_fall_on_working_days():
    from trainings.demo import session_start

    records = read("trainings", "trainings")["trainings"]
    for today, record in itertools.product(LOADING_DAYS[::3], records):
        days = max(math.ceil(record["duration_days"]), 1)
        for value in record.get("sessions", ()):
            start = session_start(value, days=days, today=today)
            for offset in range(days):
                assert is_working_day(start + dt.timedelta(days=offset)), (record["slug"], start)
            if value.startswith("today-"):
                assert start + dt.timedelta(days=days - 1) < today, record["slug"]


def test_demo_event_titles_name_the_year_they_take_place_in():
    from events.demo import _with_year, event_dates

    today = dt.date(2026, 12, 3)
    for record in read("events", "events")["events"]:
        start, _end = event_dates(record, today)
        titles = _with_year(record, start)
        assert "{" not in titles["title_fr"]
        for year in range(2020, 2035):
            if str(year) in titles["title_fr"]:
                assert year == start.year, (record["slug"], titles["title_fr"], start)
