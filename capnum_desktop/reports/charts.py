"""Bar charts drawn with reportlab.graphics (vector, embedded font), sized for an A4 column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from capnum_desktop.reports.fonts import FONT, register_fonts

BAR_COLOR = "#3B6EA8"
WIDTH_PT = 490
MAX_LABEL = 46


def _fast_shapes() -> None:
    """Skip reportlab's per-attribute type checks of chart objects: they cost most of a chart's build time."""
    from reportlab import rl_config

    rl_config.shapeChecking = 0


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def horizontal_bars(items: Sequence[tuple[str, int]], total: int | None = None) -> Any:
    """One bar per (label, count), labels on the left, counts at the bar ends."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    register_fonts()
    _fast_shapes()
    rows = list(items)[::-1] or [("—", 0)]  # reportlab draws the first category at the bottom
    height = 14 * len(rows) + 16
    drawing = Drawing(WIDTH_PT, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 200, 8
    chart.width, chart.height = WIDTH_PT - 240, height - 14
    chart.data = [[n for _, n in rows]]
    chart.bars[0].fillColor = colors.HexColor(BAR_COLOR)
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 3
    chart.categoryAxis.categoryNames = [_short(label) for label, _ in rows]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = colors.HexColor("#888888")
    chart.valueAxis.valueMin = 0
    top = max(max((n for _, n in rows), default=1), 1)
    chart.valueAxis.valueMax = top * 1.15
    chart.valueAxis.visible = False
    chart.barLabelFormat = (lambda n: f"{n} ({100 * n / total:.0f} %)") if total else "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def vertical_bars(items: Sequence[tuple[str, int]], title_y: str = "") -> Any:
    """Counts per bin (durations), bin labels below."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    register_fonts()
    _fast_shapes()
    rows = list(items) or [("—", 0)]
    drawing = Drawing(WIDTH_PT, 150)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 30
    chart.width, chart.height = WIDTH_PT - 60, 105
    chart.data = [[n for _, n in rows]]
    chart.bars[0].fillColor = colors.HexColor(BAR_COLOR)
    chart.bars[0].strokeColor = None
    chart.categoryAxis.categoryNames = [label for label, _ in rows]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.dy = 5
    drawing.add(chart)
    if title_y:
        drawing.add(String(40, 8, title_y, fontName=FONT, fontSize=7.5))
    return drawing
