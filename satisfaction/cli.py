"""The command line: ``python -m satisfaction VERB ...``, a stable contract for scripts.

Exit codes: 0 done; 1 refused (bad input: the report is on stderr, the store unchanged);
2 a usage error; 3 the store stayed busy; 4 an internal error (one line on stderr, the
traceback in the log file of :mod:`satisfaction.errorlog`, never on the terminal).

When a running dashboard holds the store, the work is handed to it over its private channel
(:mod:`satisfaction.channel`): the dashboard runs :func:`run` on its own store, as the user who
asked, and its output and exit code come back here. If the dashboard dies meanwhile, the
command takes the store itself once it is free; if the store's holder takes no requests, the
command waits ``--wait`` seconds for it, then exits 3.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from satisfaction import annotations, batch_log, channel, errorlog, mappings
from satisfaction.identity import os_user
from satisfaction.contracts import KINDS, template_csv
from satisfaction.filters import DIMENSIONS
from satisfaction.i18n import LANGUAGES
from satisfaction.settings import SETTINGS, db_path, min_n
from satisfaction.store import Store, StoreError, StoreLocked

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_BUSY, EXIT_INTERNAL = 0, 1, 2, 3, 4
#: Seconds between looks at a busy store, and the least time given to a dashboard that died
#: while working to let go of the store.
POLL_SECONDS = 0.25
RELEASE_SECONDS = 5.0


def cmd_demo(args, store: Store, out: TextIO, err: TextIO) -> int:
    """Write deterministic demo data for every record kind (refused if demo data is loaded)."""
    from satisfaction.demo import write_demo

    if args.if_empty and not store.is_empty():
        out.write(json.dumps({"db": str(store.path), "rows": {}, "skipped": "the store has data"}) + "\n")
        return EXIT_OK
    started = time.perf_counter()
    try:
        counts = write_demo(store, scale=args.scale)
    except ValueError as error:
        err.write(f"{error}\n")
        return EXIT_REFUSED
    seconds = round(time.perf_counter() - started, 2)
    out.write(json.dumps({"db": str(store.path), "rows": counts, "seconds": seconds}) + "\n")
    return EXIT_OK


def _mapping(args, store: Store, err: TextIO) -> dict[str, str] | None:
    """The saved column mapping the command names ({} for none); None, with the reason on
    ``err``, for a usage error: an unknown mapping, or ``--wide-map`` with a kind not
    ``tolerance``."""
    if args.wide_map is not None and args.kind != "tolerance":
        err.write("--wide-map reads the wide SERVQUAL layout: it goes with the tolerance kind "
                  "only.\n")
        return None
    if not args.mapping:
        return {}
    saved = mappings.saved(store, args.kind)
    if args.mapping not in saved:
        known = ", ".join(saved) or "none saved"
        err.write(f"There is no {args.kind} column mapping named {args.mapping!r} ({known}).\n")
        return None
    return saved[args.mapping]


def cmd_load(args, store: Store, out: TextIO, err: TextIO) -> int:
    """Validate a CSV file and load it as one batch; prints one JSON line when loaded."""
    from satisfaction.loading import LoadRefused, load_file

    mapping = _mapping(args, store, err)
    if mapping is None:
        return EXIT_USAGE
    with _long_file(args, err) as source:
        if source is None:
            return EXIT_REFUSED
        try:
            result = load_file(store, args.kind, source, file_name=args.file.name,
                               mapping=mapping, skip_bad_rows=args.skip_bad_rows,
                               loaded_by=args.user)
        except LoadRefused as refused:
            err.write(f"Refused {args.file}:\n{refused.report.text(args.skip_bad_rows)}\n")
            return EXIT_REFUSED
    if result.rejected:
        err.write(f"{result.rejected} bad rows were set aside (see the Data page or "
                  f"`batches`); the other {result.rows} rows were loaded.\n")
    out.write(json.dumps(result.as_json()) + "\n")
    return EXIT_OK


def cmd_check(args, store: Store, out: TextIO, err: TextIO) -> int:
    """Validate a CSV file without loading it; exit 0 when it would load."""
    from satisfaction.loading import check_file

    mapping = _mapping(args, store, err)
    if mapping is None:
        return EXIT_USAGE
    with _long_file(args, err) as source:
        if source is None:
            return EXIT_REFUSED
        report = check_file(store, args.kind, source, file_name=args.file.name, mapping=mapping)
    (err if report.refusal() else out).write(report.text() + "\n")
    return EXIT_REFUSED if report.refusal() else EXIT_OK


@contextmanager
def _long_file(args, err: TextIO) -> Iterator[Path | None]:
    """The file to check or load: FILE itself, or with ``--wide-map`` the long ``tolerance``
    file written from FILE's wide SERVQUAL layout into a private temporary file (None, with the
    reason on ``err``, when the wide file cannot be turned into the long one)."""
    if args.wide_map is None:
        yield args.file
        return
    from satisfaction.private_temp import temp_file
    from satisfaction.wide_tolerance import WideLayoutError, widen_to_long

    with temp_file(suffix=".csv", prefix="wide-") as long:
        try:
            widen_to_long(args.file, args.wide_map, long)
        except (WideLayoutError, OSError) as refused:
            err.write(f"Refused {args.file}: {refused}\n")
            yield None
            return
        yield long


def cmd_batches(args, store: Store, out: TextIO, err: TextIO) -> int:
    """List every load, newest first."""
    table = batch_log.listed(store)
    if args.json:
        out.write(table.to_json(orient="records", date_format="iso") + "\n")
    elif table.empty:
        out.write("No batches: the store is empty.\n")
    else:
        out.write(table.drop(columns="content_hash").to_string(index=False) + "\n")
    return EXIT_OK


def cmd_undo(args, store: Store, out: TextIO, err: TextIO) -> int:
    """Remove every row of a batch; the batch stays listed as undone."""
    try:
        result = batch_log.undo(store, args.batch, undone_by=args.user)
    except StoreError as error:
        err.write(f"{error}\n")
        return EXIT_REFUSED
    out.write(json.dumps(result) + "\n")
    return EXIT_OK


def cmd_backup(args, store: Store, out: TextIO, err: TextIO) -> int:
    """Copy the whole store into a new directory: a consistent snapshot, taken by the dashboard
    when it holds the store."""
    from satisfaction.backup import BackupError, backup

    try:
        manifest = backup(store, args.out)
    except BackupError as refused:
        err.write(f"{refused}\n")
        return EXIT_REFUSED
    out.write(json.dumps({"backup": str(args.out.resolve()), "schema_version":
                          manifest.schema_version, "rows": manifest.tables}) + "\n")
    return EXIT_OK


def cmd_restore(args, store: Store, out: TextIO, err: TextIO) -> int:
    """Replace everything in the store with a backup (a store holding data only with --force);
    an older backup is upgraded, a newer one refused."""
    from satisfaction.backup import BackupError, restore

    try:
        restored = restore(store, args.directory, force=args.force)
    except BackupError as refused:
        err.write(f"{refused}\n")
        return EXIT_REFUSED
    out.write(json.dumps(restored) + "\n")
    return EXIT_OK


def cmd_rebuild_rollups(args, store: Store, out: TextIO, err: TextIO) -> int:
    """Compute every rollup again from the stored rows (loads and undos keep them in step)."""
    from satisfaction import rollups

    started = time.perf_counter()
    with store.transaction() as cur:
        counts = rollups.rebuild(cur)
        for kind in rollups.TABLES:
            store.bump_version(cur, kind)
    seconds = round(time.perf_counter() - started, 2)
    out.write(json.dumps({"rows": counts, "seconds": seconds}) + "\n")
    return EXIT_OK


def cmd_export(args, store: Store, out: TextIO, err: TextIO) -> int:
    """Write the table behind a page as CSV or JSON, for the filters given."""
    from satisfaction.exports import export_view, to_csv, to_json

    filters = _filters(args)
    try:
        table = export_view(store.query, args.view, filters, by=args.by, min_n=min_n(args.min_n),
                            period=args.period, focus=args.focus, baseline=args.baseline)
    except ValueError as error:
        err.write(f"{error}\n")
        return EXIT_USAGE
    out.write(to_csv(table) if args.format == "csv" else to_json(table))
    return EXIT_OK


def _filters(args, everything: tuple[date, date] | None = None):
    """The filters the flags of :func:`_filter_flags` choose; an end of the date range not
    given is ``everything``'s (the data's first or last day), or open without it."""
    from satisfaction.filters import Filters

    first, last = everything or (None, None)
    return Filters(
        date_from=args.date_from or first, date_to=args.date_to or last,
        regions=tuple(args.region), units=tuple(args.unit), channels=tuple(args.channel),
        stages=tuple(args.stage), segments=tuple(args.segment),
    )


def cmd_report(args, store: Store, out: TextIO, err: TextIO) -> int:
    """Write the review pack, a PDF or PowerPoint file by --out's extension.

    A title slide, then every page's key chart with its findings and n, for the filters given.
    The dates default to the data's first and last day, as the dashboard opens: the pack then
    compares the latest quarter they cover whole with the quarter before."""
    from satisfaction import report
    from satisfaction.filters import data_dates
    from satisfaction.page_context import PageContext

    fmt = report.format_of(args.out)
    ctx = PageContext(lang=args.lang, filters=_filters(args, data_dates(store.query)),
                      min_n=min_n(args.min_n), presentation=False)
    try:
        pack = report.review_pack(ctx, store.query, date.today())
        if pack.cover.pairing is None:
            err.write("No responses for these filters and dates: there is no quarter to "
                      "compare, so no review pack was written.\n")
            return EXIT_REFUSED
        args.out.write_bytes(report.render(pack, fmt))
    except (report.FontMissing, OSError) as refused:
        err.write(f"{refused}\n")
        return EXIT_REFUSED
    out.write(json.dumps({"file": str(args.out), "format": fmt, "slides": 1 + len(pack.pages),
                          "period": pack.cover.pairing.focus,
                          "baseline": pack.cover.pairing.baseline}) + "\n")
    return EXIT_OK


def cmd_template(args, store: Store | None, out: TextIO, err: TextIO) -> int:
    """Print the CSV header of a record kind's contract."""
    out.write(template_csv(KINDS[args.kind]))
    return EXIT_OK


