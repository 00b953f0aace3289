"""One measurement per fresh process: `python -m bench.measure KIND JSON-ARGS` prints JSON.

Why a process each: peak memory (ru_maxrss) is a per-process high-water mark, so only a fresh
process gives the peak of one run; and a fresh process is what a user's CLI run or a dashboard
restart really costs (cold module caches), apart from the interpreter start, which is excluded
(the clock starts after the imports).

Kinds:
  parse     {"folder", "n", "workers", "cache_dir"?, "digest"?}  -> seconds, peak RSS, rows, parsed
  baseline  {"folder", "n"}                                      -> seconds, rows
  dashboard {"events", "repeats", "seed"}                        -> per-interaction timings, JSON sizes
  store_build {"events", "db"}                                   -> a DuckDB store of synthetic tables
  source    {"db"} or {"events"}, "repeats"                      -> each page's work through the
                                                                    dashboard's data source
"""
from __future__ import annotations

import gc
import hashlib
import json
import resource
import statistics
import sys
import time
from pathlib import Path


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0  # Linux reports KiB


def _digest(tables) -> str:
    """Order-sensitive digest of the four tables' contents (to compare 1 vs N workers)."""
    import pandas as pd

    h = hashlib.sha256()
    for df in tables:
        h.update(",".join(df.columns).encode())
        h.update(pd.util.hash_pandas_object(df, index=False).to_numpy().tobytes())
    return h.hexdigest()[:16]


def _paths(folder: str, n: int) -> list[Path]:
    from .generate import file_name

    return [Path(folder) / file_name(i) for i in range(n)]


def parse(args: dict) -> dict:
    import stance.pipeline as pipeline

    paths = _paths(args["folder"], args["n"])
    calls = {"n": 0, "read": 0}
    real, real_read = pipeline.parse_rows, pipeline.read_source

    def counting(*a, **k):  # counts parses done in this process (workers=1)
        calls["n"] += 1
        return real(*a, **k)

    def reading(*a, **k):  # counts files read in this process (workers=1)
        calls["read"] += 1
        return real_read(*a, **k)

    pipeline.parse_rows = counting
    pipeline.read_source = reading
    gc.collect()
    t0 = time.perf_counter()
    tables = pipeline.parse_corpus(paths, workers=args.get("workers", 1), cache_dir=args.get("cache_dir"),
                                   engine=args.get("engine", "local"))
    seconds = time.perf_counter() - t0
    out = {
        "seconds": seconds, "n": len(paths), "workers": args.get("workers", 1),
        "bytes": sum(p.stat().st_size for p in paths),
        "rows": {name: len(df) for name, df in zip(tables._fields, tables)},
        "parsed_in_process": calls["n"], "files_read": calls["read"], "engine": args.get("engine", "local"),
        "parser_version": pipeline.PARSER_VERSION,  # the code may change between runs: compare like with like
        "peak_mb": _peak_mb(resource.RUSAGE_SELF),
        "peak_children_mb": _peak_mb(resource.RUSAGE_CHILDREN),
    }
    if args.get("digest"):
        out["digest"] = _digest(tables)
    return out


def baseline(args: dict) -> dict:
    from . import baseline as base

    texts = [p.read_text(encoding="utf-8") for p in _paths(args["folder"], args["n"])]
    base.parse_text(texts[0])  # warm-up: dateparser builds its language data on first use
    base.country_code.cache_clear()
    t0 = time.perf_counter()
    rows = base.parse_texts(texts)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "n": len(texts), "bytes": sum(len(t.encode()) for t in texts),
            "rows": len(rows), "peak_mb": _peak_mb(resource.RUSAGE_SELF)}


def _interactions():
    from dashboard.filters import Filters

    return {
        "default view": Filters(),
        "stance + implied": Filters(include_implied=True, stances=("support", "oppose")),
        "one year, two countries": Filters(date_from="2018-01-01", date_to="2018-12-31", countries=("CHN", "USA")),
        "topic, by topic lane": Filters(topics=("human rights", "taiwan"), lane="topic"),
    }


