"""The Complaints page's figures from its query frames: the complaint rate beside the
dissatisfied share of the same months (the iceberg), complaints by group with their
resolution time, the severity mix, open complaints by age, the service-recovery comparison and
the unit-month that stands out. Every figure in the units the page shows and downloads (shares
0–1), suppressed by the minimum-n rule (:mod:`satisfaction.methods.suppression`).
"""

from __future__ import annotations

import math

import pandas as pd

from satisfaction.methods import complaints as method
from satisfaction.methods.indices import mean_and_variance, mean_interval, wilson_interval
from satisfaction.methods.significance import welch_t
from satisfaction.methods.suppression import parent_of, suppress_small

#: The seeds' silent dissatisfied customers per complaint (0.96 / 0.04).
DEFAULT_MULTIPLIER = 24.0

#: The columns of :func:`trend_table` (and of ``export complaint_trend``).
TREND_COLUMNS = ["period", "complaints", "customer_months", "per_1000_customers",
                 "per_1000_low", "per_1000_high", "responses", "dissatisfied_share",
                 "dissatisfied_low", "dissatisfied_high", "multiplier", "silent_estimate",
                 "implied_dissatisfied_share"]


def _suppressed(table: pd.DataFrame, frame: pd.DataFrame, count: str, min_n: int,
                figures: list[str]) -> pd.DataFrame:
    """``figures`` of ``table`` hidden where ``frame``'s ``count`` (and its parent's rest) is
    below ``min_n``; returns the table with a ``<count>_hidden`` reason column dropped."""
    counts = {c: frame[c].fillna(0) for c in (count, parent_of(count)) if c in frame.columns}
    hidden = suppress_small(table.assign(**counts), count, min_n, figures)
    table = table.copy()
    table[figures] = hidden[figures]
    return table


def trend_table(rates: pd.DataFrame, answers: pd.DataFrame, min_n: int,
                multiplier: float = DEFAULT_MULTIPLIER, comparable: bool = True) -> pd.DataFrame:
    """Per month: complaints, customer-months, complaints per 1,000 customers a month with its
    Poisson interval (hidden below ``min_n`` customer-months, or when not ``comparable``: a
    unit or channel filter the customers cannot honour), and the survey's dissatisfied share
    (satisfaction 1 or 2 of 5, Wilson interval, hidden below ``min_n`` responses) of the same
    month; the silent dissatisfied (complaints × ``multiplier``) and the dissatisfied share they
    imply (complaints × (1 + multiplier) / customers).

    ``rates`` is ``complaint_rate_by_period`` by month, ``answers`` ``response_figures`` by
    month. Months in either appear."""
    base = rates.rename(columns={"grp": "period"}).set_index("period")
    survey = answers.drop(columns="period", errors="ignore").rename(
        columns={"grp": "period"}).set_index("period")
    months = sorted(set(base.index) | set(survey.index))
    base, survey = base.reindex(months), survey.reindex(months)
    rows = []
    for month in months:
        c, m = base.at[month, "complaints"], base.at[month, "customer_months"]
        n = survey.at[month, "n"]
        rate = low = high = implied = math.nan
        if pd.notna(m) and m > 0:
            rate, low, high = method.complaint_rate(int(c), float(m))
            implied = method.implied_dissatisfied_share(int(c), float(m), multiplier)
        share = d_low = d_high = math.nan
        if pd.notna(n) and n > 0:
            bad = int(survey.at[month, "sat_1"] + survey.at[month, "sat_2"])
            share, (d_low, d_high) = bad / n, wilson_interval(bad, int(n))
        rows.append((month, None if pd.isna(c) else int(c), None if pd.isna(m) else int(m), rate,
                     low, high, None if pd.isna(n) else int(n), share, d_low, d_high,
                     float(multiplier), None if pd.isna(c) else round(c * multiplier), implied))
    table = pd.DataFrame(rows, columns=TREND_COLUMNS).astype(
        {"complaints": "Int64", "customer_months": "Int64", "responses": "Int64",
         "silent_estimate": "Int64"})
    rate_figures = ["per_1000_customers", "per_1000_low", "per_1000_high",
                    "implied_dissatisfied_share"]
    counts = base.reset_index(drop=True)
    table = _suppressed(table, counts.assign(customer_months=counts["customer_months"].fillna(0)),
                        "customer_months", min_n, rate_figures)
    if not comparable:
        table[rate_figures] = math.nan
    answers_n = survey.reset_index(drop=True)[["n", "parent_n"]].fillna(0)
    return _suppressed(table, answers_n, "n", min_n,
                       ["dissatisfied_share", "dissatisfied_low", "dissatisfied_high"])


