"""The Retention page's figures from its query frames: churn by month, cohorts, churn reasons
against the seeds' shares, loyalty as behaviour by segment, retention by satisfaction score,
the customer pyramid and its movements, lifetime value and customer equity by tier and segment.
Shares are fractions 0–1; every rate is hidden below the minimum n of the customers (or
answers) behind it (:mod:`satisfaction.methods.suppression`), its count kept.

Periods are quarters: a customer's tier is set by the margin of a quarter, and retention for
lifetime value is the share of a quarter's customers still active in the next.
"""

from __future__ import annotations

import math

import pandas as pd

from satisfaction.methods import indices
from satisfaction.methods import lifetime_value as lv
from satisfaction.methods.suppression import suppress_small

#: The seeds' reasons customers switch and the share of switchers naming each (several may be
#: named, so they add up to more than 100%).
SEED_REASONS = {"service failure": 0.34, "price": 0.30, "inconvenience": 0.21,
                "response to failure": 0.17, "competitor": 0.10, "ethics": 0.07,
                "involuntary": 0.06}
#: The default annual discount rate (the seeds' example: about 9%).
DEFAULT_DISCOUNT = 0.09


def _hide(table: pd.DataFrame, count: str, min_n: int, figures: list[str]) -> pd.DataFrame:
    hidden = suppress_small(table, count, min_n, figures)
    return hidden.drop(columns=["suppressed", "suppressed_reason"])


def parse_shares(text: str | None) -> tuple[float, ...]:
    """Tier shares from a link's '5,15,40' (percent, top first); the default when absent or
    not three numbers of at least 0 adding up to at most 100."""
    try:
        shares = tuple(float(part) / 100 for part in str(text).split(","))
        return lv._check_shares(shares)
    except (TypeError, ValueError):
        return lv.TIER_SHARES


PYRAMID_COLUMNS = ["tier", "customers", "revenue", "margin", "share"]


