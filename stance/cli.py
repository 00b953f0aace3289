"""The `stance` command: `stance parse PATH... --out DIR`, `stance ingest PATH...`, `stance eval`,
`stance --version`.

Also run as `python -m stance ...`. Progress goes to stderr through tqdm, only when stderr is a
terminal (and not with `--quiet`), so logs and pipes stay clean. File names and messages that
come from the input are printed with control characters escaped: a name holding a newline or an
ANSI escape cannot forge a line or recolour the terminal.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import unicodedata
from pathlib import Path
from typing import TextIO

from . import evaluate
from .csvsafe import write_csv
from .dask_engine import EngineError
from .outset import FORMATS, check_out, write_set
from .pipeline import ENGINES, PARSER_VERSION, Progress, parse_corpus
from .tables import TABLE_NAMES, Tables
from .version import __version__
from .warehouse import DEFAULT_NAME

_ESCAPED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}  # controls, format (bidi), line/para separators
_SHORT_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` with backslashes and control / format / separator characters as escapes (\\n, \\x1b,
    \\u202e), so one value prints as one unambiguous line."""
    out = []
    for ch in str(text):
        cp = ord(ch)
        if ch in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[ch])
        elif unicodedata.category(ch) not in _ESCAPED_CATEGORIES:
            out.append(ch)
        elif cp < 0x100:
            out.append(f"\\x{cp:02x}")
        elif cp < 0x10000:
            out.append(f"\\u{cp:04x}")
        else:
            out.append(f"\\U{cp:08x}")
    return "".join(out)


def progress_bar(stream: TextIO, enabled: bool) -> tuple[Progress | None, "object | None"]:
    """A `parse_corpus` progress callback drawing files done, articles/s and time left with tqdm
    (None when disabled), and the bar to close afterwards."""
    if not enabled:
        return None, None
    from tqdm import tqdm

    bar = tqdm(total=0, unit="file", file=stream, dynamic_ncols=True, leave=False)
    started = time.monotonic()

    def update(done: int, total: int, articles: int) -> None:
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)
        elapsed = time.monotonic() - started
        bar.set_postfix_str(f"{articles} articles, {articles / elapsed if elapsed > 0 else 0.0:.1f} articles/s",
                            refresh=False)

    return update, bar


def _workers(requested: int) -> int:
    """At least 1, at most the machine's CPU count (with a note when capped)."""
    cpus = os.cpu_count() or 1
    if requested > cpus:
        print(f"note: --workers {requested} capped at {cpus} (the CPUs on this machine)", file=sys.stderr)
        return cpus
    return max(1, requested)


def _write_tables(tables: Tables, fmt: str):
    def write(folder: str) -> None:
        if fmt == "parquet":
            from .dask_engine import write_partition

            write_partition(tables, folder, 0)
        else:
            for name, frame in zip(TABLE_NAMES, tables):
                write_csv(frame, Path(folder) / f"{name}.csv")
    return write