def cmd_bench(args, store: Store | None, out: TextIO, err: TextIO) -> int:
    """Run the benchmark (``python -m bench.run``, from the repository) and write its report."""
    try:
        from bench.run import main as bench
    except ImportError:
        err.write("The benchmark is in the repository's bench/ folder: run this from there.\n")
        return EXIT_USAGE
    try:
        bench(args.options)
    except SystemExit as stop:
        return EXIT_OK if stop.code in (0, None) else EXIT_USAGE
    return EXIT_OK


def cmd_mapping(args, store: Store, out: TextIO, err: TextIO) -> int:
    """Save a column mapping (HEADER=COLUMN ...) for a kind, or list the saved ones."""
    if args.pairs:
        try:
            pairs = dict(pair.split("=", 1) for pair in args.pairs)
            mappings.save(store, args.name, args.kind, pairs, saved_by=args.user)
        except (ValueError, StoreError) as error:
            err.write(f"{error} Write pairs as HEADER=COLUMN.\n")
            return EXIT_USAGE
    out.write(json.dumps(mappings.saved(store, args.kind).get(args.name, {}), ensure_ascii=False) + "\n")
    return EXIT_OK


def cmd_annotate_add(args, store: Store, out: TextIO, err: TextIO) -> int:
    """Pin a dated note to every trend chart; prints its id as JSON.

    With --region or --unit the note shows only where that region or unit is in view."""
    try:
        note_id = annotations.add(store, args.day, args.text, args.user, region=args.region,
                                  unit=args.unit)
    except annotations.NoteRefused as refused:
        err.write(f"Refused: {refused}\n")
        return EXIT_REFUSED
    out.write(json.dumps({"id": note_id}) + "\n")
    return EXIT_OK


