"""Counting pending work for the staff home of the back-office (see ``hooks.staff_todo``).

An app's to-do function must stay cheap: the home gathers every app's items on one page
within a fixed query budget. :func:`tally` counts several querysets and finds the oldest date
of each in a single SQL statement, whatever the number of querysets or of rows; the home
page's figures and the back-office's settings rows count with it too.
"""

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import EmptyResultSet
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
            sql, sub_params = _scalar(queryset, expression)
            selects.append(sql)
            params.extend(sub_params)
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        row = cursor.fetchone()
    return {
        key: (row[2 * index] or 0, _as_date(row[2 * index + 1]))
        for index, key in enumerate(querysets)
    }


def _scalar(queryset, expression) -> tuple[str, tuple]:
    """The SQL of ``expression`` over the rows of ``queryset``, as a scalar subquery."""
    try:
        sql, params = queryset.annotate(_tally=expression).values("_tally").query.sql_with_params()
    except EmptyResultSet:  # a queryset that can have no row (``.none()``, ``pk__in=[]``)
        return "NULL", ()
    return f"({sql})", params


def _as_date(value):
    """Databases that keep dates as text (SQLite) give strings back from raw SQL."""
    if isinstance(value, str):
        value = parse_datetime(value) or parse_date(value)
    if isinstance(value, datetime) and timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value if isinstance(value, date) else None


def admin_list_url(model, *, oldest_first: tuple[str, ...] = (), **filters) -> str:
    """The back-office list of ``model`` filtered by ``filters`` (admin lookups such as
    ``status__exact="pending"``; a list or tuple value becomes an ``__in`` list), sorted
    on the columns ``oldest_first`` names (ascending; columns of its ``list_display``)."""
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    query = {
        name: ",".join(str(v) for v in value) if isinstance(value, list | tuple) else value
        for name, value in filters.items()
    }
    if oldest_first:
        # The admin sorts on column numbers; the back-office lists all start with the
        # selection checkbox (every list has its export actions).
        columns = ["action_checkbox", *admin.site._registry[model].list_display]
        query["o"] = ".".join(str(columns.index(name)) for name in oldest_first)
    return f"{url}?{urlencode(query)}" if query else url


def tally_and_list(
    counted: tuple[models.QuerySet, str], listed: tuple[models.QuerySet, str]
) -> tuple[tuple[int, Any], list[tuple[Any, Any]]]:
    """What :func:`tally` says of ``counted`` (``(count, oldest)``), with the ``(pk, date)``
    rows of ``listed`` (its ``date`` field), in one query: for pending work whose link must
    name the rows themselves."""
    counted_qs, counted_field = counted
    listed_qs, listed_field = listed
    parts, params = [], []
    for expression in (
        Func(F("pk"), function="COUNT", output_field=models.BigIntegerField()),
        Func(F(counted_field), function="MIN"),
    ):
        sql, sub_params = _scalar(counted_qs.order_by(), expression)
        parts.append(sql)
        params.extend(sub_params)
    try:
        rows_sql, rows_params = (
            listed_qs.order_by().values_list("pk", listed_field).query.sql_with_params()
        )
    except EmptyResultSet:  # a queryset that can have no row (``pk__in=[]``...)
        rows_sql, rows_params = None, ()
    connection = connections[counted_qs.db]
    # By name: Django does not promise the order of the columns of a values_list().
    pk, moment = connection.ops.quote_name("pk"), connection.ops.quote_name(listed_field)
    sql = f"SELECT 0, {parts[0]}, {parts[1]}"
    if rows_sql:
        sql += f" UNION ALL SELECT 1, listed.{pk}, listed.{moment} FROM ({rows_sql}) AS listed"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *rows_params])
        rows = cursor.fetchall()
    head = next(row for row in rows if row[0] == 0)
    listed_rows = [(pk, _as_date(moment)) for part, pk, moment in rows if part == 1]
    return (head[1] or 0, _as_date(head[2])), listed_rows
