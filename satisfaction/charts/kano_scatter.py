"""The better–worse scatter of the Kano page (Berger et al. 1993)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from satisfaction.charts import MUTED
from satisfaction.charts import kano_marks as marks
from satisfaction.charts.labels import Frame

#: Nominal plot size in pixels for the label search (drawn as wide as the page, this tall).
SCATTER_SIZE = (480, 460)


def better_worse(table: pd.DataFrame, text: marks.Text, size: str = "importance",
                 presentation: bool = False) -> alt.LayerChart:
    """The better–worse diagram (Berger et al. 1993): one point per feature at
    (|Worse|, Better), quadrants split at 0.5 like :func:`~satisfaction.methods.kano.quadrant`,
    colour = the feature's counted category, area = mean importance or answers (``size``).
    Features without coefficients (all answers R or Q) are left out."""
    domain = marks.check_size(table, size)
    rated = table.dropna(subset=["better", "worse"])
    frame = Frame((0.0, 1.0), (0.0, 1.0), SCATTER_SIZE)
    font, zone_font = marks.font_sizes(presentation)
    zones, boxes = marks.zone_labels(frame, [
        ("A", 0.015, 0.985, "left", "top"), ("O", 0.985, 0.985, "right", "top"),
        ("M", 0.985, 0.015, "right", "bottom"), ("I", 0.015, 0.015, "left", "bottom"),
    ], text, zone_font)
    points = marks.points(rated, text, -rated["worse"].astype(float),
                          rated["better"].astype(float))
    data = marks.labelled(points, frame, size, domain, font, boxes)
    ticks = alt.Axis(values=[i / 10 for i in range(11)], format=".1f")
    x = alt.X("x:Q", title=text("kano_worse_axis"), scale=alt.Scale(domain=[0, 1], nice=False),
              axis=ticks)
    y = alt.Y("y:Q", title=text("kano_better_axis"), scale=alt.Scale(domain=[0, 1], nice=False),
              axis=ticks)
    split = alt.Chart(pd.DataFrame({"at": [0.5]}))
    rules = [split.mark_rule(style=MUTED, strokeDash=[5, 4]).encode(x="at:Q"),
             split.mark_rule(style=MUTED, strokeDash=[5, 4]).encode(y="at:Q")]
    return alt.layer(
        *rules, marks.zone_layer(zones, zone_font, 0.55),
        *marks.markers_and_labels(data, text, size, domain, font, x, y, legend=True),
    ).resolve_scale(color="independent").properties(
        title=text("kano_scatter_title"), width="container", height=SCATTER_SIZE[1],
        autosize=marks.FIT_WIDTH)
