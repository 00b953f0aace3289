"""Score the parser against the hand-annotated dev set (`tests/devset`).

Each gold file (`gold/<stem>.json`) says, for one article, what a careful reader finds in it:
the publication date of every document on the page, the distinct dated events, the explicit
positions (named, on_behalf_of_group, bloc) and the count claims. Scoring compares, per file,
multisets of key tuples, so the numbers say how many facts the parser got right, missed or
invented, independently of offsets and wording:

- documents: (published,)                          one per document, multiset
- events:    (date, date_precision)                distinct, only rows with a date
- positions: (country-or-bloc, stance, toward, class) distinct; class is "named" for
             named/on_behalf_of_group rows and "bloc" for bloc rows (key = the bloc id);
             derived member_of_group/roster rows are ignored
- claims:    (count, qualifier, stance, toward)    distinct

Precision, recall and F1 are micro-averaged over files, per table and overall.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import pandas as pd

from .tables import ARTICLE_SUFFIXES, QUALIFIERS, STANCES, TABLE_NAMES

SCORED_BASES = {"named": "named", "on_behalf_of_group": "named", "bloc": "bloc"}
BLOCS = (
    "EU", "NAM", "AFRICAN_GROUP", "OIC", "GOF_UN_CHARTER", "G7", "ASEAN", "G20", "BRICS", "GCC",
    "ARAB_LEAGUE", "AU", "NATO", "SCO",
)
DEFAULT_DEVSET = Path(__file__).resolve().parent.parent / "tests" / "devset"
DEFAULT_NEWS = Path(__file__).resolve().parent.parent / "tests" / "news" / "dev"
CHECK_NEWS = Path(__file__).resolve().parent.parent / "tests" / "news" / "check"
SCORE_COLUMNS = ["table", "tp", "fp", "fn", "precision", "recall", "f1"]

_DATE_RE = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$"),
    "year": re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$"),
}
_DATE_LEN = {"day": 10, "month": 7, "year": 4}

Key = tuple


class GoldError(ValueError):
    """A gold file cannot be read or breaks the gold schema."""


# ---------------------------------------------------------------- gold files

def load_gold(folder: Path) -> dict[str, dict]:
    """Read every `*.json` gold file; `folder` is the gold folder or the devset holding `gold/`.

    Returns article file name -> gold dict. Raises GoldError on unreadable JSON, a missing
    "file" key or two gold files claiming the same article.
    """
    folder = Path(folder)
    if (folder / "gold").is_dir():
        folder = folder / "gold"
    if not folder.is_dir():
        raise GoldError(f"gold folder not found: {folder}")
    gold: dict[str, dict] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GoldError(f"{path.name}: cannot read gold file: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("file"), str) or not data["file"]:
            raise GoldError(f"{path.name}: gold file needs a non-empty \"file\" string")
        name = data["file"]
        if name in gold:
            raise GoldError(f"{path.name}: article {name!r} already has a gold file")
        gold[name] = data
    return gold


def _iso3_codes() -> set[str]:
    import pycountry  # imported here: only validation needs it

    return {c.alpha_3 for c in pycountry.countries}


def validate_gold(gold: Mapping[str, dict], articles: Path | None = None) -> list[str]:
    """Every problem found in the gold files (empty list = valid).

    Checks the vocabularies of tables.py, ISO 3166 alpha-3 codes, bloc ids, date shapes per
    precision, that bloc rows carry a group and no country, and (when `articles` is given)
    that each gold file has its article and its stem.
    """
    iso3 = _iso3_codes()
    problems: list[str] = []

    def bad(name: str, msg: str) -> None:
        problems.append(f"{name}: {msg}")

    def check_country(name: str, where: str, code: Any, allow_empty: bool) -> None:
        if not isinstance(code, str) or (code == "" and not allow_empty) or (code and code not in iso3):
            bad(name, f"{where}: bad ISO3 code {code!r}")

    for name, data in gold.items():
        absent = [t for t in TABLE_NAMES if not isinstance(data.get(t), list)]
        if absent:
            bad(name, f"missing list(s) {absent}")
            continue
        if not data["documents"]:
            bad(name, "needs at least one document")
        for i, doc in enumerate(data["documents"]):
            pub = doc.get("published") if isinstance(doc, dict) else None
            if not isinstance(pub, str) or (pub and not _DATE_RE["day"].match(pub)):
                bad(name, f"documents[{i}]: published must be YYYY-MM-DD or '' (got {pub!r})")
        seen_events: set[Key] = set()
        for i, ev in enumerate(data["events"]):
            prec = ev.get("date_precision") if isinstance(ev, dict) else None
            date = ev.get("date") if isinstance(ev, dict) else None
            if prec not in _DATE_RE:
                bad(name, f"events[{i}]: date_precision must be day|month|year (got {prec!r})")
                continue
            if not isinstance(date, str) or not _DATE_RE[prec].match(date):
                bad(name, f"events[{i}]: date {date!r} does not fit precision {prec}")
                continue
            key = (date[: _DATE_LEN[prec]], prec)
            if key in seen_events:
                bad(name, f"events[{i}]: duplicate event {key}")
            seen_events.add(key)
        for i, pos in enumerate(data["positions"]):
            where = f"positions[{i}]"
            if not isinstance(pos, dict):
                bad(name, f"{where}: not an object")
                continue
            basis, group = pos.get("basis"), pos.get("group", "")
            if basis not in SCORED_BASES:
                bad(name, f"{where}: basis must be named|on_behalf_of_group|bloc (got {basis!r})")
            if pos.get("stance") not in STANCES:
                bad(name, f"{where}: stance {pos.get('stance')!r} not in {STANCES}")
            check_country(name, where + ".toward_iso3", pos.get("toward_iso3"), True)
            if group not in ("",) + BLOCS:
                bad(name, f"{where}: unknown group {group!r}")
            if basis == "bloc":
                if pos.get("country_iso3") != "" or not group:
                    bad(name, f"{where}: bloc rows need country_iso3 '' and a group")
            elif basis in SCORED_BASES:
                check_country(name, where + ".country_iso3", pos.get("country_iso3"), False)
                if basis == "named" and group:
                    bad(name, f"{where}: named rows take no group")
        for i, claim in enumerate(data["claims"]):
            where = f"claims[{i}]"
            if not isinstance(claim, dict):
                bad(name, f"{where}: not an object")
                continue
            count = claim.get("count")
            if not isinstance(count, int) or isinstance(count, bool) or count <= 0:
                bad(name, f"{where}: count must be a positive integer (got {count!r})")
            if claim.get("qualifier") not in QUALIFIERS:
                bad(name, f"{where}: qualifier {claim.get('qualifier')!r} not in {QUALIFIERS}")
            if claim.get("stance") not in STANCES:
                bad(name, f"{where}: stance {claim.get('stance')!r} not in {STANCES}")
            check_country(name, where + ".toward_iso3", claim.get("toward_iso3"), True)
        if articles is not None and not (Path(articles) / name).is_file():
            bad(name, f"article not found in {articles}")
    return problems


# ---------------------------------------------------------------- key tuples

def _norm_date(date: str, precision: str) -> str:
    """Compare dates only as far as their precision reaches ("2021-06" == "2021-06-01")."""
    return date[: _DATE_LEN.get(precision, len(date))]


def _text(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def _document_key(row: Mapping) -> Key | None:
    return (_text(row.get("published"))[:10],)


def _event_key(row: Mapping) -> Key | None:
    date, prec = _text(row.get("date")), _text(row.get("date_precision"))
    if not date:
        return None
    return (_norm_date(date, prec), prec)


def _position_key(row: Mapping) -> Key | None:
    cls = SCORED_BASES.get(_text(row.get("basis")))
    if cls is None:
        return None
    holder = _text(row.get("group")) if cls == "bloc" else _text(row.get("country_iso3"))
    return (holder, _text(row.get("stance")), _text(row.get("toward_iso3")), cls)


def _claim_key(row: Mapping) -> Key | None:
    count = row.get("count")
    try:
        count = int(count)
    except (TypeError, ValueError):
        return None
    return (count, _text(row.get("qualifier")), _text(row.get("stance")), _text(row.get("toward_iso3")))


_KEYS: dict[str, tuple[Callable[[Mapping], Key | None], bool]] = {
    # table -> (key function, distinct per file?)
    "documents": (_document_key, False),
    "events": (_event_key, True),
    "positions": (_position_key, True),
    "claims": (_claim_key, True),
}


def _counter(rows: Iterable[Mapping], table: str) -> Counter:
    key_fn, distinct = _KEYS[table]
    keys = [k for k in (key_fn(r) for r in rows) if k is not None]
    return Counter(set(keys)) if distinct else Counter(keys)


def _table_of(tables: Any, name: str) -> pd.DataFrame:
    df = tables.get(name) if isinstance(tables, Mapping) else getattr(tables, name, None)
    return df if isinstance(df, pd.DataFrame) else pd.DataFrame()


def _predicted_by_file(tables: Any, table: str, files: Iterable[str]) -> dict[str, Counter]:
    """Parser rows of one table grouped by article file name (paths reduced to the name)."""
    wanted = set(files)
    df = _table_of(tables, table)
    out: dict[str, Counter] = {f: Counter() for f in wanted}
    if df.empty or "file" not in df.columns:
        return out
    names = df["file"].map(lambda f: Path(_text(f)).name)
    for name, part in df.groupby(names, sort=False):
        if name in wanted:
            out[name] = _counter(part.to_dict("records"), table)
    return out


def _gold_counter(data: Mapping, table: str) -> Counter:
    return _counter(data.get(table, []), table)


# ---------------------------------------------------------------- scoring

def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision/recall/F1; an empty denominator counts as perfect (nothing to get wrong)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def compare(tables: Any, gold: Mapping[str, dict]) -> list[dict]:
    """Per file and table: the keys matched, missed (in gold only) and falsely found."""
    out: list[dict] = []
    for table in TABLE_NAMES:
        predicted = _predicted_by_file(tables, table, gold)
        for name in sorted(gold):
            want, got = _gold_counter(gold[name], table), predicted.get(name, Counter())
            out.append({
                "file": name, "table": table,
                "matched": sorted((want & got).elements(), key=repr),
                "missed": sorted((want - got).elements(), key=repr),
                "false": sorted((got - want).elements(), key=repr),
            })
    return out


def score(tables: Any, gold: Mapping[str, dict]) -> pd.DataFrame:
    """Micro-averaged tp/fp/fn and P/R/F1 per table over the files in `gold`.

    `tables` is stance's Tables(documents, events, positions, claims) (or a dict of the same
    DataFrames); rows for files not in `gold` are ignored.
    """
    totals = {t: [0, 0, 0] for t in TABLE_NAMES}
    for item in compare(tables, gold):
        acc = totals[item["table"]]
        acc[0] += len(item["matched"])
        acc[1] += len(item["false"])
        acc[2] += len(item["missed"])
    rows = []
    for table in TABLE_NAMES:
        tp, fp, fn = totals[table]
        rows.append([table, tp, fp, fn, *_prf(tp, fp, fn)])
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def overall(scores: pd.DataFrame) -> dict:
    """The micro-average over all tables of a `score` result."""
    tp, fp, fn = (int(scores[c].sum()) for c in ("tp", "fp", "fn"))
    precision, recall, f1 = _prf(tp, fp, fn)
    return {"table": "overall", "tp": tp, "fp": fp, "fn": fn,
            "precision": precision, "recall": recall, "f1": f1}


def article_paths(devset: Path, gold: Mapping[str, dict]) -> list[Path]:
    """The devset articles that have gold, in name order."""
    folder = Path(devset) / "articles"
    return [folder / name for name in sorted(gold) if (folder / name).is_file()]


def devset_scores(devset: Path | None = None) -> pd.DataFrame:
    """Parse the dev set with `stance.parse_corpus` and score it (for the lead's F1 gates)."""
    devset = Path(devset) if devset else DEFAULT_DEVSET
    gold = load_gold(devset / "gold")
    from . import parse_corpus  # late import: the parser imports much more than scoring needs

    return score(parse_corpus(article_paths(devset, gold)), gold)


# ---------------------------------------------------------------- CLI

def format_scores(scores: pd.DataFrame) -> str:
    """A plain text table with an overall line."""
    rows = scores.to_dict("records") + [overall(scores)]
    lines = [f"{'table':<10} {'tp':>5} {'fp':>5} {'fn':>5} {'prec':>6} {'rec':>6} {'f1':>6}"]
    for r in rows:
        if r["table"] == "overall":
            lines.append("-" * len(lines[0]))
        lines.append(
            f"{r['table']:<10} {r['tp']:>5} {r['fp']:>5} {r['fn']:>5} "
            f"{r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}"
        )
    return "\n".join(lines)


def format_details(items: list[dict]) -> str:
    """Misses and false hits, grouped by file then table."""
    lines: list[str] = []
    current = None
    for item in items:
        if not item["missed"] and not item["false"]:
            continue
        if item["file"] != current:
            current = item["file"]
            lines.append(f"\n== {current}")
        for key in item["missed"]:
            lines.append(f"  {item['table']:<9} MISS  {key}")
        for key in item["false"]:
            lines.append(f"  {item['table']:<9} FALSE {key}")
    return "\n".join(lines) if lines else "\n(no misses, no false hits)"


def _in_checkout(default: Path, cwd: Path) -> Path:
    """`default` (beside the package, in a source checkout) when it exists, else the same path
    under `cwd` (an installed package run from a checkout)."""
    if default.is_dir():
        return default
    return cwd / default.relative_to(Path(__file__).resolve().parent.parent)


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of `stance eval` (used by the `stance` command and by `main`)."""
    parser.add_argument("--devset", type=Path, default=_in_checkout(DEFAULT_DEVSET, Path.cwd()),
                        help="folder with articles/ and gold/ (default: tests/devset)")
    parser.add_argument("--details", action="store_true",
                        help="list misses and false hits per file")
    parser.add_argument("--news", type=Path, action="append", default=None, metavar="DIR",
                        help="also score a news set (articles/ + gold/ in the annotation format of real "
                             f"articles; default: {DEFAULT_NEWS.relative_to(DEFAULT_NEWS.parent.parent.parent)})")
    parser.add_argument("--check", action="store_true",
                        help=f"also score the held-out check set ({CHECK_NEWS.name}): only when a piece of work is done")
    return parser


def main(argv: list[str] | None = None) -> int:
    """`python -m stance eval [--devset DIR] [--details]`: print the score table."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    if args_in[:1] == ["eval"]:
        args_in = args_in[1:]
    parser = add_arguments(argparse.ArgumentParser(prog="stance eval", description="Score the parser on the dev set."))
    return run(parser.parse_args(args_in))


def run(args: argparse.Namespace) -> int:
    """Score the dev set (and the news sets) as `args` asks; print the tables; 0 when all scored."""
    if not args.devset.is_dir():
        print(f"error: no dev set at {args.devset} (the dev sets ship with the source checkout, not with "
              f"the installed package: run from a checkout or pass --devset DIR)", file=sys.stderr)
        return 2
    default_news, check_news = (_in_checkout(p, Path.cwd()) for p in (DEFAULT_NEWS, CHECK_NEWS))
    news_sets = list(args.news or ([default_news] if default_news.is_dir() else []))
    if args.check:
        news_sets.append(check_news)
    try:
        gold = load_gold(args.devset / "gold")
    except GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not gold:
        print(f"error: no gold files in {args.devset / 'gold'}", file=sys.stderr)
        return 2
    paths = article_paths(args.devset, gold)
    missing = sorted(set(gold) - {p.name for p in paths})
    if missing:
        print(f"warning: no article for gold file(s): {', '.join(missing)}", file=sys.stderr)
    from . import parse_corpus

    tables = parse_corpus(paths)
    scores = score(tables, gold)
    print(f"dev set: {len(paths)} articles, {args.devset}")
    print(format_scores(scores))
    if args.details:
        print(format_details(compare(tables, gold)))
    from .newsscore import format_tallies, score_news_set

    for folder in news_sets:
        if not (folder / "gold").is_dir():
            print(f"error: no gold folder in {folder}", file=sys.stderr)
            return 2
        misses: list[str] = []
        tallies = score_news_set(folder, misses)
        print()
        print(format_tallies(f"news set: {folder}", tallies))
        print(f"overall F1 {tallies['overall'].prf()[2]:.3f}")
        if args.details:
            print("\n".join(misses))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
