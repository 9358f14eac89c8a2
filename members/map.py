"""The member organisations by region and department, drawn as a server-rendered SVG map.

The 18 departments of Bourgogne-Franche-Comté and Grand Est are drawn from their real
outlines (``members/data/departments.json``, extracted once from the open data of
``pygal-maps-fr`` by ``members/data/extract_departments.py``); each one's shade grows with
the number of members and it links to the directory filtered on that department. The table
beside the map gives the same figures to those who do not see it.
"""

import functools
import json
import math
from collections import Counter
from pathlib import Path

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode

from core import pagecache
from members.geography import department_name
from members.models import Organisation
from members.validators import region_of_department

OUTLINES = Path(__file__).parent / "data" / "departments.json"
LEVELS = 5


@functools.cache
def outlines() -> dict:
    """The drawing of the two regions: ``width``, ``height`` and, per department code, its
    SVG path ``d`` and the point where its label goes."""
    return json.loads(OUTLINES.read_text())


def _directory_url(**params) -> str:
    return reverse("members:organisation-list") + "?" + urlencode(params)


def _level(count: int, highest: int) -> int:
    """0 for no member, then 1 to LEVELS; a square-root scale, so that one busy department
    does not wash out the others."""
    if count == 0:
        return 0
    return max(1, min(LEVELS, math.ceil(LEVELS * math.sqrt(count / highest))))


def _legend(highest: int) -> list[dict]:
    """The shades in use with the range of member counts each one stands for."""
    ranges: dict[int, list[int]] = {0: [0, 0]}
    for count in range(1, highest + 1):
        level = _level(count, highest)
        ranges.setdefault(level, [count, count])[1] = count
    return [{"level": level, "low": low, "high": high} for level, (low, high) in ranges.items()]


@pagecache.cached("members:directory-map")
def directory_map() -> dict:
    """Departments, region totals, the legend and the SVG size (one query, kept in the shared
    cache until an organisation or the membership settings change)."""
    rows = (
        Organisation.objects.in_directory()
        .order_by()
        .values("region", "department")
        .annotate(total=Count("pk"))
    )
    by_department, by_region = Counter(), Counter()
    for row in rows:
        by_department[row["department"]] += row["total"]
        by_region[row["region"]] += row["total"]
    drawing = outlines()
    shapes = drawing["departments"]
    highest = max([by_department[code] for code in shapes] + [1])
    tiles = []
    for code, shape in shapes.items():
        count = by_department[code]
        tiles.append(
            {
                "code": code,
                "name": department_name(code),
                "count": count,
                "region": region_of_department(code),
                "level": _level(count, highest),
                "d": shape["d"],
                "x": shape["label"][0],
                "y": shape["label"][1],
                "url": _directory_url(department=code),
            }
        )
    regions = [
        {
            "key": key,
            "label": label,
            "count": by_region[key],
            "url": _directory_url(region=key),
            "departments": sorted(
                (tile for tile in tiles if tile["region"] == key), key=lambda t: t["name"]
            ),
        }
        for key, label in Organisation.Region.choices
    ]
    return {
        "tiles": tiles,
        "regions": regions,
        "legend": _legend(highest),
        "total": sum(by_region.values()),
        "width": drawing["width"],
        "height": drawing["height"],
    }
