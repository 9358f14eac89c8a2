"""Counting pending work for the staff home of the back-office (see ``hooks.staff_todo``).

An app's to-do function must stay cheap: the home gathers every app's items on one page
within a fixed query budget. :func:`tally` counts several querysets and finds the oldest date
of each in a single SQL statement, whatever the number of querysets or of rows.
"""

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlencode

from django.db import connections, models
from django.db.models import F, Func
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime


def tally(querysets: Mapping[str, tuple[models.QuerySet, str]]) -> dict[str, tuple[int, Any]]:
    """``{key: (count, oldest)}`` for each ``key: (queryset, field)``: how many rows the
    queryset has and the smallest value of ``field`` (a field or an annotation of the
    queryset, usually a date), ``None`` when it has no row. One query in all; the querysets
    must use the same database."""
    if not querysets:
        return {}
    selects, params = [], []
    using = "default"
    for queryset, field in querysets.values():
        queryset = queryset.order_by()
        using = queryset.db
        for expression in (
            Func(F("pk"), function="COUNT", output_field=models.IntegerField()),
            Func(F(field), function="MIN"),
        ):
            sql, sub_params = (
                queryset.annotate(_tally=expression).values("_tally").query.sql_with_params()
            )
            selects.append(f"({sql})")
            params.extend(sub_params)
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        row = cursor.fetchone()
    return {
        key: (row[2 * index] or 0, _as_date(row[2 * index + 1]))
        for index, key in enumerate(querysets)
    }


def _as_date(value):
    """Databases that keep dates as text (SQLite) give strings back from raw SQL."""
    if isinstance(value, str):
        value = parse_datetime(value) or parse_date(value)
    if isinstance(value, datetime) and timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value if isinstance(value, date) else None


def admin_list_url(model, **filters) -> str:
    """The back-office list of ``model`` filtered by ``filters`` (admin lookups such as
    ``status__exact="pending"``; a list or tuple value becomes an ``__in`` list)."""
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    query = {
        name: ",".join(str(v) for v in value) if isinstance(value, list | tuple) else value
        for name, value in filters.items()
    }
    return f"{url}?{urlencode(query)}" if query else url
