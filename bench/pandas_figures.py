"""Section 3: the satisfaction figures computed with pandas from the same rows, against DuckDB.

The figures are the sufficient statistics behind the Overview's and the Satisfaction page's
indices (``queries/response_figures.sql``: counts, sums and sums of squares, top-two boxes,
promoters and detractors) by every grouping the pages offer, at the default filters. pandas
gets the rows already in memory (fetching them is timed apart), and groups by integer keys,
labelled after grouping, which is its fast way; DuckDB runs the query as the pages do. The two
must agree exactly, or the benchmark stops: a ratio between different figures means nothing.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from bench.machine import load_average

GROUPINGS = ("all", "region", "unit", "channel", "stage", "segment", "month", "quarter")
FIGURES = ("n", "sat_sum", "sat_sumsq", "sat_top2", "rec_n", "promoters", "detractors",
           "effort_n", "effort_sum", "effort_sumsq", "pair_n")
COLUMNS = ("responded_on", "region", "unit", "channel", "stage", "segment", "satisfaction",
           "expectation", "recommend", "effort")


def _keys(frame, grouping: str):
    import pandas as pd

    if grouping == "all":
        return pd.Series(0, index=frame.index)
    day = frame["responded_on"]
    if grouping == "month":
        return day.dt.year * 100 + day.dt.month
    if grouping == "quarter":
        return day.dt.year * 10 + day.dt.quarter
    return frame[grouping]


def _label(key, grouping: str) -> str:
    if grouping == "all":
        return "all"
    if grouping == "month":
        return f"{key // 100}-{key % 100:02d}"
    if grouping == "quarter":
        return f"{key // 10}-Q{key % 10}"
    return key


def pandas_figures(frame, grouping: str):
    """The figures of ``response_figures`` (period all) by ``grouping``, with pandas."""
    import pandas as pd

    sat, rec = frame["satisfaction"], frame["recommend"]
    effort, expectation = frame["effort"], frame["expectation"]
    parts = pd.DataFrame({
        "key": _keys(frame, grouping),
        "n": sat.notna(), "sat_sum": sat.fillna(0), "sat_sumsq": sat.fillna(0) ** 2,
        "sat_top2": sat >= 4, "rec_n": rec.notna(), "promoters": rec >= 9,
        "detractors": rec <= 6, "effort_n": effort.notna(), "effort_sum": effort.fillna(0),
        "effort_sumsq": effort.fillna(0) ** 2, "pair_n": sat.notna() & expectation.notna(),
    })
    sums = parts.groupby("key", sort=True, dropna=False).sum().astype("int64")
    sums.index = [_label(key, grouping) for key in sums.index]
    return sums


@dataclass
class PandasRound:
    fetch: float
    pandas: float
    duckdb_cold: float
    duckdb_warm: float
    load_average: float


def _compare(db: str, warm_passes: int) -> PandasRound:
    from satisfaction.filters import Filters
    from satisfaction.store import Store

    busy = load_average()
    with Store(db) as store:
        def duckdb_figures():
            return {g: store.query("response_figures", Filters().params(by=g, period="all"))
                    for g in GROUPINGS}

        began = time.perf_counter()
        expected = duckdb_figures()
        cold = time.perf_counter() - began
        warm = []
        for _ in range(warm_passes):
            began = time.perf_counter()
            duckdb_figures()
            warm.append(time.perf_counter() - began)
        began = time.perf_counter()
        with store.cursor() as cur:
            columns = ", ".join(COLUMNS)
            frame = cur.sql(f"SELECT {columns} FROM responses").to_arrow_table() \
                .to_pandas(date_as_object=False)
        fetch = time.perf_counter() - began
    began = time.perf_counter()
    found = {g: pandas_figures(frame, g) for g in GROUPINGS}
    seconds = time.perf_counter() - began
    for grouping in GROUPINGS:
        duck = expected[grouping].set_index("grp")[list(FIGURES)].astype("int64")
        if not duck.sort_index().equals(found[grouping][list(FIGURES)].sort_index()):
            raise AssertionError(f"pandas and DuckDB disagree on the figures by {grouping}")
    return PandasRound(fetch, seconds, cold, statistics.median(warm), busy)


@dataclass
class PandasFigures:
    rounds: list[PandasRound]

    def median(self, name: str) -> float:
        return statistics.median(getattr(r, name) for r in self.rounds)

    @property
    def ratio(self) -> float:
        """pandas over DuckDB warm, the median of the rounds' own ratios."""
        return statistics.median(r.pandas / r.duckdb_warm for r in self.rounds)

    @property
    def cold_ratio(self) -> float:
        return statistics.median(r.pandas / r.duckdb_cold for r in self.rounds)


def measure(db, rounds: int) -> PandasFigures:
    from bench.pagequeries import in_fresh_process

    return PandasFigures([in_fresh_process(_compare, str(db), 3) for _ in range(rounds)])