def cmd_annotate_list(args, store: Store, out: TextIO, err: TextIO) -> int:
    """List the notes the filters show, by day, with who wrote and last changed them.

    A note shows when it is dated within the dates and, if it is for one region or unit, when
    that region or unit is chosen or none is."""
    from satisfaction.exports import annotations_table, to_json
    from satisfaction.filters import Filters

    filters = Filters(date_from=args.date_from, date_to=args.date_to,
                      regions=tuple(args.region), units=tuple(args.unit))
    table = annotations_table(store.query, filters)
    if args.json:
        out.write(to_json(table))
    elif table.empty:
        out.write("No notes.\n")
    else:
        out.write(table.astype(object).where(table.notna(), "").to_string(index=False) + "\n")
    return EXIT_OK


def cmd_annotate_edit(args, store: Store, out: TextIO, err: TextIO) -> int:
    """Change a note's day, text, region or unit; records who changed it and when.

    An empty --region or --unit makes the note the whole business's."""
    keep = annotations.UNCHANGED
    try:
        annotations.edit(store, args.id, args.user, day=args.day, text=args.text,
                         region=keep if args.region is None else args.region,
                         unit=keep if args.unit is None else args.unit)
    except annotations.NoteRefused as refused:
        err.write(f"Refused: {refused}\n")
        return EXIT_REFUSED
    out.write(json.dumps({"id": args.id, "edited": True}) + "\n")
    return EXIT_OK


