"""Whole-script rerun time and page payload of the dashboard on synthetic tables.

    python -m bench.rerun [--events 100k,1m] [--repeats 5] [--json FILE]
    python -m bench.rerun --store bench/out/store-1000000.duckdb [--store ...]

Each size runs in a fresh process: synthetic parser-output tables (bench/tables.py) are put in
place of the parsed corpus (or, with --store, the app opens a DuckDB store through
STANCE_STORE, e.g. one `python -m bench --only store` built), then app.py runs under streamlit.testing's AppTest, which executes
the whole script as the server would for one rerun (sidebar, page, figures, tables; without
the websocket and the browser). Timed per page:

  same view    a rerun that changes nothing (a row click, a widget that moves no filter)
  new filter   a filter state not seen before (the stance filter set to a new value)
  seen filter  back to a filter state computed before (cache hit)

"payload" is the serialized size of every element the run sends (protobuf bytes, figures and
table pages included): what one page costs on the wire. Works on the code before the pages
(one long page) as well, so before/after figures come from the same script.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from stance.tables import STANCES

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
PAGES = ("overview", "country", "relations", "tables")


def _payload(node) -> int:
    total = 0
    proto = getattr(node, "proto", None)
    if proto is not None and hasattr(proto, "ByteSize"):
        total += proto.ByteSize()
    for child in getattr(node, "children", {}).values():
        total += _payload(child)
    return total


def _install(events: int):
    """Synthetic tables in place of the parsed corpus (both code layouts)."""
    from .tables import synthetic_tables

    raw = synthetic_tables(events, seed=1)
    try:
        from dashboard import shell
    except ImportError:  # before the pages: one long page in dashboard/views.py
        from dashboard import views
        from dashboard.model import prepare
        from dashboard.names import name_map

        po = raw.positions
        names = name_map([(po["country_iso3"], po["country"])])
        tables = prepare(raw, names)
        views.load_corpus = lambda folder: (tables, names)
        return None
    tables, names = shell.prepared(raw)
    shell.load_corpus = lambda folder: (tables, names, f"synthetic-{events}")
    return shell


def measure(events: int, repeats: int, store: str | None = None) -> dict:
    """One size: synthetic tables in pandas, or (`store`) the app on a DuckDB store."""
    from streamlit import logger
    from streamlit.testing.v1 import AppTest

    logger.set_log_level("error")
    t0 = time.perf_counter()
    if store:
        import os

        from stance.warehouse import Warehouse

        os.environ["STANCE_STORE"] = store
        with Warehouse(store) as wh:  # opened for writing once: an older format is upgraded
            events = wh.row("SELECT count(*) FROM events")[0]
        has_pages = True
    else:
        has_pages = _install(events) is not None
    setup_s = time.perf_counter() - t0
    at = AppTest.from_file(str(APP), default_timeout=600)
    t0 = time.perf_counter()
    at.run()
    first_s = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    pages = PAGES if has_pages else ("one page",)
    stances = list(STANCES)
    out: dict = {"events": events, "setup_s": setup_s, "first_run_s": first_s, "pages": {},
                 "source": "store" if store else "pandas"}
    for name in pages:
        if has_pages:
            at.switch_page(f"app_pages/{name}.py")
        t0 = time.perf_counter()
        at.run()
        switch_s = time.perf_counter() - t0
        same, new, seen = [], [], []
        for i in range(repeats):
            t0 = time.perf_counter()
            at.run()
            same.append(time.perf_counter() - t0)
        box = next(m for m in at.sidebar.multiselect if m.label == "Stance")
        for i in range(repeats):
            box.set_value([stances[i % len(stances)], stances[(i + 1) % len(stances)]][: 1 + i // 4])
            t0 = time.perf_counter()
            at.run()
            new.append(time.perf_counter() - t0)
            box = next(m for m in at.sidebar.multiselect if m.label == "Stance")
        for i in range(repeats):
            box.set_value([] if i % 2 == 0 else [stances[0]])
            t0 = time.perf_counter()
            at.run()
            seen.append(time.perf_counter() - t0)
            box = next(m for m in at.sidebar.multiselect if m.label == "Stance")
        box.set_value([])
        at.run()
        if at.exception:
            raise RuntimeError(at.exception[0].message)
        out["pages"][name] = {
            "switch_s": switch_s, "same_view_s": statistics.median(same),
            "new_filter_s": statistics.median(new), "new_filter_max_s": max(new),
            "seen_filter_s": statistics.median(seen), "payload_bytes": _payload(at._tree),
        }
    return out


def report(res: dict) -> str:
    lines = [f"{res['events']:,} events ({res.get('source', 'pandas')}): first run {res['first_run_s']:.2f} s "
             f"(tables built in {res['setup_s']:.1f} s)"]
    for name, r in res["pages"].items():
        lines.append(f"  {name:10s} same view {r['same_view_s'] * 1000:6.0f} ms · new filter "
                     f"{r['new_filter_s'] * 1000:6.0f} ms (max {r['new_filter_max_s'] * 1000:.0f})"
                     f" · seen filter {r['seen_filter_s'] * 1000:6.0f} ms · payload "
                     f"{r['payload_bytes'] / 1e6:.2f} MB")
    return "\n".join(lines)


def _ints(text: str) -> list[int]:
    out = []
    for part in text.split(","):
        part = part.strip().lower()
        mult = 1_000_000 if part.endswith("m") else 1000 if part.endswith("k") else 1
        out.append(int(float(part.rstrip("mk")) * mult))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.rerun", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--events", default="100k,1m")
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--json", type=Path)
    p.add_argument("--store", action="append", default=[],
                   help="a DuckDB store to run the app on (STANCE_STORE) instead of synthetic "
                        "tables in pandas; repeat for several (then --events is ignored)")
    p.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: one size, this process
    p.add_argument("--one-store", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.one or args.one_store:
        print("@@RESULT@@" + json.dumps(measure(args.one or 0, args.repeats, args.one_store)))
        return 0
    results = []
    runs = [["--one-store", s] for s in args.store] or [["--one", str(n)] for n in _ints(args.events)]
    for run in runs:
        proc = subprocess.run([sys.executable, "-m", "bench.rerun", *run,
                               "--repeats", str(args.repeats)], cwd=ROOT, capture_output=True,
                              text=True)
        if "@@RESULT@@" not in proc.stdout:
            raise RuntimeError(proc.stderr[-3000:])
        res = json.loads(proc.stdout.rsplit("@@RESULT@@", 1)[1].strip().splitlines()[0])
        print(report(res), flush=True)
        results.append(res)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
