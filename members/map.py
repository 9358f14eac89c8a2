"""The member organisations by region and department, drawn as a server-rendered SVG map.

Each department of the two regions is a tile placed like on the real map (see
``geography.MAP_TILES``); its shade grows with the number of members and it links to the
directory filtered on that department.
"""

import math
from collections import Counter

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode

from core import pagecache
from members.geography import MAP_TILES, department_name
from members.models import Organisation
from members.validators import region_of_department

TILE = 96
GAP = 8
LEVELS = 5


def _directory_url(**params) -> str:
    return reverse("members:organisation-list") + "?" + urlencode(params)


def _level(count: int, highest: int) -> int:
    """0 for no member, then 1 to LEVELS; a square-root scale, so that one busy department
    does not wash out the others."""
    if count == 0:
        return 0
    return max(1, min(LEVELS, math.ceil(LEVELS * math.sqrt(count / highest))))


@pagecache.cached("members:directory-map")
def directory_map() -> dict:
    """Tiles, region totals and the SVG size (one query, kept in the shared cache until an
    organisation or the membership settings change)."""
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
    highest = max([by_department[code] for code in MAP_TILES] + [1])
    tiles = []
    for code, (column, line) in MAP_TILES.items():
        count = by_department[code]
        tiles.append(
            {
                "code": code,
                "name": department_name(code),
                "count": count,
                "region": region_of_department(code),
                "level": _level(count, highest),
                "x": GAP + column * (TILE + GAP),
                "y": GAP + line * (TILE + GAP),
                "url": _directory_url(department=code),
            }
        )
    columns = 1 + max(column for column, _line in MAP_TILES.values())
    lines = 1 + max(line for _column, line in MAP_TILES.values())
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
        "total": sum(by_region.values()),
        "width": GAP + columns * (TILE + GAP),
        "height": GAP + lines * (TILE + GAP),
        "tile": TILE,
        "half": TILE // 2,
    }