def cmd_annotate_remove(args, store: Store, out: TextIO, err: TextIO) -> int:
    """Remove a note from every view (who removed it, and when, is kept)."""
    try:
        annotations.remove(store, args.id, args.user)
    except annotations.NoteRefused as refused:
        err.write(f"Refused: {refused}\n")
        return EXIT_REFUSED
    out.write(json.dumps({"id": args.id, "removed": True}) + "\n")
    return EXIT_OK


#: The ``annotate`` verb's actions, each a function whose docstring is its help.
ANNOTATE_ACTIONS = {"add": cmd_annotate_add, "list": cmd_annotate_list,
                    "edit": cmd_annotate_edit, "remove": cmd_annotate_remove}


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _pack_file(text: str) -> Path:
    from satisfaction.report import format_of

    try:
        format_of(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return Path(text)


def _filter_flags(sub: argparse.ArgumentParser) -> None:
    """The filter flags of ``export`` and ``report``: dates, and dimensions' values."""
    sub.add_argument("--from", dest="date_from", type=_date)
    sub.add_argument("--to", dest="date_to", type=_date)
    for name in DIMENSIONS:
        sub.add_argument(f"--{name}", action="append", default=[], help="Repeat to select several.")


class _ParserExit(Exception):
    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """A parser writing to the streams it is given and raising instead of exiting, so that
    a dashboard running handed-over work keeps its terminal and its process."""

    def __init__(self, *args, out: TextIO, err: TextIO, **kwargs):
        super().__init__(*args, **kwargs)
        self.out, self.err = out, err

    def print_help(self, file=None) -> None:
        self.out.write(self.format_help())

    def error(self, message: str):
        self.err.write(f"{self.format_usage()}{self.prog}: error: {message}\n")
        raise _ParserExit(EXIT_USAGE)

    def exit(self, status: int = 0, message: str | None = None):
        if message:
            self.err.write(message)
        raise _ParserExit(status)


class _Choices:
    """An argument's choices, read when argparse first needs them (to check a value or to
    show help): only ``export`` then imports the export views, and pandas with them, so the
    other verbs start fast (a load imports DuckDB and the loader, nothing more)."""

    def __init__(self, read: Callable[[], Iterable[str]]):
        self._read, self._values = read, None

    def _all(self) -> list[str]:
        if self._values is None:
            self._values = list(self._read())
        return self._values

    def __contains__(self, value: object) -> bool:
        return value in self._all()

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())


