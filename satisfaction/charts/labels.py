"""Label placement for scatter plots: a text beside each point, no two overlapping.

A deterministic greedy search in pixel space (in the spirit of Imhof's 1975 cartographic
label placement): each label tries eight positions around its marker, then the same eight
further out (drawn with a leader line), and takes the first that overlaps nothing, or else
the least overlapping one. The search runs on a nominal plot no wider than the chart is
usually drawn, and each label keeps its offset from its marker in pixels (``dx``, ``dy``): a
wider chart only moves labels further apart.

Any scatter uses it the same way: map its points to pixels with a :class:`Frame`, call
:func:`label_offsets`, and draw a text mark with ``dx``, ``dy``, ``align`` and ``baseline``
taken from the data (and a rule to the anchor where ``displaced``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

#: Pixels between a marker's edge and its label; line height as a multiple of the font size.
LABEL_GAP = 3.0
LINE_HEIGHT = 1.25

#: Eight directions around a marker: (dx, dy, align, baseline), tried in this order.
DIRECTIONS = (
    (1.0, 0.0, "left", "middle"), (-1.0, 0.0, "right", "middle"),
    (0.0, -1.0, "center", "bottom"), (0.0, 1.0, "center", "top"),
    (0.7, -0.7, "left", "bottom"), (-0.7, -0.7, "right", "bottom"),
    (0.7, 0.7, "left", "top"), (-0.7, 0.7, "right", "top"),
)
#: Rings of candidates, each one line height further out than the one before: enough for
#: forty labels whose points fall within a 40-pixel square.
RINGS = 12


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels, y growing downwards."""

    left: float
    top: float
    right: float
    bottom: float

    def overlap(self, other: "Box") -> float:
        width = min(self.right, other.right) - max(self.left, other.left)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return max(width, 0.0) * max(height, 0.0)

    def outside(self, width: float, height: float) -> float:
        """The area of the box that falls outside the plot ``[0, width] x [0, height]``."""
        area = (self.right - self.left) * (self.bottom - self.top)
        return area - self.overlap(Box(0.0, 0.0, width, height))


@dataclass(frozen=True)
class Label:
    """A placed label: its anchor in pixels, the text alignment there, its box, and whether it
    sits beyond the first ring (drawn with a leader line)."""

    x: float
    y: float
    align: str
    baseline: str
    box: Box
    displaced: bool


@dataclass(frozen=True)
class Frame:
    """The mapping from data to pixels of a plot: x and y domains over a width and height."""

    x_domain: tuple[float, float]
    y_domain: tuple[float, float]
    size: tuple[float, float]

    def px(self, x: float, y: float) -> tuple[float, float]:
        (x0, x1), (y0, y1), (w, h) = self.x_domain, self.y_domain, self.size
        return (x - x0) / (x1 - x0) * w, (y1 - y) / (y1 - y0) * h


def text_width(text: str, font_size: float) -> float:
    """Estimated width in pixels: 0.6 em per Latin character, 1 em per wide (CJK) one."""
    return font_size * sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in text)


def text_box(x: float, y: float, width: float, height: float, align: str, baseline: str) -> Box:
    """The box of a text of ``width`` x ``height`` anchored at (x, y) with this alignment."""
    left = x - {"left": 0.0, "center": width / 2, "right": width}[align]
    top = y - {"top": 0.0, "middle": height / 2, "bottom": height}[baseline]
    return Box(left, top, left + width, top + height)


def _candidates(x: float, y: float, radius: float, width: float, height: float):
    """Every candidate label, ring by ring, direction by direction."""
    for ring in range(RINGS):
        gap = radius + LABEL_GAP + ring * height
        for dx, dy, align, baseline in DIRECTIONS:
            ax, ay = x + dx * gap, y + dy * gap
            yield Label(ax, ay, align, baseline, text_box(ax, ay, width, height, align, baseline),
                        ring > 0)


def _cost(box: Box, taken: list[Box], size: tuple[float, float]) -> float:
    return sum(box.overlap(other) for other in taken) + box.outside(*size)


def _best(candidates, taken: list[Box], size: tuple[float, float]) -> Label:
    """The first candidate of lowest cost (the first free one, when there is one)."""
    best, lowest = None, float("inf")
    for label in candidates:
        cost = _cost(label.box, taken, size)
        if cost < lowest:
            best, lowest = label, cost
            if cost == 0:
                break
    return best


def place_labels(points: Sequence[tuple[float, float, float]], texts: Sequence[str],
                 font_size: float, size: tuple[float, float],
                 obstacles: tuple[Box, ...] = ()) -> list[Label]:
    """A label for each point (x, y, marker radius in pixels), placed so labels do not overlap.

    Points are labelled in the order given (put the most important first). Each label takes
    the first candidate of :data:`RINGS` x :data:`DIRECTIONS` whose cost is lowest, the cost
    being the area it shares with labels already placed, with every marker, with the
    ``obstacles`` and with the outside of the plot ``size`` (width, height). Deterministic:
    the same input always gives the same placement.
    """
    if len(points) != len(texts):
        raise ValueError(f"{len(points)} points but {len(texts)} label texts.")
    taken = [*obstacles, *(Box(x - r, y - r, x + r, y + r) for x, y, r in points)]
    placed = []
    for (x, y, radius), text in zip(points, texts):
        candidates = _candidates(x, y, radius, text_width(text, font_size), font_size * LINE_HEIGHT)
        best = _best(candidates, taken, size)
        taken.append(best.box)
        placed.append(best)
    return placed


def label_offsets(points: pd.DataFrame, frame: Frame, radii: Sequence[float], text: str,
                  font_size: float, obstacles: tuple[Box, ...] = ()) -> pd.DataFrame:
    """``points`` (columns ``x``, ``y`` in data units and ``text``) with their labels placed,
    in row order: dx and dy (the anchor's offset from the point in pixels), align, baseline,
    and displaced (draw a leader line). ``radii`` are the markers' radii in pixels.

    Offsets in pixels keep each label at the same small distance from its marker however wide
    the chart is drawn; a chart wider than ``frame`` only spreads the points, and so the
    labels, further apart.
    """
    pixels = [(*frame.px(x, y), r) for x, y, r in zip(points["x"], points["y"], radii)]
    labels = place_labels(pixels, [str(t) for t in points[text]], font_size, frame.size,
                          obstacles)
    return points.assign(
        dx=[label.x - px for label, (px, _, _) in zip(labels, pixels)],
        dy=[label.y - py for label, (_, py, _) in zip(labels, pixels)],
        align=[label.align for label in labels], baseline=[label.baseline for label in labels],
        displaced=[label.displaced for label in labels],
    )