def _parse(args: argparse.Namespace) -> int:
    problem = check_out(args.out, args.format)
    if problem:
        print(f"error: {printable(problem)}", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    workers = args.workers if args.engine == "dask" and args.scheduler else _workers(args.workers)
    progress, bar = progress_bar(sys.stderr, not args.quiet and sys.stderr.isatty())
    try:
        if args.engine == "dask" and args.format == "parquet" and not args.cache:
            docs, counts = _parse_dask_parquet(args, workers)
        else:
            tables: Tables = parse_corpus(args.paths, workers=workers, cache_dir=args.cache, engine=args.engine,
                                          scheduler=args.scheduler, progress=progress)
            write_set(args.out, _write_tables(tables, args.format))
            docs, counts = tables.documents, [len(t) for t in tables]
    except EngineError as exc:
        print(f"error: {printable(str(exc))}", file=sys.stderr)
        return 2
    finally:
        if bar is not None:
            bar.close()
    failed = docs[docs["status"] != "ok"]
    for _, row in failed.iterrows():
        print(f"skipped {printable(row['file'])}: {printable(row['error'] or row['status'])}", file=sys.stderr)
    if "warning" in docs.columns:
        noted = docs[(docs["status"] == "ok") & (docs["warning"] != "")]
        for _, row in noted.drop_duplicates("file").iterrows():
            print(f"warning: {printable(row['file'])}: {printable(row['warning'])}", file=sys.stderr)
    readable = int((docs["status"] == "ok").sum())
    print(f"{readable} document(s) from {docs['file'].nunique()} file(s): {counts[1]} events, "
          f"{counts[2]} positions, {counts[3]} claims -> {printable(str(args.out))}")
    if readable == 0:
        print("error: nothing could be read", file=sys.stderr)
        return 1
    return 0


def _parse_dask_parquet(args: argparse.Namespace, workers: int):
    """Workers write their own partitions (the client never holds the corpus); then the
    documents table is read back for the summary."""
    import pandas as pd

    from .dask_engine import batches, connect, write_parquet_dask, write_partition
    from .pipeline import _prefixes_of, _stack_rows, parse_rows
    from .reading import collect_paths

    found, errors = collect_paths(args.paths)
    counts: list[int] = [0, 0, 0, 0]

    def write(folder: str) -> None:
        with connect(args.scheduler, workers=workers) as client:
            n = len(client.scheduler_info().get("workers", {})) or 1
            counts[:] = write_parquet_dask(found, _prefixes_of([p.name for p in found]), client, folder)
            extra = _stack_rows([parse_rows(e) for e in errors])
            write_partition(extra, folder, len(batches(len(found), n)))
        counts[0] += len(extra.documents)

    write_set(args.out, write)
    docs = pd.read_parquet(args.out.rstrip("/") + "/documents", columns=["file", "status", "error", "warning"])
    return docs, counts


def _ingest(args: argparse.Namespace) -> int:
    from .warehouse import IngestError, Warehouse

    try:
        with Warehouse(args.store) as store:
            report = store.ingest_paths(args.paths)
            total = store.counts()
    except IngestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for file, message in report.unreadable:
        print(f"skipped {printable(file)}: {printable(message)}", file=sys.stderr)
    print(f"{len(report.added)} file(s) added ({report.rows[1]} events, {report.rows[2]} positions, "
          f"{report.rows[3]} claims), {len(report.duplicates)} already stored -> {args.store} "
          f"(now {total['documents']} documents, {total['events']} events)")
    return 0 if report.added or report.duplicates else 1


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `stance` command (every subcommand and option)."""
    parser = argparse.ArgumentParser(prog="stance", description="Dated events and country positions from news articles.")
    parser.add_argument("--version", action="version", version=f"stance {__version__} (parser {PARSER_VERSION})")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = sub.add_parser("parse", help="parse articles into documents/events/positions/claims tables",
                           description="Parse .txt, .md and .html articles into the four tables.")
    parse.add_argument("paths", nargs="+", help=".txt, .md or .html files, or folders of them")
    parse.add_argument("--out", required=True,
                       help="folder for the four tables, replaced as one set at the end (parquet: or an fsspec URL)")
    parse.add_argument("--format", choices=FORMATS, default="csv",
                       help="csv (four files) or parquet (a partitioned dataset: OUT/<table>/part-*.parquet)")
    parse.add_argument("--workers", type=int, default=1,
                       help="parse in this many processes or LocalCluster workers (default 1, at most the CPU count)")
    parse.add_argument("--engine", choices=ENGINES, default="local",
                       help="local (this machine, default) or dask (a dask.distributed cluster)")
    parse.add_argument("--scheduler", default=None,
                       help="with --engine dask: the scheduler address, e.g. tcp://host:8786 (default: a LocalCluster)")
    parse.add_argument("--cache", default=None, help="folder for the parsed-table cache (parse only new or changed files)")
    parse.add_argument("--quiet", action="store_true", help="no progress bar (there is none when stderr is not a terminal)")
    parse.set_defaults(func=_parse)
    ingest = sub.add_parser("ingest", help="add articles to the DuckDB store (each file content parsed once)",
                            description="Add articles to the DuckDB store; a file already stored is not parsed again.")
    ingest.add_argument("paths", nargs="+", help=".txt, .md or .html files, or folders of them")
    ingest.add_argument("--store", default=str(Path("data") / DEFAULT_NAME),
                        help=f"the store's database file (default data/{DEFAULT_NAME})")
    ingest.set_defaults(func=_ingest)
    scoring = sub.add_parser("eval", help="score the parser on the dev set (precision, recall, F1 per table)",
                             description="Score the parser on the dev set and the news dev set.")
    evaluate.add_arguments(scoring)
    scoring.set_defaults(func=evaluate.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    return args.func(args)
