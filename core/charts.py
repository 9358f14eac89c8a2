"""Charts drawn on the server as accessible SVG, with no JavaScript and no library.

Every chart is an ``<svg role="img">`` named by its ``<title>`` and described by its
``<desc>`` (``aria-labelledby``), so a screen reader announces one image with its title and
description; the page puts the data table beside it for the figures themselves. Series are
told apart by colour *and* by a pattern or marker shape (never by colour alone), in colours
that keep a 3:1 contrast with the white background. Text is escaped; the drawing scales with
its container (``viewBox``) and stays readable at 375 px wide (large type, horizontal bars
whose labels sit above them, every other label on crowded axes).

    chart = line_chart(
        ident="members", title="Members over time", description="...",
        labels=["2024", "2025"], series=[Series("Grand Est", [10, 12])],
    )
    {{ chart }}   # in a template: the markup is already safe

Three shapes: :func:`line_chart` (values over time), :func:`bar_chart` (categories as
horizontal bars, grouped or stacked) and :func:`funnel_chart` (stages of a pipeline).
"""

import math
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH = 420
FONT = 16  # px in the viewBox: about 13 px on a 375 px screen, 20 px at most on a desktop
SMALL = 14

# Colours with at least 3:1 contrast on white (WCAG non-text contrast), each with a pattern
# for bars and a marker and dash for lines, so that no series depends on colour alone.
COLOURS = ("#14457a", "#007a65", "#b35900", "#6b3fa0", "#b3261e", "#4d4d4d", "#0b5cad")
PATTERNS = ("solid", "stripes", "dots", "cross", "hatch", "grid", "solid")
MARKERS = ("circle", "square", "triangle", "diamond", "circle", "square", "triangle")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3")


@dataclass(frozen=True)
class Series:
    """One series of a chart: its name (in the legend) and one value per label (``None``
    where there is no figure)."""

    label: str
    values: list


def _text(value) -> str:
    return escape(str(value), quote=True)


def _number(value, unit: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.1f}"
    else:
        text = f"{int(value):,}"
    return text.replace(",", "\u202f") + unit


