"""core.charts: accessible SVG that any app can draw on the server."""

import xml.etree.ElementTree as ET

from core import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup) -> ET.Element:
    return ET.fromstring(str(markup))


def test_every_chart_is_an_image_named_by_its_title_and_description():
    for markup in (
        charts.line_chart(
            ident="a",
            title="Members",
            description="Rising",
            labels=["2024", "2025"],
            series=[charts.Series("One", [1, 2])],
        ),
        charts.bar_chart(
            ident="b",
            title="Money",
            description="By market",
            labels=["Hydrogen"],
            series=[charts.Series("Budget", [3]), charts.Series("Funding", [1])],
        ),
        charts.funnel_chart(
            ident="c", title="Funnel", description="Stages", labels=["In", "Out"], values=[4, 1]
        ),
    ):
        root = parse(markup)
        assert root.get("role") == "img"
        assert root.get("viewBox").startswith("0 0 ")
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_text_is_escaped():
    markup = charts.bar_chart(
        ident='x"><script>',
        title="<script>alert(1)</script>",
        description="A & B",
        labels=['"quoted" <b>'],
        series=[charts.Series("One", [3]), charts.Series("Two & co", [None])],
        stacked=True,
    )
    assert "<script>" not in str(markup)
    root = parse(markup)
    assert root.find(f"{SVG}title").text == "<script>alert(1)</script>"


def test_series_differ_by_pattern_not_only_by_colour():
    markup = str(
        charts.bar_chart(
            ident="p",
            title="t",
            description="d",
            labels=["a"],
            series=[charts.Series(str(n), [n + 1]) for n in range(3)],
        )
    )
    assert 'id="p-p1"' in markup and 'id="p-p2"' in markup  # stripes, dots
    assert "url(#p-p1)" in markup


def test_missing_values_leave_a_gap_in_a_line():
    root = parse(
        charts.line_chart(
            ident="g",
            title="t",
            description="d",
            labels=["1", "2", "3", "4"],
            series=[charts.Series("s", [1, 2, None, 4])],
        )
    )
    lines = [
        p
        for p in root.iter(f"{SVG}path")
        if p.get("fill") == "none" and p.get("stroke-width") == "2.5"
    ]
    assert len(lines) == 2


def test_long_labels_wrap_and_the_axis_top_is_a_round_number():
    assert charts._wrap("word " * 40)[-1].endswith("…")
    assert len(charts._wrap("word " * 40)) == 2
    assert charts._nice_max(36) == 50 and charts._nice_max(101) == 200 and charts._nice_max(0) == 1
