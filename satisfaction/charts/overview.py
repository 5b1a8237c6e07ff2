"""Charts of the Overview page."""

from __future__ import annotations

import altair as alt
import pandas as pd

from satisfaction.charts import INK, PALETTE
from satisfaction.charts.words import tooltips


def unit_link_scatter(units: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """Employee against customer satisfaction, one labelled point per unit, with a fitted line.

    ``units``: :func:`satisfaction.chain.unit_links`. ``titles``:
    :func:`satisfaction.charts.words.words` (employee_index and customer_index title the axes).
    """
    base = alt.Chart(units).encode(
        x=alt.X("employee_index:Q", title=titles["employee_index"], scale=alt.Scale(zero=False)),
        y=alt.Y("customer_index:Q", title=titles["customer_index"], scale=alt.Scale(zero=False),
                axis=alt.Axis(titleLimit=0)),
    )
    points = base.mark_circle(size=110, color=PALETTE[0], opacity=0.85).encode(
        tooltip=tooltips(titles, ("unit", "N"), "employee_index", "customer_index", "nps"))
    labels = base.mark_text(align="left", dx=8, fontSize=11, style=INK).encode(text="unit:N")
    fit = base.transform_regression("employee_index", "customer_index").mark_line(
        color=PALETTE[1], strokeDash=[5, 4])
    return alt.layer(points, labels, fit).properties(height=380, width="container")