#: The columns of :func:`group_table`.
GROUP_COLUMNS = ["grp", "period", "complaints", "share", "resolved", "days_median", "days_p90",
                 "recovery_n", "recovery_satisfaction"]


def group_table(frame: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """Per group (and period) of ``complaint_figures``: complaints, their share of the period's
    complaints (0–1), days to resolve (median and 90th percentile, hidden below ``min_n``
    resolved) and the mean recovery satisfaction (1–5, hidden below ``min_n`` ratings)."""
    if frame.empty:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    totals = frame.groupby("period")["complaints"].transform("sum")
    table = frame.assign(
        share=frame["complaints"] / totals,
        recovery_satisfaction=(frame["recovery_sum"] / frame["recovery_n"]).where(
            frame["recovery_n"] > 0))
    table = _suppressed(table, frame, "resolved", min_n, ["days_median", "days_p90"])
    table = _suppressed(table, frame, "recovery_n", min_n, ["recovery_satisfaction"])
    return table[GROUP_COLUMNS].reset_index(drop=True)


#: The order and translation keys of the service-recovery groups.
RECOVERY_GROUPS = ("recovery", "after_recovery", "never")


def recovery_table(frame: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """The three groups of ``recovery_against_never_complained`` with their mean (1–5) and its
    t interval, hidden below ``min_n``; ``difference``, ``p_value`` of each against the
    customers who never complained (Welch's t)."""
    rows = []
    never = frame[frame["grp"] == "never"]
    never = None if never.empty else never.iloc[0]
    for one in frame.itertuples(index=False):
        mean = low = high = difference = p = math.nan
        if one.n >= max(min_n, 2):
            estimate = mean_interval(int(one.n), float(one.score_sum), float(one.score_sumsq))
            mean, low, high = estimate.value, estimate.low, estimate.high
            if never is not None and one.grp != "never" and never["n"] >= max(min_n, 2):
                m1, v1 = mean_and_variance(int(one.n), float(one.score_sum), float(one.score_sumsq))
                m2, v2 = mean_and_variance(int(never["n"]), float(never["score_sum"]),
                                           float(never["score_sumsq"]))
                difference, p = m1 - m2, welch_t(m1, v1, int(one.n), m2, v2, int(never["n"]))[2]
        rows.append((one.grp, int(one.n), mean, low, high, difference, p))
    table = pd.DataFrame(rows, columns=["grp", "n", "mean", "low", "high", "difference",
                                        "p_value"])
    order = {g: i for i, g in enumerate(RECOVERY_GROUPS)}
    return table.sort_values("grp", key=lambda s: s.map(order)).reset_index(drop=True)


def open_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Open complaints by age band, every band listed (0 where none are open)."""
    bands = ["0-7", "8-14", "15-30", "31-60", "61+"]
    counts = frame.set_index("band")["open"].reindex(bands, fill_value=0)
    return pd.DataFrame({"band": bands, "open": counts.astype(int).to_numpy()})


def lead_spike(grid: pd.DataFrame, min_n: int) -> dict | None:
    """The most surprising unit-month of :func:`~satisfaction.methods.complaints.spikes`, with
    its resolution time kept only when at least ``min_n`` of its complaints were resolved (and
    the rest of its parent is not too small); None when no month stands out."""
    found = method.spikes(grid)
    if found.empty:
        return None
    top = found.iloc[0].to_dict()
    cell = grid[(grid["unit"] == top["unit"]) & (grid["month"] == top["month"])]
    shown = suppress_small(cell.assign(resolved=cell["resolved"]), "resolved", min_n,
                           ["days_median"])
    top["days_shown"] = bool(not shown["suppressed"].iloc[0]) and not math.isnan(
        top["days_ratio"])
    return top


def label(t, prefix: str | None, name) -> str:
    """A data name as shown: the translation of a default category or severity
    (``prefix`` ``cmp_cat_`` or ``cmp_sev_``) when there is one, else the name itself (always
    with no ``prefix``); '(none)' for a missing name."""
    from satisfaction.i18n import TEXT

    if name is None or (isinstance(name, float) and math.isnan(name)):
        return t("cmp_none")
    key = f"{prefix}{name}"
    return t(key) if prefix and key in TEXT else str(name)


def pareto_frame(table: pd.DataFrame, t) -> pd.DataFrame:
    """``export complaints`` dressed for the Pareto chart: label, share and cumulative share in
    percent, most frequent first."""
    ordered = method.pareto(table)
    return ordered.assign(label=[label(t, "cmp_cat_", c) for c in ordered["category"]],
                          share_pct=100 * ordered["share"],
                          cumulative=100 * ordered["cumulative_share"])


def resolution_long(table: pd.DataFrame, t) -> pd.DataFrame:
    """:func:`group_table` by month as long rows (period, measure, days, resolved)."""
    rows = []
    for column, key in (("days_median", "cmp_field_days_median"),
                        ("days_p90", "cmp_field_days_p90")):
        rows.append(pd.DataFrame({"period": table["grp"], "measure": t(key),
                                  "days": table[column], "resolved": table["resolved"]}))
    return pd.concat(rows).dropna(subset=["days"]).reset_index(drop=True)


def change_tiles(trend: pd.DataFrame, months: pd.DataFrame, focus: str, min_n: int) -> list:
    """The dissatisfied share (percent, two-proportion test) and the median days to resolve
    (not tested: a change of medians) in ``focus`` against the month before, as tiles."""
    from satisfaction.methods.significance import share_change
    from satisfaction.tiles import Tile

    rows = trend[trend["period"] <= focus].reset_index(drop=True)
    now = rows.iloc[-1]
    before = rows.iloc[-2] if len(rows) > 1 else None
    series = tuple(100 * rows["dissatisfied_share"].astype(float))
    change, significant = math.nan, False
    shown_now = pd.notna(now["dissatisfied_share"])
    if before is not None and shown_now and pd.notna(before["dissatisfied_share"]):
        bad_now = round(now["dissatisfied_share"] * now["responses"])
        bad_before = round(before["dissatisfied_share"] * before["responses"])
        test = share_change(int(bad_now), int(now["responses"]), int(bad_before),
                            int(before["responses"]))
        change, significant = 100 * test.difference, test.significant
    baseline = None if before is None else str(before["period"])
    dissatisfied = Tile(
        figure="dissatisfied_share", period=focus, value=100 * float(now["dissatisfied_share"]),
        low=100 * float(now["dissatisfied_low"]), high=100 * float(now["dissatisfied_high"]),
        n=0 if pd.isna(now["responses"]) else int(now["responses"]), baseline=baseline,
        change=change, significant=significant,
        higher_is_better=False, hidden=None if shown_now else "small", series=series)
    days = months.set_index("grp")
    value = days["days_median"].get(focus, math.nan)
    previous = days["days_median"].get(baseline, math.nan) if baseline else math.nan
    resolution = Tile(
        figure="resolution_days", period=focus, value=float(value),
        n=int(days["resolved"].get(focus, 0)), baseline=baseline,
        change=float(value - previous), tested=False, higher_is_better=False,
        hidden=None if pd.notna(value) else "small", n_key="n_resolved",
        series=tuple(float(v) for v in days["days_median"][days.index <= focus]))
    return [dissatisfied, resolution]


def _p(value: float) -> str:
    return "< 0.001" if value < 0.001 else f"= {value:.3f}"


def spike_sentence(ctx, spike: dict) -> str:
    """The unit-month of :func:`lead_spike` in one sentence (Markdown), with how fast its
    complaints were resolved or why that is not shown."""
    from satisfaction.text import markdown_literal

    sentence = ctx.t("cmp_finding_spike", unit=markdown_literal(spike["unit"]),
                     complaints=spike["complaints"], month=spike["month"],
                     ratio=spike["ratio"], usual=spike["usual"], p=_p(spike["p_value"]))
    if spike["days_shown"]:
        return sentence + ctx.t("cmp_finding_spike_days", days=spike["days_median"],
                                days_ratio=spike["days_ratio"], usual_days=spike["usual_days"])
    why = ctx.t("hidden_small_n", min_n=ctx.min_n, n=spike["resolved"],
                what=ctx.t("what_resolved_complaints"))
    return sentence + ctx.t("cmp_finding_spike_days_hidden", why=why)


def findings(ctx, spike: dict | None, recovery: pd.DataFrame, categories: pd.DataFrame) -> list:
    """The page's findings in order: the unit-month that stands out (the lead), the
    service-recovery effect whichever way it goes, the most frequent category."""
    from satisfaction.text import markdown_literal

    said = [ctx.t("cmp_finding_no_spike") if spike is None else spike_sentence(ctx, spike)]
    after = recovery[recovery["grp"] == "after_recovery"]
    if not after.empty and pd.notna(after["p_value"].iloc[0]):
        row = after.iloc[0]
        kind = "same" if row["p_value"] >= 0.05 else ("higher" if row["difference"] > 0
                                                       else "lower")
        size = row["difference"] if kind == "same" else abs(row["difference"])
        difference = f"{size:+.2f}" if kind == "same" else f"{size:.2f}"
        said.append(ctx.t(f"cmp_recovery_{kind}", difference=difference, p=_p(row["p_value"])))
    if not categories.empty:
        top = categories.iloc[0]
        sentence = ctx.t("cmp_finding_top_category",
                         category=markdown_literal(label(ctx.t, "cmp_cat_", top["category"])),
                         share=f"{100 * top['share']:.0f}%")
        said.append(sentence[:1].upper() + sentence[1:])
    return said


def severity_frame(table: pd.DataFrame, t, order: list[str]) -> pd.DataFrame:
    """``export complaint_severity`` dressed: translated severities, their stacking rank and
    the share in percent."""
    labels = [label(t, "cmp_sev_", x) for x in table["severity"]]
    return table.assign(label=labels, share_pct=100 * table["share"],
                        rank=[order.index(x) if x in order else len(order) for x in labels])


def trend_frame(trend: pd.DataFrame) -> pd.DataFrame:
    """``export complaint_trend`` dressed for its two charts: the dissatisfied share and its
    interval in percent, and the n of each chart (customer-months, responses)."""
    return trend.assign(n=trend["customer_months"], responses_n=trend["responses"],
                        dissatisfied=100 * trend["dissatisfied_share"],
                        dissatisfied_low=100 * trend["dissatisfied_low"],
                        dissatisfied_high=100 * trend["dissatisfied_high"])


def iceberg_sentence(ctx, trend: pd.DataFrame, focus: str, multiplier: float,
                     uneven: tuple[str, ...]) -> tuple[str, bool]:
    """The iceberg of ``focus`` in a sentence: the silent dissatisfied that ``multiplier``
    implies beside the dissatisfied share the survey measured, and the multiplier at which
    they agree; else why it is hidden. Returns (text, shown)."""
    from satisfaction import sentences

    rows = trend[trend["period"] == focus]
    now = rows.iloc[0] if not rows.empty else None
    if now is None or now[["implied_dissatisfied_share", "dissatisfied_share"]].isna().any():
        why = (sentences.uneven_note(ctx, uneven) if uneven else
               sentences.hidden_note(ctx, sentences.SMALL, None, "customer_months"))
        return ctx.t("cmp_iceberg_hidden", period=focus, why=why), False
    matching = method.matching_multiplier(now["dissatisfied_share"], int(now["complaints"]),
                                          int(now["customer_months"]))
    text = ctx.t("cmp_iceberg_text", period=sentences.period_name(ctx, focus),
                 complaints=int(now["complaints"]), multiplier=f"{multiplier:g}",
                 silent=int(now["silent_estimate"]), customers=int(now["customer_months"]),
                 implied=f"{100 * now['implied_dissatisfied_share']:.1f}%",
                 measured=f"{100 * now['dissatisfied_share']:.1f}%",
                 matching=ctx.t("cmp_iceberg_matching", value=f"{matching:.1f}")
                 if not math.isnan(matching) else "")
    return text, True


def chart_words(t) -> dict[str, str]:
    """The words of the page's charts: every field's title (:func:`~satisfaction.charts.words.
    words`) and the complaint fields'."""
    from satisfaction.charts.words import words

    return {**words(t), "period": t("field_period"), "label": t("cmp_field_category"),
            "count": t("cmp_field_complaints"), "complaints": t("cmp_field_complaints"),
            "cumulative": t("cmp_field_cumulative"), "days_median": t("cmp_field_days_median"),
            "days_p90": t("cmp_field_days_p90"), "days": t("cmp_field_days"),
            "measure": t("cmp_field_measure"), "resolved": t("what_resolved_complaints"),
            "band": t("cmp_field_age"), "open": t("cmp_field_open"), "mean": t("cmp_field_mean"),
            "per_1000_customers": t("cmp_field_rate"),
            "dissatisfied": t("cmp_field_dissatisfied")}
