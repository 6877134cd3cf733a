"""Charts drawn on the server: the geometry of a horizontal bar chart, rendered by a template as SVG.

``bars(items)`` turns (label, value in [0, 1], note) triples into bar rectangles with their
positions; the template writes them as an inline ``<svg>`` (autoescaped labels, colours from
the stylesheet through classes, no inline style), with a ``<title>`` and ``<desc>`` for
screen readers and the same figures in the table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 720
LABEL_W = 230
BAR_H = 20
GAP = 6
TOP = 28


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    note: str
    y: int
    width: float
    text_x: float


@dataclass(frozen=True)
class BarChart:
    bars: tuple[Bar, ...]
    width: int
    height: int
    label_w: int
    plot_w: int
    ticks: tuple[tuple[float, str], ...]  # (x, label)


def bars(items: list[tuple[str, float, str]], max_value: float | None = None) -> BarChart:
    """A chart of shares (0..1); the axis runs to the largest value rounded up to a tenth."""
    plot_w = WIDTH - LABEL_W - 90
    top = max_value if max_value is not None else max((v for _, v, _ in items), default=0.0)
    top = max(0.1, min(1.0, -(-round(top * 100) // 10) / 10)) if top > 0 else 0.1
    out = []
    for i, (label, value, note) in enumerate(items):
        w = plot_w * min(value, top) / top
        y = TOP + i * (BAR_H + GAP)
        out.append(Bar(label if len(label) <= 34 else label[:33] + "…", value, note, y, round(w, 1),
                       round(LABEL_W + w + 6, 1)))
    ticks = tuple((round(LABEL_W + plot_w * k / 4, 1), f"{top * k / 4:.0%}") for k in range(5))
    height = TOP + len(items) * (BAR_H + GAP) + 24
    return BarChart(tuple(out), WIDTH, height, LABEL_W, plot_w, ticks)
