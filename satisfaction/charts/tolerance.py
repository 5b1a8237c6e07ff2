"""The Tolerance page's charts: the zone chart (band adequate → desired, perceived marked by
position with shape as well as colour), MSA by month with intervals and persisting breaches,
and the zone in small multiples by group.

Builders take frames the page prepared (labels already translated) and ``t``; every tooltip
goes through :mod:`satisfaction.charts.words`.
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt
import pandas as pd

from satisfaction.charts import BAND, BAD, GOOD, HALO, INK, PALETTE
from satisfaction.charts.words import tooltip

#: Position of perceived service → colour and shape (Okabe–Ito, colour-blind safe; the shape
#: carries the same meaning without colour).
POSITIONS = ("below", "inside", "above")
COLOURS = {"below": BAD, "inside": PALETTE[0], "above": GOOD}
SHAPES = {"below": "triangle-down", "inside": "circle", "above": "triangle-up"}


def _position_scales(t: Callable[..., str]):
    names = [t(f"tol_pos_{p}") for p in POSITIONS]
    legend = alt.Legend(symbolSize=160, symbolStrokeWidth=0)
    colour = alt.Color("position_name:N", title=t("tol_field_position"), legend=legend,
                       scale=alt.Scale(domain=names, range=[COLOURS[p] for p in POSITIONS]))
    shape = alt.Shape("position_name:N", title=t("tol_field_position"), legend=legend,
                      scale=alt.Scale(domain=names, range=[SHAPES[p] for p in POSITIONS]))
    return colour, shape


def _zone_layers(rows: pd.DataFrame | None, t: Callable[..., str], presentation: bool, y: alt.Y,
                 domain: list[float], mark_size: float):
    tips = [tooltip("label", t("tol_field_row"), "N"),
            tooltip("adequate", t("tol_field_adequate"), format=".2f"),
            tooltip("desired", t("tol_field_desired"), format=".2f"),
            tooltip("perceived", t("tol_field_perceived"), format=".2f"),
            tooltip("msa", t("tol_field_msa"), format="+.2f"),
            tooltip("n", t("responses"), format=",")]
    x = alt.X("adequate:Q", title=t("tol_field_score"),
              scale=alt.Scale(domain=domain, nice=False),
              axis=alt.Axis(values=list(range(1, 10)), format="d"))
    base = (alt.Chart() if rows is None else alt.Chart(rows)).encode(y=y, tooltip=tips)
    band = base.mark_bar(style=BAND, height={"band": 0.55}, cornerRadius=3).encode(
        x=x, x2="desired:Q")
    tick = dict(color="#5B7F99", thickness=2, size=26 if presentation else 20)
    low_edge = base.mark_tick(**tick).encode(x="adequate:Q")
    high_edge = base.mark_tick(**tick).encode(x="desired:Q")
    colour, shape = _position_scales(t)
    mark = base.mark_point(filled=True, size=mark_size, opacity=1, style=HALO,
                           strokeWidth=1).encode(x="perceived:Q", color=colour, shape=shape)
    return [band, low_edge, high_edge, mark]


def zone_chart(rows: pd.DataFrame, t: Callable[..., str], title: str,
               presentation: bool = False) -> alt.LayerChart:
    """One row per dimension (and item, when shown), in the order of ``rows``: the band from
    ``adequate`` to ``desired``, ``perceived`` as a mark coloured and shaped by ``position``,
    MSA written beside it and, on the right, ``breached_in`` (where the row is below adequate).

    ``rows`` has label, adequate, desired, perceived, msa, msa_text, n, position_name,
    breached_in and is_item.
    """
    order = rows["label"].tolist()
    y = alt.Y("label:N", sort=order, title=None,
              axis=alt.Axis(labelFontSize=18 if presentation else 14, labelLimit=260,
                            labelFontWeight="bold"))
    low = min(rows["adequate"].min(), rows["perceived"].min())
    high = max(rows["desired"].max(), rows["perceived"].max())
    domain = [max(1.0, float(low) - 0.6), min(10.0, float(high) + 3.0)]
    zone = _zone_layers(rows, t, presentation, y, domain, 420 if presentation else 300)
    size = 16 if presentation else 13
    msa = [alt.Chart(rows).transform_filter(test).mark_text(
        align="left", dx=14, fontSize=size, **colour).encode(y=y, x="perceived:Q",
                                                             text="msa_text:N")
           for test, colour in ((alt.datum.position == "below", {"color": COLOURS["below"]}),
                                (alt.datum.position != "below", {"style": INK}))]
    where = alt.Chart(rows).mark_text(align="left", dx=12, fontSize=size, fontWeight="bold",
                                      color=COLOURS["below"], limit=260).encode(
        y=y, x="desired:Q", text="breached_in_text:N")
    # a step, not a total height: Streamlit collapses a titled layered chart with a discrete
    # axis and a fixed height to a single row (see charts/satisfaction.py)
    return alt.layer(*zone, *msa, where).properties(
        height=alt.Step(44 if presentation else 36), width="container", title=title)


def time_chart(series: pd.DataFrame, spells: pd.DataFrame, t: Callable[..., str], title: str,
               presentation: bool = False) -> alt.LayerChart:
    """MSA per dimension by month (``series``: month, dimension_name, msa, msa_low, msa_high,
    n) with 95% bands, the zero line, months below it marked, and ``spells`` (start, end,
    dimension_name) of persisting breaches shaded and named."""
    names = sorted(series["dimension_name"].unique())
    colour = alt.Color("dimension_name:N", title=t("tol_field_dimension"),
                       scale=alt.Scale(domain=names, range=PALETTE[:len(names)]))
    x = alt.X("month:T", title=None, axis=alt.Axis(format="%Y-%m", labelAngle=-40))
    tips = [tooltip("dimension_name", t("tol_field_dimension"), "N"),
            tooltip("period", t("tol_field_month"), "N"),
            tooltip("msa", t("tol_field_msa"), format="+.2f"),
            tooltip("msa_low", t("field_low"), format="+.2f"),
            tooltip("msa_high", t("field_high"), format="+.2f"),
            tooltip("n", t("responses"), format=",")]
    base = alt.Chart(series).encode(x=x, color=colour, tooltip=tips)
    band = base.mark_area(opacity=0.13).encode(y="msa_low:Q", y2="msa_high:Q")
    line = base.mark_line(strokeWidth=3 if presentation else 2).encode(
        y=alt.Y("msa:Q", title=t("tol_field_msa")))
    points = base.mark_point(filled=True, size=60).encode(
        y="msa:Q", shape=alt.condition(alt.datum.msa < 0, alt.value("triangle-down"),
                                       alt.value("circle")))
    zero = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(style=INK,
                                                              strokeWidth=1.5).encode(y="zero:Q")
    layers = [band, line, points, zero]
    if not spells.empty:
        shade = alt.Chart(spells).mark_rect(color=COLOURS["below"], opacity=0.12).encode(
            x="start:T", x2="end:T")
        label = alt.Chart(spells).mark_text(align="left", baseline="top", dx=3, dy=4,
                                            color=COLOURS["below"], fontWeight="bold",
                                            fontSize=15 if presentation else 12).encode(
            x="start:T", y=alt.value(0), text="dimension_name:N")
        layers = [shade, label, *layers]
    return alt.layer(*layers).properties(height=320, width="container", title=title)


def small_multiples(rows: pd.DataFrame, t: Callable[..., str], title: str,
                    presentation: bool = False, columns: int = 4) -> alt.FacetChart:
    """The zone of each dimension in each group (``rows``: group, label, adequate, desired,
    perceived, msa, n, position_name), one panel per group."""
    low = min(rows["adequate"].min(), rows["perceived"].min())
    high = max(rows["desired"].max(), rows["perceived"].max())
    domain = [max(1.0, float(low) - 0.6), min(9.0, float(high) + 0.6)]
    order = list(dict.fromkeys(rows["label"]))
    y = alt.Y("label:N", sort=order, title=None)
    zone = _zone_layers(None, t, presentation, y, domain, 160 if presentation else 110)
    return alt.layer(*zone).properties(width=150, height=alt.Step(26)).facet(
        facet=alt.Facet("group:N", title=None, header=alt.Header(
            labelFontSize=16 if presentation else 13, labelFontWeight="bold")),
        columns=columns, data=rows).properties(title=title)


def signed(value: float) -> str:
    """A gap as the page writes it: two decimals, a sign, a true minus (−0.98, +1.20)."""
    return f"{value:+.2f}".replace("-", "−")


def dimension_name(t: Callable[..., str], dimension: str) -> str:
    return t(f"tol_dim_{dimension}")


def row_label(t: Callable[..., str], dimension: str, item: str) -> str:
    """A dimension's row by its name; an item's row indented under it."""
    return dimension_name(t, dimension) if item == "*" else f" {item}"


def zone_frame(table: pd.DataFrame, breached_in: dict[str, str], t: Callable[..., str],
               items: bool = False) -> pd.DataFrame:
    """The zone chart's rows from a month's figures in the chart's order (dimensions only
    unless ``items``), hidden rows left out; ``breached_in`` maps a dimension to where it is
    below adequate."""
    shown = table[table["msa"].notna() & ((table["item"] == "*") | items)].copy()
    for column in ("adequate", "desired", "perceived", "msa"):
        shown[column] = shown[column].astype(float)
    shown["label"] = [row_label(t, d, i) for d, i in zip(shown["dimension"], shown["item"])]
    shown["is_item"] = shown["item"] != "*"
    shown["msa_text"] = ["MSA " + signed(v) for v in shown["msa"]]
    shown["position_name"] = [t(f"tol_pos_{p}") for p in shown["position"]]
    shown["breached_in"] = [breached_in.get(d, "") if i == "*" else ""
                            for d, i in zip(shown["dimension"], shown["item"])]
    shown["breached_in_text"] = [f"▼ {t('tol_field_breached_in')} {w}" if w else ""
                                 for w in shown["breached_in"]]
    return shown.reset_index(drop=True)


def breach_rows(listed: pd.DataFrame, t: Callable[..., str]) -> pd.DataFrame:
    """The breach list dressed for the screen: translated names and headers, MSA with its
    interval as one text; the download is ``listed`` itself."""
    def where(grouping, group):
        return t("tol_everywhere") if grouping == "all" else f"{t(grouping)}: {group}"

    def interval(row):
        return (f"{signed(float(row.msa))} ({signed(float(row.msa_low))} … "
                f"{signed(float(row.msa_high))})")

    return pd.DataFrame({
        t("tol_field_dimension"): [dimension_name(t, d) for d in listed["dimension"]],
        t("tol_field_item"): [t("tol_all_items") if i == "*" else i for i in listed["item"]],
        t("tol_field_where"): [where(g, v) for g, v in zip(listed["grouping"], listed["group"])],
        t("tol_field_msa_interval"): [interval(r) for r in listed.itertuples()],
        "n": listed["n"].astype(int),
        t("tol_field_below_share"): [f"{float(v):.0%}" for v in listed["below_share"]],
        t("tol_field_since"): listed["since"],
        t("tol_field_months"): listed["months"].astype(int),
        t("tol_field_significant"): listed["breach_significant"].astype(bool),
    })


def multiples_frame(panels: pd.DataFrame, t: Callable[..., str]) -> pd.DataFrame:
    """The small multiples' rows: each group's shown dimension rows, named, in one dimension
    order for every panel (worst overall MSA first)."""
    shown = panels[(panels["item"] == "*") & panels["msa"].notna()].copy()
    for column in ("adequate", "desired", "perceived", "msa"):
        shown[column] = shown[column].astype(float)
    order = shown.groupby("dimension")["msa"].mean().sort_values().index.tolist()
    shown["rank"] = shown["dimension"].map({d: i for i, d in enumerate(order)})
    shown = shown.sort_values(["rank", "grp"])
    shown["label"] = [dimension_name(t, d) for d in shown["dimension"]]
    shown["group"] = shown["grp"]
    shown["position_name"] = [t(f"tol_pos_{p}") for p in shown["position"]]
    return shown.reset_index(drop=True)