def _views() -> Iterable[str]:
    from satisfaction.exports import VIEWS
    return VIEWS


def _groupings() -> Iterable[str]:
    from satisfaction.exports import groupings
    return groupings()


def _periods() -> Iterable[str]:
    from satisfaction.exports import PERIODS
    return PERIODS


def build_parser(out: TextIO | None = None, err: TextIO | None = None) -> argparse.ArgumentParser:
    from satisfaction.periods import BASELINES

    streams = {"out": sys.stdout if out is None else out,
               "err": sys.stderr if err is None else err}
    parser = _Parser(prog="python -m satisfaction", description=__doc__.split("\n")[0], **streams)
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    common = _Parser(add_help=False, **streams)
    common.add_argument("--db", help=f"{SETTINGS['db'].help} Default: ${SETTINGS['db'].env}, "
                                     f"then {SETTINGS['db'].default}.")
    common.add_argument("--wait", type=float, help=SETTINGS["wait"].help)

    def verb(name, func, **kw):
        sub = verbs.add_parser(name, parents=[common], help=func.__doc__.split("\n")[0],
                               description=func.__doc__, **streams, **kw)
        sub.set_defaults(func=func)
        return sub

    demo = verb("demo", cmd_demo)
    demo.add_argument("--scale", type=float, default=1.0, help="Volume multiplier (1 ≈ 60,000 responses).")
    demo.add_argument("--if-empty", action="store_true",
                      help="Write the demo data only into an empty store; otherwise do nothing.")
    for name, func in (("load", cmd_load), ("check", cmd_check)):
        sub = verb(name, func)
        sub.add_argument("kind", choices=list(KINDS))
        sub.add_argument("file", type=Path)
        sub.add_argument("--mapping", help="A saved column mapping to apply to the headers.")
        sub.add_argument("--wide-map", type=Path, metavar="MAP.csv",
                         help="tolerance only: FILE is the wide SERVQUAL layout (<item>_adequate, "
                              "<item>_desired, <item>_perceived per respondent); MAP.csv gives "
                              "each item's RATER dimension (columns item, dimension).")
        if name == "load":
            sub.add_argument("--skip-bad-rows", action="store_true",
                             help="Load the good rows and keep the bad ones aside with reasons.")
    verb("batches", cmd_batches).add_argument("--json", action="store_true")
    verb("undo", cmd_undo).add_argument("batch", type=int)
    verb("backup", cmd_backup).add_argument("--out", type=Path, required=True, metavar="DIR",
                                            help="A new (or empty) directory for the backup.")
    restore = verb("restore", cmd_restore)
    restore.add_argument("directory", type=Path, metavar="DIR", help="A backup's directory.")
    restore.add_argument("--force", action="store_true",
                         help="Replace a store that holds data.")
    verb("rebuild-rollups", cmd_rebuild_rollups)
    export = verb("export", cmd_export)
    export.add_argument("view", choices=_Choices(_views), metavar="VIEW",
                        help="One of: %(choices)s.")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    _filter_flags(export)
    export.add_argument("--by", choices=_Choices(_groupings), metavar="COLUMN",
                        help="The grouping, one the view takes (%(choices)s); default: the "
                             "view's first (all, or region).")
    export.add_argument("--min-n", type=int, help=SETTINGS["min_n"].help)
    export.add_argument("--period", choices=_Choices(_periods), metavar="PERIOD",
                        help="indices_trend/grid/comparison: by quarter (default) or month.")
    export.add_argument("--focus", metavar="LABEL",
                        help="indices_comparison: the period in focus, e.g. 2026-Q3; default: "
                             "the latest the dates cover whole.")
    export.add_argument("--baseline", choices=BASELINES,
                        help="indices_comparison: the period before (default) or a year before.")
    report = verb("report", cmd_report)
    report.add_argument("--out", type=_pack_file, required=True, metavar="FILE.pdf|FILE.pptx",
                        help="The file to write; its extension chooses the format.")
    _filter_flags(report)
    report.add_argument("--lang", choices=list(LANGUAGES), default=SETTINGS["language"].value(),
                        help=SETTINGS["language"].help)
    report.add_argument("--min-n", type=int, help=SETTINGS["min_n"].help)
    verb("template", cmd_template).add_argument("kind", choices=list(KINDS))
    bench = verbs.add_parser("bench", help=cmd_bench.__doc__.split("\n")[0],
                             description=cmd_bench.__doc__, add_help=False, **streams)
    bench.set_defaults(func=cmd_bench)  # every option after it is bench.run's own
    mapping = verb("mapping", cmd_mapping)
    mapping.add_argument("name")
    mapping.add_argument("kind", choices=list(KINDS))
    mapping.add_argument("pairs", nargs="*", metavar="HEADER=COLUMN")
    _annotate_parser(verbs, common, streams)
    return parser


