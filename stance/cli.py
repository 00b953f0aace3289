"""Command line: `python -m stance parse PATH... --out DIR`, `python -m stance ingest PATH...`, `python -m stance eval`."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .csvsafe import write_csv
from .dask_engine import EngineError
from .outset import FORMATS, check_out, write_set
from .pipeline import ENGINES, parse_corpus
from .tables import TABLE_NAMES, Tables
from .warehouse import DEFAULT_NAME


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
        print(f"error: {problem}", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    workers = args.workers if args.engine == "dask" and args.scheduler else _workers(args.workers)
    try:
        if args.engine == "dask" and args.format == "parquet" and not args.cache:
            docs, counts = _parse_dask_parquet(args, workers)
        else:
            tables: Tables = parse_corpus(args.paths, workers=workers, cache_dir=args.cache, engine=args.engine,
                                          scheduler=args.scheduler)
            write_set(args.out, _write_tables(tables, args.format))
            docs, counts = tables.documents, [len(t) for t in tables]
    except EngineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    failed = docs[docs["status"] != "ok"]
    for _, row in failed.iterrows():
        print(f"skipped {row['file']}: {row['error'] or row['status']}", file=sys.stderr)
    readable = int((docs["status"] == "ok").sum())
    print(f"{readable} document(s) from {docs['file'].nunique()} file(s): {counts[1]} events, "
          f"{counts[2]} positions, {counts[3]} claims -> {args.out}")
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
    docs = pd.read_parquet(args.out.rstrip("/") + "/documents", columns=["file", "status", "error"])
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
        print(f"skipped {file}: {message}", file=sys.stderr)
    print(f"{len(report.added)} file(s) added ({report.rows[1]} events, {report.rows[2]} positions, "
          f"{report.rows[3]} claims), {len(report.duplicates)} already stored -> {args.store} "
          f"(now {total['documents']} documents, {total['events']} events)")
    return 0 if report.added or report.duplicates else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m stance", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    parse = sub.add_parser("parse", help="parse articles into documents/events/positions/claims CSV files")
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
    parse.set_defaults(func=_parse)
    ingest = sub.add_parser("ingest", help="add articles to the DuckDB store (each file content parsed once)")
    ingest.add_argument("paths", nargs="+", help=".txt, .md or .html files, or folders of them")
    ingest.add_argument("--store", default=str(Path("data") / DEFAULT_NAME),
                        help=f"the store's database file (default data/{DEFAULT_NAME})")
    ingest.set_defaults(func=_ingest)
    evaluate = sub.add_parser("eval", help="score the parser on the dev set (precision, recall, F1 per table)",
                              add_help=False)
    evaluate.set_defaults(func=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "eval":
        from .evaluate import main as eval_main

        return eval_main(argv[1:])
    args = build_parser().parse_args(argv)
    return args.func(args)
