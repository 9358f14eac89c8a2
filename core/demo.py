"""Demo content as data: the one loader every app's demo uses.

The texts and records of the demo live in data files, ``<app>/demo/<name>.toml``, with the
French and English fields side by side (``title_fr``, ``title_en``). An app's ``demo.py``
reads them with :func:`read` and writes them with :func:`upsert`/:func:`load`, which update
or create each record by its natural key, so that ``manage.py load_demo`` can run again and
again without duplicates. Only the ``--scale`` generator (volume for benchmarks) and small
glue (links between records) stay Python.

Dates are written relative to the day the demo is loaded, so that the site never looks
stale: ``"today+30"``, ``"today-400"``, or with a time ``"today+30 09:30"`` (Paris time);
plain TOML dates are kept as they are. :func:`when` turns them into dates and datetimes.
"""

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone

PARIS = ZoneInfo("Europe/Paris")
_RELATIVE = re.compile(r"^today(?:(?P<sign>[+-])(?P<days>\d+))?(?: (?P<h>\d{1,2}):(?P<m>\d{2}))?$")


def read(app_label: str, name: str) -> dict:
    """The data file ``<app>/demo/<name>.toml`` as a dict."""
    path = Path(apps.get_app_config(app_label).path) / "demo" / f"{name}.toml"
    with path.open("rb") as handle:
        return tomllib.load(handle)


def when(value, *, today: dt.date | None = None):
    """A date or an aware datetime from a data-file value (see the module docstring)."""
    if not isinstance(value, str):
        return value
    match = _RELATIVE.match(value.strip())
    if match is None:
        raise ValueError(f"Not a demo date: {value!r} (write today+N or today-N [HH:MM])")
    day = (today or timezone.localdate()) + dt.timedelta(
        days=int(match["days"] or 0) * (-1 if match["sign"] == "-" else 1)
    )
    if match["h"] is None:
        return day
    return dt.datetime.combine(day, dt.time(int(match["h"]), int(match["m"])), tzinfo=PARIS)


def upsert(model: type[models.Model], key: dict, values: dict) -> models.Model:
    """Update the row found by ``key`` (its natural key) with ``values``, or create it.
    Many-to-many values (lists of objects) are set after the save."""
    many = {
        name: value
        for name, value in values.items()
        if isinstance(model._meta.get_field(name), models.ManyToManyField)
    }
    plain = {name: value for name, value in values.items() if name not in many}
    obj, _created = model.objects.update_or_create(**key, defaults=plain)
    for name, value in many.items():
        getattr(obj, name).set(value)
    return obj


def load(
    model: type[models.Model],
    records: Iterable[dict],
    *,
    key: str | tuple[str, ...],
    convert: dict[str, Callable] | None = None,
) -> dict:
    """Upsert every record of ``records`` (dicts read from a data file) by ``key``.

    ``convert`` maps a field name to a function applied to its value first (to turn a
    slug into an object, ``"today+3"`` into a date...). Returns the objects by key value.
    """
    keys = (key,) if isinstance(key, str) else key
    convert = convert or {}
    loaded = {}
    for record in records:
        values = {
            name: convert[name](value) if name in convert else value
            for name, value in record.items()
        }
        natural = {name: values.pop(name) for name in keys}
        obj = upsert(model, natural, values)
        loaded[natural[keys[0]] if len(keys) == 1 else tuple(natural.values())] = obj
    return loaded


def missing(model: type[models.Model], field: str, values: Iterable) -> list:
    """The values of ``values`` that no row of ``model`` has in ``field`` yet, in order:
    what a ``--scale`` generator still has to create (in bulk) to stay idempotent."""
    values = list(values)
    existing = set(model.objects.filter(**{f"{field}__in": values}).values_list(field, flat=True))
    return [value for value in values if value not in existing]


ILLUSTRATIONS = Path(__file__).parent / "demo" / "illustrations"
_rasters: dict[str, bytes] = {}
_prepared: dict = {}


def illustration_png(name: str) -> bytes:
    """The illustration ``name`` (``core/demo/illustrations/<name>.svg``) as a 1600 × 900
    PNG, drawn once per process with cairosvg (the system's cairo)."""
    if name not in _rasters:
        import cairosvg  # only the demo draws SVG: web processes never import it

        _rasters[name] = cairosvg.svg2png(
            url=str(ILLUSTRATIONS / f"{name}.svg"), output_width=1600, output_height=900
        )
    return _rasters[name]


def illustrate(rows: Iterable, *, kind: str, theme: Callable | None = None) -> int:
    """Give each of ``rows`` (``core.models.WithCover`` rows) that has no cover the
    portal's illustration of its theme (``theme(row)``: a market theme, or "") or else of
    its ``kind``, with its text alternative (in French and English where the model translates
    it) and focal point from ``illustrations.toml``.
    Each row gets its own files (original, renditions, crop), encoded once per
    illustration. Returns how many rows got a cover."""
    from core.images import prepare_image, store_prepared

    described = read("core", "illustrations")["illustrations"]
    given = 0
    for row in rows:
        if row.cover:
            continue
        name = (theme(row) if theme else "") or kind
        details = described[name]
        focal = tuple(details.get("focal", (50, 50)))
        key = (type(row).cover.field.renditions, name)
        if key not in _prepared:
            upload = ContentFile(illustration_png(name), name=f"{name}.png")
            _prepared[key] = prepare_image(upload, type(row).cover.field, focal)
        store_prepared(row, "cover", _prepared[key])
        fields = ["cover", "cover_focal_x", "cover_focal_y"]
        if hasattr(row, "cover_alt_en"):
            # A translated description (modeltranslation): English pages get their own.
            row.cover_alt_fr, row.cover_alt_en = details["alt"], details["alt_en"]
            fields += ["cover_alt_fr", "cover_alt_en"]
        else:
            row.cover_alt = details["alt"]
            fields.append("cover_alt")
        row.cover_focal_x, row.cover_focal_y = focal
        row.save(update_fields=fields)
        given += 1
    return given


def first_theme(row) -> str:
    """The theme of the first market of ``row`` (in the markets' order), or ""."""
    markets = sorted(row.markets.all(), key=lambda market: (market.order, market.name))
    return markets[0].theme if markets else ""