def _annotate_parser(verbs, common: argparse.ArgumentParser, streams: dict) -> None:
    """``annotate add|list|edit|remove``: the options common to every verb go on each action,
    so ``--db`` may follow it as it follows any verb."""
    annotate = verbs.add_parser(
        "annotate", help="Pin dated notes to the timeline: add, list, edit or remove them.",
        description="Notes pinned to the timeline, drawn on every trend chart and kept with "
                    "who wrote and last changed them, and when.", **streams)
    actions = annotate.add_subparsers(dest="action", required=True, metavar="ACTION")
    parsers = {}
    for name, func in ANNOTATE_ACTIONS.items():
        parsers[name] = actions.add_parser(name, parents=[common], help=func.__doc__.split("\n")[0],
                                           description=func.__doc__, **streams)
        parsers[name].set_defaults(func=func)
    add, listing, edit, remove = parsers.values()
    add.add_argument("day", type=_date, help="The day the note marks (YYYY-MM-DD).")
    add.add_argument("text", help=f"The note, at most {annotations.MAX_TEXT} characters.")
    add.add_argument("--region", help="Show the note only where this region is in view.")
    add.add_argument("--unit", help="Show the note only where this unit is in view.")
    listing.add_argument("--from", dest="date_from", type=_date)
    listing.add_argument("--to", dest="date_to", type=_date)
    for name in ("region", "unit"):
        listing.add_argument(f"--{name}", action="append", default=[],
                             help="Repeat to select several.")
    listing.add_argument("--json", action="store_true")
    for parser in (edit, remove):
        parser.add_argument("id", type=int, help="The note's id (see `annotate list`).")
    edit.add_argument("--day", type=_date, help="The new day (YYYY-MM-DD).")
    edit.add_argument("--text", help="The new text.")
    edit.add_argument("--region", help="The new region; empty for the whole business.")
    edit.add_argument("--unit", help="The new unit; empty for the whole business.")


def _absolute(argv: list[str], args) -> list[str]:
    """``argv`` with a relative path (FILE, MAP.csv, an --out file, a backup's DIR) made
    absolute, for a process with another directory."""
    paths = {str(p) for p in (getattr(args, name, None)
                              for name in ("file", "wide_map", "out", "directory"))
             if p is not None}
    return [str(Path(a).resolve()) if a and str(Path(a)) in paths else a for a in argv]


def _open(args) -> Store:
    return Store(db_path(args.db), memory_limit=SETTINGS["memory_limit"].value() or None)


