"""The `stance` command: `stance parse PATH... --out DIR`, `stance eval`, `stance --version`.

Also run as `python -m stance ...`. Progress goes to stderr through tqdm, only when stderr is a
terminal (and not with `--quiet`), so logs and pipes stay clean. File names and messages that
come from the input are printed with control characters escaped: a name holding a newline or an
ANSI escape cannot forge a line or recolour the terminal.
"""
from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from pathlib import Path
from typing import TextIO

from . import evaluate
from .csvsafe import write_csv
from .pipeline import PARSER_VERSION, Progress, parse_corpus
from .tables import TABLE_NAMES, Tables
from .version import __version__

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


def _parse(args: argparse.Namespace) -> int:
    progress, bar = progress_bar(sys.stderr, not args.quiet and sys.stderr.isatty())
    try:
        tables: Tables = parse_corpus(args.paths, workers=args.workers, cache_dir=args.cache, progress=progress)
    finally:
        if bar is not None:
            bar.close()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in zip(TABLE_NAMES, tables):
        write_csv(frame, out / f"{name}.csv")
    docs = tables.documents
    failed = docs[docs["status"] != "ok"]
    for _, row in failed.iterrows():
        print(f"skipped {printable(row['file'])}: {printable(row['error'] or row['status'])}", file=sys.stderr)
    noted = docs[(docs["status"] == "ok") & (docs["warning"] != "")]
    for _, row in noted.drop_duplicates("file").iterrows():
        print(f"warning: {printable(row['file'])}: {printable(row['warning'])}", file=sys.stderr)
    readable = int((docs["status"] == "ok").sum())
    print(f"{readable} document(s) from {docs['file'].nunique()} file(s): {len(tables.events)} events, "
          f"{len(tables.positions)} positions, {len(tables.claims)} claims -> {printable(str(out))}")
    if readable == 0:
        print("error: nothing could be read", file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `stance` command (every subcommand and option)."""
    parser = argparse.ArgumentParser(prog="stance", description="Dated events and country positions from news articles.")
    parser.add_argument("--version", action="version", version=f"stance {__version__} (parser {PARSER_VERSION})")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = sub.add_parser("parse", help="parse articles into documents/events/positions/claims CSV files",
                           description="Parse .txt, .md and .html articles into the four CSV tables.")
    parse.add_argument("paths", nargs="+", help=".txt, .md or .html files, or folders of them")
    parse.add_argument("--out", required=True, help="folder for the four CSV files")
    parse.add_argument("--workers", type=int, default=1, help="parse in this many processes (default 1)")
    parse.add_argument("--cache", default=None, help="folder for the parsed-table cache (parse only new or changed files)")
    parse.add_argument("--quiet", action="store_true", help="no progress bar (there is none when stderr is not a terminal)")
    parse.set_defaults(func=_parse)
    scoring = sub.add_parser("eval", help="score the parser on the dev set (precision, recall, F1 per table)",
                             description="Score the parser on the dev set and the news dev set.")
    evaluate.add_arguments(scoring)
    scoring.set_defaults(func=evaluate.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    return args.func(args)