def dashboard(args: dict) -> dict:
    from dashboard import charts, paging
    from dashboard.filters import filter_tables
    from dashboard.model import prepare

    from .tables import synthetic_tables

    t0 = time.perf_counter()
    raw = synthetic_tables(args["events"], seed=args.get("seed", 0))
    make_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    tables = prepare(raw)
    prepare_s = time.perf_counter() - t0
    del raw

    def interaction(f):
        t = time.perf_counter()
        view = filter_tables(tables, f)
        t_filter = time.perf_counter() - t
        timeline, info = charts.timeline_figure(view.events, lane=f.lane)
        target = f.target or charts.default_target(view.positions)
        frame = charts.map_frame(view.positions, target)
        world = charts.map_figure(frame, target)
        pages = [paging.page(view.events, 1), paging.page(view.positions, 1), paging.page(view.claims, 1)]
        t_build = time.perf_counter() - t
        fig_json = timeline.to_json(), world.to_json()
        page_json = [p.to_json(orient="records") for p in pages]
        t_total = time.perf_counter() - t
        return {"filter_s": t_filter, "build_s": t_build, "with_json_s": t_total,
                "figure_json_bytes": sum(len(j.encode()) for j in fig_json),
                "timeline_json_bytes": len(fig_json[0].encode()), "map_json_bytes": len(fig_json[1].encode()),
                "page_json_bytes": sum(len(j.encode()) for j in page_json),
                "aggregated": bool(info.aggregated), "bucket": info.bucket, "plotted": info.plotted,
                "map_rows": len(frame), "page_rows": [len(p) for p in pages],
                "view_rows": [len(view.events), len(view.positions), len(view.claims)]}

    results = {}
    for name, f in _interactions().items():
        interaction(f)  # warm-up (plotly validators load lazily)
        runs = [interaction(f) for _ in range(args.get("repeats", 5))]
        summary = dict(runs[-1])
        for key in ("filter_s", "build_s", "with_json_s"):
            summary[key] = statistics.median(r[key] for r in runs)
        summary["runs"] = len(runs)
        results[name] = summary
    return {"events": args["events"], "rows": [len(df) for df in tables], "make_s": make_s,
            "prepare_s": prepare_s, "interactions": results, "peak_mb": _peak_mb(resource.RUSAGE_SELF)}


def store_build(args: dict) -> dict:
    """Fill a DuckDB store with synthetic tables in chunks of 1M events (skipped when it holds them)."""
    from stance.warehouse import Query, Warehouse

    from .tables import synthetic_tables

    db, n = Path(args["db"]), args["events"]
    chunk = min(n, 1_000_000)
    t0 = time.perf_counter()
    with Warehouse(db) as wh:
        have = wh.counts(Query(include_implied=True))["events"]
        if have not in (0, n):
            wh.close()
            db.unlink()
            return store_build(args)
        k = 0
        while have < n:
            size = min(chunk, n - have)
            wh.ingest_tables(synthetic_tables(size, seed=1000 + k, prefix=f"c{k}-"), parser_version="synthetic")
            have, k = have + size, k + 1
        rows = wh.counts(Query(include_implied=True))
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "built": k > 0, "rows": rows, "bytes": db.stat().st_size,
            "peak_mb": _peak_mb(resource.RUSAGE_SELF)}


def _open_source(args: dict):
    """The dashboard's data source of a run: StoreSource on args["db"], else FrameSource on
    synthetic tables of args["events"] events (bench/tables.py) held in pandas."""
    from pathlib import Path as P

    if args.get("db"):
        from dashboard.store_source import StoreSource, store_key
        from stance.warehouse import Warehouse

        wh = Warehouse(args["db"], read_only=True)
        src = StoreSource(wh, store_key(wh), P("."))
        if hasattr(src, "settle"):
            src.settle()  # the open-time aggregates: counted in the open time, not beside the views
        return src
    from dashboard.frame_source import FrameSource
    from dashboard.shell import prepared

    from .tables import synthetic_tables

    tables, names = prepared(synthetic_tables(args["events"], seed=args.get("seed", 1)))
    return FrameSource(tables, names, "bench", P("."))


def source(args: dict) -> dict:
    """Each dashboard page's work for a new filter state, through the dashboard's own data
    source (bench/pages.py): medians after a warm-up, per view (Overview) and per page (the
    default view); then the claims CSV download; peak memory of the whole process."""
    from . import pages

    t0 = time.perf_counter()
    src = _open_source(args)
    open_s = time.perf_counter() - t0
    repeats = args.get("repeats", 5)

    def run(page: str, f) -> dict:
        runs = []
        for k in range(repeats + 1):  # the first run is a warm-up
            if hasattr(src, "_views"):
                src._views.clear()  # pandas: filter again, as a new filter state does
            if hasattr(src, "ahead"):
                src.ahead.clear()   # store: query again, as a new filter state does
            r = pages.timed(page, src, f)
            if k:
                runs.append(r)
        out = dict(runs[-1])
        for key in ("build_s", "with_json_s"):
            out[key] = statistics.median(r[key] for r in runs)
            out[key.replace("_s", "_max_s")] = max(r[key] for r in runs)
        out["runs"] = len(runs)
        return out

    views = {}
    for name, f in pages.VIEWS.items():
        views[name] = run("overview", f)
        views[name]["view_rows"] = [len(src.rows(t, f)) for t in ("events", "positions", "claims")]
    per_page = {page: run(page, pages.VIEWS["default view"]) for page in pages.PAGES}
    t0 = time.perf_counter()
    size = len(src.table_csv("claims", pages.VIEWS["default view"]))
    csv_s = time.perf_counter() - t0
    kind = "store" if args.get("db") else "pandas"
    return {"source": kind, "open_s": open_s, "interactions": views, "pages": per_page,
            "csv_claims_s": csv_s, "csv_claims_bytes": size, "peak_mb": _peak_mb(resource.RUSAGE_SELF)}


KINDS = {"parse": parse, "baseline": baseline, "dashboard": dashboard, "store_build": store_build,
         "source": source}


def main(argv: list[str]) -> int:
    kind, args = argv[0], json.loads(argv[1])
    result = KINDS[kind](args)
    sys.stdout.write("\n@@RESULT@@" + json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
