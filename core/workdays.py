"""Working days in the cluster's territory: when sessions, meetings and conferences happen.

One rule, used by every demo loader that dates something (and by anyone who schedules):
no session or event on a Saturday, a Sunday, a French public holiday, nor in the year-end
break (24 December to 1 January), when the cluster's office and most of its members are
closed: a conference on 24 December or a training between Christmas and New Year would not
be credible. The cluster works in Alsace and Moselle too, where Good Friday and 26 December
are also public holidays, so they count as well.
"""

import datetime as dt
import functools

# Fixed-date public holidays (month, day): New Year, Labour Day, Victory in Europe Day,
# Bastille Day, Assumption, All Saints, Armistice, Christmas, and St Stephen's Day
# (Alsace-Moselle).
FIXED_HOLIDAYS = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25), (12, 26))
# Days counted from Easter Sunday: Good Friday (Alsace-Moselle), Easter Monday, Ascension
# Day, Whit Monday.
EASTER_OFFSETS = (-2, 1, 39, 50)
# The year-end break, (month, day) to (month, day) across New Year, both included.
YEAR_END_BREAK = ((12, 24), (1, 1))


def easter(year: int) -> dt.date:
    """Easter Sunday of ``year`` (Gregorian calendar, anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    left = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * left) // 451
    month, day = divmod(h + left - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@functools.cache
def public_holidays(year: int) -> frozenset[dt.date]:
    """The public holidays of ``year`` in the cluster's territory."""
    sunday = easter(year)
    days = {dt.date(year, month, day) for month, day in FIXED_HOLIDAYS}
    days.update(sunday + dt.timedelta(days=offset) for offset in EASTER_OFFSETS)
    return frozenset(days)


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def in_year_end_break(value: dt.date | dt.datetime) -> bool:
    """Whether ``value`` falls in the year-end break (24 December to 1 January)."""
    day = _day(value)
    (first_month, first_day), (last_month, last_day) = YEAR_END_BREAK
    return (day.month, day.day) >= (first_month, first_day) or (day.month, day.day) <= (
        last_month,
        last_day,
    )


def is_working_day(value: dt.date | dt.datetime) -> bool:
    """Neither a weekend, a public holiday nor a day of the year-end break (for a datetime:
    its own calendar day)."""
    day = _day(value)
    return day.weekday() < 5 and day not in public_holidays(day.year) and not in_year_end_break(day)


def working_day(value, *, days: int = 1, backwards: bool = False):
    """``value`` (a date or a datetime, kept at its time of day) moved to the nearest day
    from which ``days`` consecutive days are all working days: later by default, earlier
    with ``backwards`` (for what must stay in the past)."""
    step = dt.timedelta(days=-1 if backwards else 1)
    while not all(is_working_day(value + dt.timedelta(days=n)) for n in range(days)):
        value += step
    return value


def next_working_day(value, *, days: int = 1):
    """``value``, or the first later day from which ``days`` days in a row are working
    days."""
    return working_day(value, days=days)
