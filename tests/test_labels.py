"""Label placement for scatters: no label over another or over a marker, inside the plot,
the same placement every time, and offsets a chart can draw."""

from __future__ import annotations

import itertools
import random

import pandas as pd
import pytest

from satisfaction.charts.labels import Box, Frame, label_offsets, place_labels, text_width

PLOT = (620, 460)


def test_text_width_counts_wide_characters_as_one_em():
    # hand calculation at 10 px: "ab" 2 x 0.6 x 10 = 12; "中文" 2 x 1.0 x 10 = 20
    assert text_width("ab", 10) == pytest.approx(12)
    assert text_width("中文", 10) == pytest.approx(20)


def test_a_lone_label_goes_right_of_its_marker():
    (label,) = place_labels([(100.0, 100.0, 5.0)], ["wifi"], 10, (400, 300))
    # hand calculation: anchor x = 100 + radius 5 + gap 3 = 108, left-aligned, same y
    assert (label.x, label.y, label.align, label.baseline) == (108, 100, "left", "middle")
    assert not label.displaced
    # box: width 4 x 0.6 x 10 = 24, height 1.25 x 10 = 12.5, centred on y = 100
    assert label.box == Box(108, 93.75, 132, 106.25)


def crowded() -> list[tuple[float, float, float]]:
    return [(200.0 + (i % 3), 150.0 + (i // 3), 6.0) for i in range(9)]


def dense(count: int, spread: float, seed: int) -> list[tuple[float, float, float]]:
    """``count`` markers of radius 6 scattered over a ``2 spread`` square mid-plot."""
    rnd = random.Random(seed)
    return [(310 + rnd.uniform(-spread, spread), 230 + rnd.uniform(-spread, spread), 6.0)
            for _ in range(count)]


def assert_clear(points, placed, size=PLOT, obstacles=()):
    """No label overlaps another label, a marker or an obstacle, or leaves the plot."""
    for a, b in itertools.combinations(placed, 2):
        assert a.box.overlap(b.box) == 0, (a, b)
    markers = [Box(x - r, y - r, x + r, y + r) for x, y, r in points]
    assert all(label.box.overlap(m) == 0 for label in placed for m in [*markers, *obstacles])
    assert all(label.box.outside(*size) == 0 for label in placed)


def test_crowded_labels_do_not_overlap_each_other_or_the_markers():
    points = crowded()
    placed = place_labels(points, [f"feature number {i}" for i in range(9)], 13, PLOT)
    assert_clear(points, placed)
    assert any(label.displaced for label in placed)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(("count", "spread"), [(20, 20), (30, 40), (40, 40), (40, 80)])
def test_a_dense_cloud_of_points_gets_labels_that_overlap_nothing(count, spread, seed):
    points = dense(count, spread, seed)
    placed = place_labels(points, [f"feature {i}" for i in range(count)], 13, PLOT)
    assert_clear(points, placed)


def test_label_placement_is_deterministic_and_avoids_obstacles():
    texts = [f"f{i}" for i in range(9)]
    obstacle = Box(205, 130, 300, 170)
    first = place_labels(crowded(), texts, 13, PLOT, (obstacle,))
    assert first == place_labels(crowded(), texts, 13, PLOT, (obstacle,))
    assert_clear(crowded(), first, obstacles=(obstacle,))
    points = dense(30, 40, 7)
    texts = [f"feature {i}" for i in range(30)]
    assert place_labels(points, texts, 13, PLOT) == place_labels(points, texts, 13, PLOT)


@pytest.mark.parametrize(("x", "y", "align"), [(615.0, 10.0, "right"), (5.0, 455.0, "left")])
def test_labels_stay_inside_the_plot_at_its_edges(x, y, align):
    (label,) = place_labels([(x, y, 5.0)], ["a long feature name"], 13, PLOT)
    assert label.box.outside(*PLOT) == 0 and label.align == align


def test_labels_stay_inside_the_plot_when_points_crowd_a_corner():
    points = [(612.0 - 3 * i, 8.0 + 2 * i, 5.0) for i in range(6)]
    placed = place_labels(points, [f"corner feature {i}" for i in range(6)], 13, PLOT)
    assert_clear(points, placed)


def test_place_labels_needs_a_text_per_point():
    with pytest.raises(ValueError, match="2 points but 1"):
        place_labels([(1, 1, 1), (2, 2, 1)], ["a"], 10, (100, 100))


def test_frame_maps_data_to_pixels_with_y_downwards():
    frame = Frame((0.0, 1.0), (-1.0, 1.0), (200, 100))
    # hand calculation: x 0.25 of 200 = 50; y 0.5 is a quarter down from the top 1 of 2: 25
    assert frame.px(0.25, 0.5) == (50, 25)


def test_label_offsets_are_pixels_from_each_point_in_row_order():
    points = pd.DataFrame({"x": [0.5, 0.54], "y": [0.5, 0.5], "name": ["wifi", "parking"]})
    frame = Frame((0.0, 1.0), (0.0, 1.0), (400, 300))
    placed = label_offsets(points, frame, [5.0, 5.0], "name", 10)
    assert list(placed["name"]) == ["wifi", "parking"]
    # hand calculation: the points are 16 px apart, so wifi's label (24 px wide) cannot go
    # right; it goes left, 5 + 3 = 8 px from its point; parking's then goes right, free
    assert placed[["dx", "dy", "align", "displaced"]].values.tolist() == [
        [-8, 0, "right", False], [8, 0, "left", False]]
