"""The benchmark: load speed, the pages' queries, pandas, memory, browser and a crowd, at scale.

Not a test: it measures and writes ``bench/RESULTS.md`` (``--out``). Timings on a shared
machine are noisy, so every figure is the median of several runs, ratios are taken within a
run, and the load average is recorded beside each measurement.

    python -m bench.run [--scales 17 170] [--rounds 3] [--repeats 3] [--sessions 20]

``--scales`` are demo scales (17 ≈ 1M responses, 170 ≈ 10M). Stores and CSV files are
generated once into ``--work`` (a temporary directory by default) and reused by later runs.
The sections, each at every scale unless said:

1. a validated load (``python -m satisfaction load``) against DuckDB's ``read_csv``, whole
   processes on the same file (:mod:`bench.load`);
2. every query the pages run at their default filters, cold and warm (:mod:`bench.pagequeries`);
3. the same satisfaction figures computed with pandas (:mod:`bench.pandas_figures`);
4. and 5. the app's peak memory and each page's time to settle in Chromium (:mod:`bench.app`);
6. at the largest scale, ``--sessions`` browser sessions opening pages at once while a load of
   the smallest scale's responses (renamed) runs, handed to the app.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
from pathlib import Path

from bench import app, load, machine, pagequeries, pandas_figures, report, stores
from bench.report import Target, seconds, table

ROOT = Path(__file__).resolve().parent.parent
GiB = 1024


def _ratio_range(values) -> str:
    values = list(values)
    return f"{min(values):.2f}–{max(values):.2f}"


def _loads(figures: dict[str, load.LoadFigures]) -> list[str]:
    rows = []
    for size, f in figures.items():
        rows.append([size, f"{f.size_mb:.0f} MB", seconds(f.plain), seconds(f.ours),
                     f"**{f.ratio:.2f}**", _ratio_range(r.ratio for r in f.rounds),
                     len(f.rounds), " ".join(f"{r.load_average:.1f}" for r in f.rounds)])
    return [report.SECTIONS[0], "",
            "Whole processes on the same responses CSV, one right after the other in each run "
            "(the order alternating), each into a new database file: DuckDB's `CREATE TABLE AS "
            "SELECT * FROM read_csv(...)` in `python -c`, and `python -m satisfaction load "
            "responses FILE` (every check, the batch, the content hash).", "",
            *table(["responses", "file", "read_csv", "load", "ratio (median)", "ratio range",
                    "runs", "load average per run"], rows)]


def _queries(figures: dict[str, pagequeries.QueryFigures]) -> list[str]:
    rows, by_page = [], []
    for size, f in figures.items():
        first = f.rounds[0]
        rows.append([size, f.calls, f.distinct, seconds(f.cold), seconds(f.warm),
                     seconds(statistics_median(r.open_seconds for r in f.rounds)),
                     f"{first.slowest[0]} ({seconds(first.slowest[1])})", len(f.rounds),
                     " ".join(f"{r.load_average:.1f}" for r in f.rounds)])
    sizes = list(figures)
    for page in next(iter(figures.values())).cold_by_page():
        by_page.append([page, *(seconds(figures[s].cold_by_page().get(page)) for s in sizes)])
    return [report.SECTIONS[1], "",
            "The queries each page runs at its default filters, recorded by opening every page "
            "of the real dashboard (AppTest) on the store measured; each query with the same "
            "parameters counted once (the app caches it). Cold: the first pass in a new "
            "process on a newly opened store (no DuckDB buffers, no Streamlit cache; the "
            "operating system may still cache the file). Warm: the median of three passes "
            "after it. Each run is a new process.", "",
            *table(["responses", "calls", "distinct", "cold", "warm", "store open",
                    "slowest query (cold, first run)", "runs", "load average per run"], rows),
            "Cold time per page (the page's queries not already run by an earlier page):", "",
            *table(["page", *sizes], by_page)]


def statistics_median(values) -> float:
    import statistics
    return statistics.median(values)


def _pandas(figures: dict[str, pandas_figures.PandasFigures]) -> list[str]:
    rows = []
    for size, f in figures.items():
        rows.append([size, seconds(f.median("fetch")), seconds(f.median("pandas")),
                     seconds(f.median("duckdb_cold")), seconds(f.median("duckdb_warm")),
                     f"**{f.ratio:.1f}×**", f"{f.cold_ratio:.1f}×", len(f.rounds),
                     " ".join(f"{r.load_average:.1f}" for r in f.rounds)])
    return [report.SECTIONS[2], "",
            "The satisfaction figures behind the Overview and the Satisfaction page (counts, "
            "sums, sums of squares, top-two boxes, promoters and detractors: "
            "`response_figures`) by each of the eight groupings, at the default filters. "
            "pandas groups rows already in memory (fetching them, via Arrow, is shown apart); "
            "DuckDB runs the query as the pages do. The benchmark checks that both give the "
            "same numbers. Ratio: pandas time over DuckDB's.", "",
            *table(["responses", "rows into pandas", "pandas", "DuckDB cold", "DuckDB warm",
                    "ratio to warm", "ratio to cold", "runs", "load average per run"], rows)]


def _memory(figures: dict[str, app.AppFigures]) -> list[str]:
    rows = [[size, f"{f.rss_after_first_mb:.0f} MB", f"{f.peak_rss_mb:.0f} MB",
             f"{f.load_average:.1f}"] for size, f in figures.items()]
    return [report.SECTIONS[3], "",
            "Peak resident memory (`VmHWM`, MiB) of the `streamlit run dashboard.py` process: "
            "after the first page (Overview) opened, and after every page opened once and "
            "then again.", "",
            *table(["responses", "after the Overview", "after every page", "load average"],
                   rows)]


def _settle(figures: dict[str, app.AppFigures]) -> list[str]:
    sizes = list(figures)
    rows = []
    for page in pagequeries.pages():
        row = [page]
        for size in sizes:
            f = figures[size]
            first = f.first[page]
            row += [seconds(first.seconds) + (f" ({first.errors} errors)" if first.errors else ""),
                    seconds(f.settle(page))]
        rows.append(row)
    header = ["page"] + [f"{size} {kind}" for size in sizes for kind in ("first", "again")]
    return [report.SECTIONS[4], "",
            "From asking for the page to the moment it is settled (connected, script done, no "
            "skeleton) and stays so for half a second, each visit in a new browser context. "
            "First: the first visit to the page on a newly started app (its query cache cold; "
            "the sidebar's queries run for the first page). Again: the median of the later "
            "visits. Load average: " + ", ".join(
                f"{size} {f.load_average:.1f}" for size, f in figures.items()) + ".", "",
            *table(header, rows)]


def _crowd(size: str, loaded: str, f: app.CrowdFigures) -> list[str]:
    slowest = f.slowest
    times = sorted(v.seconds for v in f.sessions if v.seconds is not None)
    problems = [f"{v.page}: {v.problem}" for v in f.sessions if v.problem]
    return [report.SECTIONS[5], "",
            f"{len(f.sessions)} browser sessions open pages at once (the pages in turn) on the "
            f"{size} store while `python -m satisfaction load` loads {loaded} more responses "
            "into it, handed to the running app over its channel. Each session is given "
            f"{app.CROWD_SECONDS} s to settle (the target sets no bound; the slowest is "
            "reported).", "",
            *table(["", ""], [
                ["sessions settled", f"{f.settled} of {len(f.sessions)}"],
                ["sessions showing an error", str(f.errors)],
                ["slowest", f"{seconds(slowest.seconds)} ({slowest.page})"],
                ["median", seconds(times[len(times) // 2]) if times else "—"],
                ["load", f"exit {f.load_code} in {seconds(f.load_seconds)}; " + (
                    "still running when the first session settled" if f.load_overlapped
                    else "ended before any session settled")],
                ["load average", f"{f.load_average:.1f}"],
            ]),
            *([f"Problems: {'; '.join(problems)}", ""] if problems else [])]


def _targets(loads, queries, pandas, apps, crowd) -> list[Target]:
    sizes = list(loads)
    small, large = sizes[0], sizes[-1]
    found = []
    ratio = loads[small].ratio
    found.append(Target(f"load / read_csv at {small}", "≤ 1.5× (aim 1.2×)", f"{ratio:.2f}×",
                        ratio <= 1.5, "" if ratio <= 1.5 else f"{ratio - 1.5:.2f}× over"))
    cold = queries[large].cold
    found.append(Target(f"pages' queries cold at {large}", "< 1 s", seconds(cold), cold < 1,
                        "" if cold < 1 else f"{seconds(cold - 1)} over"))
    growth = cold / queries[small].cold
    found.append(Target(f"cold {large} / cold {small}", "≤ 2×", f"{growth:.2f}×", growth <= 2,
                        "" if growth <= 2 else f"{growth - 2:.2f}× over"))
    times = pandas[large].ratio
    found.append(Target(f"pandas / DuckDB at {large}", "≥ 10×", f"{times:.1f}×", times >= 10,
                        "" if times >= 10 else f"{10 - times:.1f}× short"))
    peak = apps[large].peak_rss_mb
    limit = 1.5 * GiB
    found.append(Target(f"app peak memory at {large}", "< 1.5 GiB", f"{peak:.0f} MiB",
                        peak < limit, "" if peak < limit else f"{peak - limit:.0f} MiB over"))
    grows = peak / apps[small].peak_rss_mb
    found.append(Target(f"peak memory {large} / {small}", "≤ 1.3×", f"{grows:.2f}×",
                        grows <= 1.3, "" if grows <= 1.3 else f"{grows - 1.3:.2f}× over"))
    for kind, pick in (("first visit", lambda p: apps[large].first[p].seconds),
                       ("again", apps[large].settle)):
        worst_page = max(pagequeries.pages(), key=lambda p: float("inf") if pick(p) is None
                         else pick(p))
        worst = pick(worst_page)
        met = worst is not None and worst < 2
        found.append(Target(f"slowest page to settle at {large}, {kind}", "< 2 s",
                            f"{seconds(worst)} ({worst_page})", met,
                            "" if met else ("never settled" if worst is None
                                            else f"{seconds(worst - 2)} over")))
    whole = crowd.settled == len(crowd.sessions) and crowd.errors == 0 and crowd.load_code == 0
    found.append(Target(f"{len(crowd.sessions)} sessions during a load", "all settle, no error",
                        f"{crowd.settled} settled, {crowd.errors} errors, slowest "
                        f"{seconds(crowd.slowest.seconds)}", whole,
                        "" if whole else f"{len(crowd.sessions) - crowd.settled} did not settle, "
                                         f"{crowd.errors} errors, load exit {crowd.load_code}"))
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.run",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[17, 170],
                        help="Demo scales, smallest first (17 ≈ 1M responses, 170 ≈ 10M).")
    parser.add_argument("--rounds", type=int, default=3, help="Runs of each measurement.")
    parser.add_argument("--repeats", type=int, default=3,
                        help="Visits to each page after the first.")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--work", type=Path,
                        default=Path(tempfile.gettempdir()) / "satisfaction-bench",
                        help="Where stores and files are generated and kept for later runs.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    loads, queries, pandas, apps, size_of = {}, {}, {}, {}, {}
    for scale in sorted(args.scales):
        rows = round(scale * stores.RESPONSES_PER_SCALE)
        size = stores.label(rows)
        say(f"{size}: the store")
        db = stores.demo_store(args.work, rows)
        size_of[size] = db
        csv = stores.responses_csv(db, args.work / f"{db.stem}-responses.csv")
        say(f"{size}: load against read_csv")
        loads[size] = load.measure(csv, rows, args.work, args.rounds)
        say(f"{size}: the pages' queries")
        calls = pagequeries.record(db)
        queries[size] = pagequeries.measure(db, calls, args.rounds)
        say(f"{size}: pandas")
        pandas[size] = pandas_figures.measure(db, args.rounds)
        say(f"{size}: the app in Chromium")
        apps[size] = app.measure(db, args.work, args.repeats)
    small, large = list(size_of)[0], list(size_of)[-1]
    say(f"{large}: {args.sessions} sessions during a load")
    fresh = stores.responses_csv(size_of[small], args.work / f"{size_of[small].stem}-renamed.csv",
                                 id_prefix="L")
    target = stores.copy_store(size_of[large], args.work / "crowd.duckdb")
    crowd = app.crowd(target, fresh, args.work, args.sessions)
    stores.remove_store(target)

    command = "python -m bench.run " + shlex.join(argv if argv is not None else sys.argv[1:])
    sections = [_loads(loads), _queries(queries), _pandas(pandas), _memory(apps), _settle(apps),
                _crowd(large, small, crowd)]
    report.write(args.out, command.strip(), machine.describe(), sections,
                 _targets(loads, queries, pandas, apps, crowd))
    say(f"written: {args.out}")


if __name__ == "__main__":
    main()
