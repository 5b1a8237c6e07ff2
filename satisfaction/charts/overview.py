"""Charts of the Overview page."""

from __future__ import annotations

import altair as alt
import pandas as pd

from satisfaction.charts import PALETTE


def unit_link_scatter(units: pd.DataFrame, x_title: str, y_title: str) -> alt.LayerChart:
    """Employee against customer satisfaction, one labelled point per unit, with a fitted line."""
    base = alt.Chart(units).encode(
        x=alt.X("employee_index:Q", title=x_title, scale=alt.Scale(zero=False)),
        y=alt.Y("customer_index:Q", title=y_title, scale=alt.Scale(zero=False),
                axis=alt.Axis(titleLimit=0)),
    )
    points = base.mark_circle(size=110, color=PALETTE[0], opacity=0.85).encode(
        tooltip=["unit:N", alt.Tooltip("employee_index:Q", format=".1f"),
                 alt.Tooltip("customer_index:Q", format=".1f"), alt.Tooltip("nps:Q", format=".0f")])
    labels = base.mark_text(align="left", dx=8, fontSize=11, color="#333333").encode(text="unit:N")
    fit = base.transform_regression("employee_index", "customer_index").mark_line(
        color=PALETTE[1], strokeDash=[5, 4])
    return alt.layer(points, labels, fit).properties(height=380, width="container")
