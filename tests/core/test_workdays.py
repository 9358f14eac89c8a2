"""Working days (core.workdays) and the demo's dates that follow them."""

import datetime as dt
import itertools
import math

from core.demo import read
from core.workdays import easter, is_working_day, next_working_day, public_holidays, working_day

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


def test_next_working_day_skips_christmas_for_a_two_day_session():
    # 24 December 2026 is a Thursday: a two-day session cannot take 24-25 December.
    assert next_working_day(dt.date(2026, 12, 24), days=2) == dt.date(2026, 12, 28)
    assert next_working_day(dt.date(2026, 12, 24)) == dt.date(2026, 12, 24)
    moment = dt.datetime(2026, 8, 15, 14, 0)  # a Saturday and a holiday
    assert next_working_day(moment) == dt.datetime(2026, 8, 17, 14, 0)
    assert working_day(dt.date(2026, 5, 1), backwards=True) == dt.date(2026, 4, 30)


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
