"""The parser's output never depends on the day it runs (issue 9): the sample corpus and the dev
sets parse to identical tables with the clock faked to dates years apart."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import time_machine

from stance import parse_corpus

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "data" / "articles", ROOT / "tests" / "devset" / "articles",
           ROOT / "tests" / "news" / "dev" / "articles"]


def _parse() -> list:
    paths = [p for p in CORPORA if p.is_dir() and any(p.iterdir())]
    tables = parse_corpus(paths)
    return [frame.to_csv(index=False) for frame in tables]


def test_tables_do_not_depend_on_the_clock():
    with time_machine.travel(dt.datetime(2003, 2, 14, 9, 0, tzinfo=dt.timezone.utc), tick=False):
        assert dt.date.today() == dt.date(2003, 2, 14)
        early = _parse()
    with time_machine.travel(dt.datetime(2041, 11, 3, 22, 0, tzinfo=dt.timezone.utc), tick=False):
        assert dt.date.today() == dt.date(2041, 11, 3)
        late = _parse()
    assert early == late
    assert early[1].count("\n") > 10   # events were found


def test_no_clock_calls_in_the_date_package():
    import ast

    for path in sorted((ROOT / "stance" / "dates").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                assert node.func.attr not in ("today", "now", "utcnow"), f"{path.name}:{node.lineno}"