def _ask(connection: channel.Connection, request: list[str], verb: str, out: TextIO,
         err: TextIO) -> int | None:
    """The exit code of the work the dashboard did, or None when it died doing it."""
    try:
        with connection:
            reply = connection.ask(request)
    except channel.Lost:
        err.write(f"The process holding the store stopped before `{verb}` finished; what it "
                  "had begun is whole or absent (one transaction). Running it here once the "
                  "store is free.\n")
        return None
    except (channel.Rejected, channel.BadRequest) as refused:
        err.write(f"The dashboard cannot run this command: {refused}\n")
        return EXIT_USAGE
    out.write(reply.out)
    err.write(reply.err)
    return reply.code


def _elsewhere(argv: list[str], args, locked: StoreLocked, out: TextIO, err: TextIO) -> int:
    """Hand the work to the dashboard holding the store, or run it once the store is free.

    A dashboard that dies while working drops the connection: the work it had begun is whole
    or absent (every write is one transaction), and the command takes the store itself. It
    gives the dying process :data:`RELEASE_SECONDS` to let go of the store, once, so that a
    dashboard dropping every connection cannot keep it waiting forever.
    """
    wait = float(SETTINGS["wait"].value(None if args.wait is None else str(args.wait)))
    started = time.monotonic()
    deadline = started + wait
    request = _absolute(argv, args)
    said: set[str] = set()
    lost_before = False

    def say_once(text: str) -> None:
        if text not in said:
            said.add(text)
            err.write(text)

    while True:
        try:
            connection = channel.connect(locked.path)
        except channel.UnsafeChannel as unsafe:
            connection = None
            say_once(f"{locked} Its channel is not private, so nothing is handed to it: {unsafe}\n")
        if connection is None:
            say_once(f"{locked} It takes no requests; waiting up to {wait:g} s for it.\n")
        else:
            err.write(f"{locked} Handing `{args.verb}` to it.\n")
            code = _ask(connection, request, args.verb, out, err)
            if code is not None:
                return code
            if not lost_before:
                deadline = max(deadline, time.monotonic() + RELEASE_SECONDS)
            lost_before = True
        try:
            store = _open(args)
        except StoreLocked as still:
            locked = still
        except StoreError as error:
            err.write(f"{error}\n")
            return EXIT_USAGE
        else:
            with store:
                return args.func(args, store, out, err)
        if time.monotonic() >= deadline:
            err.write(f"Gave up after {time.monotonic() - started:.0f} s: {locked} It takes no "
                      "requests; try again when it has finished, or stop it.\n")
            return EXIT_BUSY
        time.sleep(POLL_SECONDS)


def run(argv: list[str], out: TextIO, err: TextIO, store: Store | None = None,
        user: str | None = None) -> int:
    """Run one command; with ``store`` given (the dashboard's), on that store.

    ``user`` is who asked (the dashboard passes the user handing the work over); batches are
    recorded as loaded by them, by default the user running this process. Any unexpected
    error becomes exit 4 with one line on ``err`` and the traceback in the error log.
    """
    try:
        return _run(argv, out, err, store, user or os_user())
    except Exception as error:
        err.write(errorlog.record(error, f"python -m satisfaction {' '.join(argv)}") + "\n")
        return EXIT_INTERNAL


def _run(argv: list[str], out: TextIO, err: TextIO, store: Store | None, user: str) -> int:
    parser = build_parser(out, err)
    try:
        args, rest = parser.parse_known_args(argv)
        if rest and args.func is not cmd_bench:
            parser.error(f"unrecognized arguments: {' '.join(rest)}")
    except _ParserExit as stop:
        return EXIT_OK if stop.code == 0 else EXIT_USAGE
    args.options = rest
    args.user = user
    if args.func in (cmd_template, cmd_bench):  # no store needed
        return args.func(args, None, out, err)
    if store is not None:
        return args.func(args, store, out, err)
    try:
        opened = _open(args)
    except StoreLocked as locked:
        return _elsewhere(argv, args, locked, out, err)
    except StoreError as error:
        err.write(f"{error}\n")
        return EXIT_USAGE
    with opened:
        return args.func(args, opened, out, err)


def main() -> None:
    sys.exit(run(sys.argv[1:], sys.stdout, sys.stderr))
