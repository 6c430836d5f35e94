"""The Diff page's chart as geometry for an inline SVG: the national trajectory and the plan, each a
point only where it states a figure, joined only between neighbouring years that both have one,
so no line is drawn across a year the plan leaves unstated.

Inline SVG drawn from presentation attributes keeps the strict Content-Security-Policy (no inline
styles, no scripts); matplotlib's SVG, which the offline report embeds, styles every element inline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from schemas.web import ChartPoint

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40
TICKS = 5


@dataclass
class Chart:
    """Coordinates in the SVG's own units (``WIDTH`` x ``HEIGHT``)."""

    national_points: list[tuple[float, float, int]] = field(default_factory=list)  # x, y, the figure
    national_segments: list[tuple[float, float, float, float]] = field(default_factory=list)
    plan_points: list[tuple[float, float, int]] = field(default_factory=list)
    plan_segments: list[tuple[float, float, float, float]] = field(default_factory=list)
    years: list[tuple[float, int]] = field(default_factory=list)  # x, year
    ticks: list[tuple[float, int]] = field(default_factory=list)  # y, value
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom: int = HEIGHT - BOTTOM


def plan_chart(points: list[ChartPoint]) -> Chart:
    """The chart of one plan's years (sorted by year)."""
    points = sorted(points, key=lambda p: p.year)
    if not points:
        return Chart()
    values = [v for p in points for v in (p.national, p.plan) if v is not None]
    top = max([*values, 1])
    span_x = WIDTH - LEFT - RIGHT
    step = span_x / max(len(points) - 1, 1)

    def x(i: int) -> float:
        return round(LEFT + (i * step if len(points) > 1 else span_x / 2), 1)

    def y(value: float) -> float:
        return round(HEIGHT - BOTTOM - value / top * (HEIGHT - BOTTOM - TOP), 1)

    chart = Chart(years=[(x(i), p.year) for i, p in enumerate(points)])
    chart.ticks = [(y(top * k / TICKS), round(top * k / TICKS)) for k in range(TICKS + 1)]
    for side in ("national", "plan"):
        figures = [getattr(p, side) for p in points]
        points_of = [(x(i), y(v), v) for i, v in enumerate(figures) if v is not None]
        segments = [
            (x(i), y(a), x(i + 1), y(b))
            for i, (a, b) in enumerate(pairwise(figures))
            if a is not None and b is not None
        ]
        setattr(chart, f"{side}_points", points_of)
        setattr(chart, f"{side}_segments", segments)
    return chart