def pyramid_table(sums: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """The pyramid of a quarter (query ``customer_pyramid``, the tiers of
    :func:`~satisfaction.methods.lifetime_value.assign_tiers` summed as
    :func:`~satisfaction.methods.lifetime_value.pyramid` sums them): revenue, margin and share
    of margin hidden for a tier of fewer than ``min_n`` customers, and for all tiers when that
    would let the hidden one be worked out from the others (the total margin is the share's
    denominator)."""
    hidden = _hide(sums.astype({"share": float}), "customers", min_n,
                   ["revenue", "margin", "share"])
    if hidden["margin"].isna().any():
        hidden["share"] = math.nan
    return hidden[PYRAMID_COLUMNS]


COHORT_COLUMNS = ["cohort", "period", "customers", "retained", "retention_rate"]


def cohort_table(counts: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """Cohort retention by quarter (query ``customer_cohorts``, the counts of
    :func:`~satisfaction.methods.lifetime_value.cohort_retention`) with its rate, retained and
    the rate hidden for a cohort of fewer than ``min_n`` customers."""
    table = counts.astype({"customers": int, "retained": "Int64"}).assign(
        retention_rate=counts["retained"] / counts["customers"])
    return _hide(table, "customers", min_n, ["retained", "retention_rate"])[COHORT_COLUMNS]


def value_table(inputs: pd.DataFrame, group: str, min_n: int,
                annual_discount: float) -> pd.DataFrame:
    """Lifetime value and equity by ``group`` (tier or segment) from its rows of query
    ``clv_inputs`` (the figures of :func:`~satisfaction.methods.lifetime_value.period_retention`
    with the group's customers of the focus quarter): quarterly retention measured over every
    quarter of the dates, margin per customer a quarter, CLV at ``annual_discount``
    (:func:`~satisfaction.methods.lifetime_value.clv_by_group`) and the equity of the focus
    quarter's customers. Hidden below ``min_n`` customers at risk."""
    rows = inputs[inputs["grouping"] == group].drop(columns="grouping")
    groups = rows.rename(columns={"grp": group}).reset_index(drop=True).astype(
        {"at_risk": int, "retained": int, "customers": int})
    table = lv.clv_by_group(groups, annual_discount)
    return _hide(table, "at_risk", min_n,
                 ["retention", "churn", "clv", "equity", "margin_per_customer"])


def equity(table: pd.DataFrame) -> float:
    """Customer equity: the sum of the groups' equity (NaN when any group's is hidden)."""
    values = table["equity"]
    return math.nan if values.isna().any() or values.empty else float(values.sum())


def churn_reasons(counts: pd.DataFrame) -> pd.DataFrame:
    """Churned customers per reason given (query ``churn_reason_counts``, most given first),
    their share of the churned who gave one, and the seeds' share for each default reason (NaN
    for other reasons)."""
    reasons = counts.set_index("reason")["customers"]
    names = list(dict.fromkeys([*reasons.index, *SEED_REASONS]))
    counts = reasons.reindex(names, fill_value=0)
    total = counts.sum()
    return pd.DataFrame({"reason": names, "customers": counts.astype(int).to_numpy(),
                         "share": (counts / total).to_numpy() if total else math.nan,
                         "seed_share": [SEED_REASONS.get(n, math.nan) for n in names]})


def loyalty_table(frame: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """Per segment: the share intending to repurchase (4–5 of 5), NPS and the measured monthly
    retention, each hidden below ``min_n`` of its own count."""
    table = frame.assign(
        repurchase_share=(frame["repurchase_top2"] / frame["repurchase_n"]).where(
            frame["repurchase_n"] > 0),
        nps=(100 * (frame["promoters"] - frame["detractors"]) / frame["rec_n"]).where(
            frame["rec_n"] > 0),
        retention_rate=(frame["retained"] / frame["at_risk"]).where(frame["at_risk"] > 0))
    table = _hide(table, "repurchase_n", min_n, ["repurchase_share"])
    table = _hide(table, "rec_n", min_n, ["nps"])
    table = _hide(table, "at_risk", min_n, ["retention_rate"])
    return table[["segment", "repurchase_n", "repurchase_share", "rec_n", "nps", "at_risk",
                  "retention_rate"]]


def band_table(frame: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """Per satisfaction score: answers, customers still active three months on, their share
    with its Wilson interval; hidden below ``min_n`` answers."""
    rows = []
    for one in frame.itertuples(index=False):
        low, high = indices.wilson_interval(int(one.retained), int(one.n)) if one.n else (
            math.nan, math.nan)
        rows.append((int(one.score), int(one.n), int(one.retained),
                     one.retained / one.n if one.n else math.nan, low, high))
    table = pd.DataFrame(rows, columns=["score", "n", "retained", "retention_rate", "low",
                                        "high"])
    return _hide(table, "n", min_n, ["retained", "retention_rate", "low", "high"])


def lead_tier(values: pd.DataFrame) -> dict | None:
    """The tier that churns fastest, with the top tier's churn to set it against; None when
    no tier's churn is shown."""
    shown = values.dropna(subset=["churn"])
    if shown.empty:
        return None
    fastest = shown.loc[shown["churn"].idxmax()]
    top = shown.iloc[0]
    return {"tier": fastest["tier"], "churn": float(fastest["churn"]),
            "clv": float(fastest["clv"]), "top": top["tier"], "top_churn": float(top["churn"]),
            "lowest": fastest["tier"] == lv.TIERS[-1]}


def tier_name(t, tier) -> str:
    """A tier's name as shown."""
    return t(f"ret_tier_{tier}") if tier in lv.TIERS else str(tier)


def cohort_frame(table: pd.DataFrame) -> pd.DataFrame:
    """``export cohorts`` dressed for the charts: retention in percent and the quarters since
    the cohort joined (``age``); hidden cells left out."""
    labels = sorted(set(table["period"]) | set(table["cohort"]))
    position = {label: i for i, label in enumerate(labels)}
    shown = table.dropna(subset=["retention_rate"])
    return shown.assign(rate=100 * shown["retention_rate"].astype(float),
                        age=[position[p] - position[c] for c, p in zip(shown["cohort"],
                                                                        shown["period"])])


def headline_tiles(values: pd.DataFrame, focus: str) -> list:
    """Customer equity (the customers of ``focus`` × their tier's CLV) and the lowest tier's
    quarterly churn, as tiles (no change: measured over the dates)."""
    from satisfaction.tiles import Tile

    lowest = values[values["tier"] == lv.TIERS[-1]]
    churn = float(lowest["churn"].iloc[0]) if not lowest.empty else math.nan
    at_risk = int(lowest["at_risk"].iloc[0]) if not lowest.empty else 0
    total = equity(values)
    return [
        Tile(figure="customer_equity", period=focus, value=total,
             n=int(values["customers"].sum()), hidden=None if total == total else "small",
             n_key="n_current_customers"),
        Tile(figure="lowest_tier_churn", period=focus, value=100 * churn, n=at_risk,
             higher_is_better=False, hidden=None if churn == churn else "small",
             n_key="n_customers"),
    ]


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def findings(ctx, values: pd.DataFrame, pyramid: pd.DataFrame, bands: pd.DataFrame,
             reasons: pd.DataFrame, discount: float) -> list[str]:
    """The findings in order: the fastest-churning tier (the lead), customer equity and where
    it lies, whether satisfied customers stay, the most given churn reason."""
    from satisfaction.text import markdown_literal

    t = ctx.t
    said = []
    lead = lead_tier(values)
    if lead is None:
        said.append(t("ret_finding_no_tier"))
    else:
        words = dict(tier=tier_name(t, lead["tier"]), churn=_pct(lead["churn"]),
                     top=tier_name(t, lead["top"]), top_churn=_pct(lead["top_churn"]),
                     clv=f"{lead['clv']:,.0f}")
        key = "ret_finding_lowest_tier" if lead["lowest"] else "ret_finding_fastest_tier"
        sentence = t(key, **words)
        said.append(sentence[:1].upper() + sentence[1:])
    total = equity(values)
    if total == total and total != 0:
        top = values.loc[values["equity"].idxmax()]
        said.append(t("ret_finding_equity", discount=f"{100 * discount:g}",
                      equity=f"{total:,.0f}", top=tier_name(t, top["tier"]),
                      top_share=f"{100 * top['equity'] / total:.0f}%"))
    shown = bands.dropna(subset=["retention_rate"]).set_index("score")
    low = shown[shown.index <= 2]
    if not low.empty and 5 in shown.index:
        rate = low["retained"].sum() / low["n"].sum()
        said.append(t("ret_finding_bands", low_rate=_pct(rate),
                      high_rate=_pct(shown.at[5, "retention_rate"])))
    given = reasons[reasons["customers"] > 0]
    if not given.empty:
        top = given.iloc[0]
        seed = "—" if pd.isna(top["seed_share"]) else f"{100 * top['seed_share']:.0f}%"
        from satisfaction.complaint_figures import label
        said.append(t("ret_finding_reason", reason=markdown_literal(label(t, "cmp_cat_",
                                                                           top["reason"])),
                      share=f"{100 * top['share']:.0f}%", seed=seed))
    return said


def monthly_frames(table: pd.DataFrame, t) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``export retention`` dressed: months as 'YYYY-MM' labels (the same in every language),
    the rate in percent, and churned and new as long rows."""
    table = table.assign(period=[str(p)[:7] for p in table["period"]])
    rate = table.assign(rate=100 * table["retention_rate"].astype(float)).dropna(subset=["rate"])
    flows = pd.concat([table.assign(label=t(f"ret_flow_{kind}"), customers=table[kind])
                       [["period", "label", "customers"]] for kind in ("churned", "new")])
    return rate, flows.dropna(subset=["customers"]).astype({"customers": float})


def reasons_frame(table: pd.DataFrame, t) -> pd.DataFrame:
    """Churn reasons as long rows: ours and the seeds' share in percent per reason."""
    from satisfaction.complaint_figures import label

    names = [label(t, "cmp_cat_", r) for r in table["reason"]]
    ours = pd.DataFrame({"label": names, "source": t("ret_reasons_ours"),
                         "value": 100 * table["share"]})
    seeds = pd.DataFrame({"label": names, "source": t("ret_reasons_seeds"),
                          "value": 100 * table["seed_share"]})
    return pd.concat([ours, seeds]).dropna(subset=["value"]).reset_index(drop=True)


def loyalty_frame(table: pd.DataFrame, t) -> pd.DataFrame:
    """Loyalty by segment as long rows (segment, measure, value) in shown units."""
    parts = [("repurchase_share", "ret_measure_repurchase", 100), ("nps", "ret_measure_nps", 1),
             ("retention_rate", "ret_measure_retention", 100)]
    rows = [pd.DataFrame({"segment": table["segment"], "measure": t(key),
                          "value": scale * table[column].astype(float)})
            for column, key, scale in parts]
    return pd.concat(rows).dropna(subset=["value"]).reset_index(drop=True)


def bands_frame(table: pd.DataFrame) -> pd.DataFrame:
    """Retention by score in percent, hidden scores left out."""
    shown = table.dropna(subset=["retention_rate"])
    return shown.assign(rate=100 * shown["retention_rate"], low_pct=100 * shown["low"],
                        high_pct=100 * shown["high"])


def pyramid_frame(table: pd.DataFrame, t) -> pd.DataFrame:
    """``export pyramid`` dressed: tier names and the share of margin in percent."""
    return table.assign(label=[tier_name(t, x) for x in table["tier"]],
                        share_pct=100 * table["share"].astype(float))


def value_frame(table: pd.DataFrame, group: str, t) -> pd.DataFrame:
    """A lifetime-value table as shown: names, percentages, whole money."""
    shown = pd.DataFrame({
        group: [tier_name(t, x) for x in table[group]] if group == "tier" else table[group],
        "customers": table["customers"], "at_risk": table["at_risk"],
        "margin_per_customer": table["margin_per_customer"].round(0),
        "retention": (100 * table["retention"]).round(1), "churn": (100 * table["churn"]).round(1),
        "clv": table["clv"].round(0), "equity": table["equity"].round(0)})
    return shown


def moves_frame(table: pd.DataFrame, t) -> pd.DataFrame:
    """The transition table with translated tier names in its rows."""
    return table.assign(tier=[tier_name(t, x) for x in table["tier"]])


def chart_words(t) -> dict[str, str]:
    """The words of the page's charts: every field's title (:func:`~satisfaction.charts.words.
    words`) and the retention fields'."""
    from satisfaction.charts.words import words

    return {**words(t), "rate": t("ret_field_retention"), "customers": t("ret_field_customers"),
            "label": t("ret_tier"), "cohort": t("ret_field_cohort"), "age": t("ret_field_age"),
            "segment": t("ret_field_segment"), "measure": t("ret_field_measure"),
            "score": t("ret_field_score"), "margin": t("ret_field_margin"),
            "share": t("ret_field_margin_share"), "source": t("ret_field_source")}
