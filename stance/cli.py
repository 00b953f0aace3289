"""Command line: `python -m stance parse PATH... --out DIR` and `python -m stance eval`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .csvsafe import write_csv
from .pipeline import parse_corpus
from .tables import TABLE_NAMES, Tables


def _parse(args: argparse.Namespace) -> int:
    tables: Tables = parse_corpus(args.paths, workers=args.workers, cache_dir=args.cache)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in zip(TABLE_NAMES, tables):
        write_csv(frame, out / f"{name}.csv")
    docs = tables.documents
    failed = docs[docs["status"] != "ok"]
    for _, row in failed.iterrows():
        print(f"skipped {row['file']}: {row['error'] or row['status']}", file=sys.stderr)
    readable = int((docs["status"] == "ok").sum())
    print(f"{readable} document(s) from {docs['file'].nunique()} file(s): {len(tables.events)} events, "
          f"{len(tables.positions)} positions, {len(tables.claims)} claims -> {out}")
    if readable == 0:
        print("error: nothing could be read", file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m stance", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    parse = sub.add_parser("parse", help="parse articles into documents/events/positions/claims CSV files")
    parse.add_argument("paths", nargs="+", help=".txt, .md or .html files, or folders of them")
    parse.add_argument("--out", required=True, help="folder for the four CSV files")
    parse.add_argument("--workers", type=int, default=1, help="parse in this many processes (default 1)")
    parse.add_argument("--cache", default=None, help="folder for the parsed-table cache (parse only new or changed files)")
    parse.set_defaults(func=_parse)
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