def _nice_max(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above ``value`` (the top of the axis)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover (the loop always returns)


def _wrap(label: str, *, lines: int = 2) -> list[str]:
    """A category label cut into lines that fit the chart's width (bold type), at most
    ``lines`` of them, the last ending in an ellipsis when the label is longer still."""
    room = int(WIDTH / (FONT * 0.6))
    result, line = [], ""
    for word in str(label).split():
        if line and len(line) + 1 + len(word) > room:
            result.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    result.append(line)
    if len(result) > lines:
        result = result[:lines]
        result[-1] = result[-1][: room - 1].rstrip() + "…"
    return [part if len(part) <= room else part[: room - 1] + "…" for part in result]


def _labels(label, y: float) -> tuple[list[str], float]:
    """The bold label above a bar (one or two lines) and the y below it."""
    body = []
    for part in _wrap(label):
        body.append(f'<text x="0" y="{y + FONT:.1f}" font-weight="600">{_text(part)}</text>')
        y += FONT + 4
    return body, y + 2


def _svg(ident: str, title: str, description: str, height: float, body: list[str]) -> SafeString:
    ident = _text(ident)
    return mark_safe(
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {WIDTH} {math.ceil(height)}" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="system-ui, sans-serif" '
        f'font-size="{FONT}">'
        f'<title id="{ident}-title">{_text(title)}</title>'
        f'<desc id="{ident}-desc">{_text(description)}</desc>' + "".join(body) + "</svg>"
    )


def _pattern_defs(ident: str, count: int) -> str:
    """A ``<pattern>`` per series: its colour, with stripes, dots or hatching over a light
    tint of it, so bars differ even in greyscale."""
    defs = []
    for index in range(count):
        colour, kind = COLOURS[index % len(COLOURS)], PATTERNS[index % len(PATTERNS)]
        if kind == "solid":
            continue
        marks = {
            "stripes": f'<path d="M0 8 L8 0" stroke="{colour}" stroke-width="3"/>',
            "dots": f'<circle cx="4" cy="4" r="2.2" fill="{colour}"/>',
            "cross": (f'<path d="M0 4 H8 M4 0 V8" stroke="{colour}" stroke-width="2.2"/>'),
            "hatch": f'<path d="M0 0 L8 8" stroke="{colour}" stroke-width="3"/>',
            "grid": (f'<path d="M0 0 H8 V8" fill="none" stroke="{colour}" stroke-width="2.5"/>'),
        }[kind]
        defs.append(
            f'<pattern id="{_text(ident)}-p{index}" width="8" height="8" '
            f'patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="#fff"/>{marks}</pattern>'
        )
    return f"<defs>{''.join(defs)}</defs>" if defs else ""


def _fill(ident: str, index: int) -> str:
    if PATTERNS[index % len(PATTERNS)] == "solid":
        return COLOURS[index % len(COLOURS)]
    return f"url(#{_text(ident)}-p{index})"


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if kind == "triangle":
        return (
            f'<path d="M{x:.1f} {y - 5.5:.1f} L{x + 5:.1f} {y + 4:.1f} '
            f'L{x - 5:.1f} {y + 4:.1f} Z" fill="{colour}"/>'
        )
    if kind == "diamond":
        return (
            f'<path d="M{x:.1f} {y - 5.5:.1f} L{x + 5.5:.1f} {y:.1f} L{x:.1f} {y + 5.5:.1f} '
            f'L{x - 5.5:.1f} {y:.1f} Z" fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>'


def _legend(ident: str, series: list[Series], top: float, *, lines: bool) -> tuple[list, float]:
    """The legend as rows of swatches and names (wrapping); returns the markup and the
    height it takes."""
    if len(series) < 2:
        return [], 0
    body, x, y, row = [], 0.0, top, FONT + 10
    for index, item in enumerate(series):
        label = str(item.label)
        width = 30 + len(label) * FONT * 0.55 + 16
        if x and x + width > WIDTH:
            x, y = 0.0, y + row
        colour = COLOURS[index % len(COLOURS)]
        if lines:
            dash = DASHES[index % len(DASHES)]
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            body.append(
                f'<path d="M{x:.1f} {y + 8:.1f} h24" stroke="{colour}" stroke-width="3"'
                f"{dash_attr}/>" + _marker(MARKERS[index % len(MARKERS)], x + 12, y + 8, colour)
            )
        else:
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="22" height="16" '
                f'fill="{_fill(ident, index)}" stroke="{colour}" stroke-width="1.5"/>'
            )
        body.append(f'<text x="{x + 30:.1f}" y="{y + 13:.1f}">{_text(label)}</text>')
        x += width
    return body, y + row - top + 4


def line_chart(
    *,
    ident: str,
    title: str,
    description: str,
    labels: list,
    series: list[Series],
    unit: str = "",
    maximum: float | None = None,
) -> SafeString:
    """Values over time: one line per series, a marker on each point, the y axis from 0
    (to ``maximum``, e.g. 100 for percentages, or a round number above the largest value).
    ``None`` values leave a gap in the line."""
    body = []
    legend, legend_height = _legend(ident, series, 0, lines=True)
    body += legend
    top, left, right, height = legend_height + 12, 48, 30, 220
    bottom = top + height
    values = [v for item in series for v in item.values if v is not None]
    top_value = maximum or _nice_max(max(values, default=0))
    # Four gridlines, or five when that gives whole numbers (0, 10... 50 rather than 12.5).
    ticks = 5 if (top_value / 4) % 1 and not (top_value / 5) % 1 else 4
    for step in range(ticks + 1):
        value = top_value * step / ticks
        y = bottom - height * step / ticks
        body.append(
            f'<path d="M{left} {y:.1f} H{WIDTH - right}" stroke="#c8ced6" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 5:.1f}" text-anchor="end" font-size="{SMALL}">'
            f"{_text(_number(value, unit))}</text>"
        )
    count = len(labels)
    span = WIDTH - left - right - 16

    def x_of(index: int) -> float:
        return left + 8 + (span * index / (count - 1) if count > 1 else span / 2)

    # At most about five labels on the x axis, evenly spaced, the last always shown.
    every = max(1, math.ceil(count / 5))
    for index, label in enumerate(labels):
        if index % every == 0 or index == count - 1:
            if index != count - 1 and count - 1 - index < every:
                continue
            body.append(
                f'<text x="{x_of(index):.1f}" y="{bottom + 20:.1f}" text-anchor="middle" '
                f'font-size="{SMALL}">{_text(label)}</text>'
            )
    for index, item in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        dash = DASHES[index % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        points, path = [], []
        for position, value in enumerate(item.values):
            if value is None:
                if path:
                    points.append(path)
                path = []
                continue
            y = bottom - height * min(value, top_value) / top_value
            path.append((x_of(position), y))
        if path:
            points.append(path)
        for segment in points:
            d = " ".join(
                f"{'M' if n == 0 else 'L'}{x:.1f} {y:.1f}" for n, (x, y) in enumerate(segment)
            )
            body.append(
                f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
            )
            if count <= 40:
                body += [_marker(MARKERS[index % len(MARKERS)], x, y, colour) for x, y in segment]
    body.append(
        f'<path d="M{left} {top - 4:.1f} V{bottom} H{WIDTH - right}" fill="none" '
        f'stroke="#4d4d4d" stroke-width="1.5"/>'
    )
    return _svg(ident, title, description, bottom + 30, body)


def bar_chart(
    *,
    ident: str,
    title: str,
    description: str,
    labels: list,
    series: list[Series],
    stacked: bool = False,
    unit: str = "",
) -> SafeString:
    """Categories as horizontal bars, each label above its bar(s): one bar per series side
    by side, or one bar with a segment per series when ``stacked``. The figure ends the
    bar (the total when stacked)."""
    body = [_pattern_defs(ident, len(series))]
    legend, legend_height = _legend(ident, series, 0, lines=False)
    body += legend
    y = legend_height + 4
    bars = 1 if stacked else max(len(series), 1)
    bar_height = 18 if bars > 1 else 22
    value_room = 96
    span = WIDTH - value_room
    if stacked:
        totals = [sum(item.values[i] or 0 for item in series) for i in range(len(labels))]
        top_value = max(totals, default=0) or 1
    else:
        top_value = max((v or 0 for item in series for v in item.values), default=0) or 1
    for position, label in enumerate(labels):
        texts, y = _labels(label, y)
        body += texts
        if stacked:
            x = 0.0
            for index, item in enumerate(series):
                value = item.values[position] or 0
                width = span * value / top_value
                if width > 0:
                    body.append(
                        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
                        f'height="{bar_height}" fill="{_fill(ident, index)}" '
                        f'stroke="{COLOURS[index % len(COLOURS)]}" stroke-width="1.5"/>'
                    )
                x += width
            body.append(
                f'<text x="{x + 6:.1f}" y="{y + bar_height - 5:.1f}">'
                f"{_text(_number(totals[position], unit))}</text>"
            )
            y += bar_height + 14
        else:
            for index, item in enumerate(series):
                value = item.values[position]
                width = span * (value or 0) / top_value
                body.append(
                    f'<rect x="0" y="{y:.1f}" width="{max(width, 1.5):.1f}" '
                    f'height="{bar_height}" fill="{_fill(ident, index)}" '
                    f'stroke="{COLOURS[index % len(COLOURS)]}" stroke-width="1.5"/>'
                    f'<text x="{width + 6:.1f}" y="{y + bar_height - 4:.1f}" '
                    f'font-size="{SMALL if bars > 1 else FONT}">'
                    f"{_text(_number(value, unit))}</text>"
                )
                y += bar_height + 3
            y += 11
    body.append(f'<path d="M0 {legend_height:.1f} V{y - 8:.1f}" stroke="#4d4d4d"/>')
    return _svg(ident, title, description, y, body)


def funnel_chart(
    *, ident: str, title: str, description: str, labels: list, values: list
) -> SafeString:
    """The stages of a pipeline, from the widest (the first) down: one centred bar per
    stage, its label above it, its count and share of the first stage beside it."""
    body = []
    first = values[0] if values else 0
    top_value = max(values, default=0) or 1
    y, bar_height, span = 0.0, 26, WIDTH - 120
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        share = f" ({round(100 * value / first)}\u202f%)" if first else ""
        texts, y = _labels(label, y)
        body += texts
        width = max(span * value / top_value, 2)
        x = (span - width) / 2
        colour = COLOURS[0] if index % 2 == 0 else COLOURS[1]
        body.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{bar_height}" '
            f'fill="{colour}" rx="3"/>'
            f'<text x="{span + 8}" y="{y + bar_height - 7:.1f}">'
            f"{_text(_number(value) + share)}</text>"
        )
        y += bar_height + 12
    return _svg(ident, title, description, y, body)
