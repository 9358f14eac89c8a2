"""Extract the outlines of the departments of the two regions from ``pygal-maps-fr``.

Run once, by hand, to (re)build ``departments.json`` (the portal never imports pygal):

    pip download --no-deps -d /tmp/pygal pygal-maps-fr && unzip -d /tmp/pygal /tmp/pygal/*.whl
    python members/data/extract_departments.py /tmp/pygal/pygal_maps_fr/fr.departments.svg

The package's department outlines (LGPL-3.0-or-later) are relative SVG paths on a map of
the whole country; this keeps the 18 departments of Bourgogne-Franche-Comté and Grand Est,
turns them into absolute paths moved to the origin and rounded to 0.1 unit.
"""

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

CODES = ["21", "25", "39", "58", "70", "71", "89", "90"]
CODES += ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"]
TOKEN = re.compile(r"[MmLlCcZz]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")
NS = "{http://www.w3.org/2000/svg}"


def absolute(d: str) -> list[list]:
    """The path as absolute sub-paths: lists of ("M"|"L"|"C", points...) and "Z"."""
    tokens = TOKEN.findall(d)
    out, command, i = [], None, 0
    x = y = start_x = start_y = 0.0
    while i < len(tokens):
        if tokens[i] in "MmLlCcZz":
            command = tokens[i]
            i += 1
            if command in "Zz":
                out.append(["Z"])
                x, y = start_x, start_y
                continue
        relative = command.islower()
        if command in "Mm":
            nx, ny = float(tokens[i]), float(tokens[i + 1])
            i += 2
            x, y = (x + nx, y + ny) if relative else (nx, ny)
            start_x, start_y = x, y
            out.append(["M", (x, y)])
            command = "l" if relative else "L"  # further pairs are line-tos
        elif command in "Ll":
            nx, ny = float(tokens[i]), float(tokens[i + 1])
            i += 2
            x, y = (x + nx, y + ny) if relative else (nx, ny)
            out.append(["L", (x, y)])
        elif command in "Cc":
            values = [float(v) for v in tokens[i : i + 6]]
            i += 6
            points = [(values[k], values[k + 1]) for k in (0, 2, 4)]
            if relative:
                points = [(x + px, y + py) for px, py in points]
            x, y = points[-1]
            out.append(["C", *points])
    return out


def main(svg_path: str) -> None:
    root = ET.parse(svg_path).getroot()
    shapes = {}
    for group in root.iter(f"{NS}g"):
        classes = group.get("class", "").split()
        code = next((c[1:] for c in classes if c.startswith("z") and c[1:] in CODES), None)
        if code:
            shapes[code] = [absolute(p.get("d")) for p in group.iter(f"{NS}path")]
    assert sorted(shapes) == sorted(CODES), sorted(shapes)
    points = [pt for parts in shapes.values() for part in parts for seg in part for pt in seg[1:]]
    left = min(px for px, _ in points) - 4
    top = min(py for _, py in points) - 4
    width = max(px for px, _ in points) - left + 4
    height = max(py for _, py in points) - top + 4

    def fmt(point):
        return f"{point[0] - left:.1f},{point[1] - top:.1f}"

    departments = {}
    for code in CODES:
        d, own = [], []
        for part in shapes[code]:
            for seg in part:
                d.append(seg[0] + " ".join(fmt(pt) for pt in seg[1:]))
                if seg[0] != "Z":
                    own.append(seg[-1])  # the on-curve point of the segment
        anchors = own
        departments[code] = {
            "d": "".join(d),
            # The label goes at the mean of the outline's points: inside these shapes.
            "label": [
                round(sum(px for px, _ in anchors) / len(anchors) - left, 1),
                round(sum(py for _, py in anchors) / len(anchors) - top, 1),
            ],
        }
    data = {
        "source": "pygal-maps-fr 1.1.0, fr.departments.svg (LGPL-3.0-or-later)",
        "width": round(width, 1),
        "height": round(height, 1),
        "departments": departments,
    }
    target = Path(__file__).with_name("departments.json")
    target.write_text(json.dumps(data, indent=1) + "\n")
    print(f"{target}: {len(departments)} departments, {target.stat().st_size} bytes")  # noqa: T201


if __name__ == "__main__":
    main(sys.argv[1])
