"""Run every benchmark, print a table, write BENCHMARKS.md (and bench/out/results.json).

    python -m bench            # 1k, 10k, 100k documents; dashboard at 10k, 100k, 1M events
    python -m bench --quick    # 1k and 10k documents; dashboard at 10k and 100k events

Times are medians of several runs (fewer when one run is long: see --budget); every
comparison (workers, baseline, warm vs cold) is a ratio of figures taken in the same run, on
the same documents. Each measurement runs in a fresh process (see bench/measure.py).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from . import machine, report
from .generate import DEFAULT_SEED, article, file_name, write_corpus

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CHANGED_EVERY = 100  # the incremental cache run edits 1 file in 100


def measure(kind: str, args: dict) -> dict:
    """One measurement in a fresh interpreter; raises with its stderr when it fails."""
    proc = subprocess.run([sys.executable, "-m", "bench.measure", kind, json.dumps(args)], cwd=ROOT,
                          capture_output=True, text=True)
    marker = "@@RESULT@@"
    if proc.returncode != 0 or marker not in proc.stdout:
        raise RuntimeError(f"bench.measure {kind} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.rsplit(marker, 1)[1].strip().splitlines()[0])


def repeated(kind: str, args: dict, repeats: int, budget: float, log) -> dict:
    """Median of up to `repeats` runs; stops early when the next run would pass `budget` seconds."""
    runs: list[dict] = []
    while len(runs) < repeats:
        run = measure(kind, dict(args, digest=args.get("digest") and not runs))
        runs.append(run)
        spent = sum(r["seconds"] for r in runs)
        log(f"    run {len(runs)}: {run['seconds']:.3f} s")
        if spent + run["seconds"] > budget:
            break
    out = dict(runs[0])
    out["seconds"] = statistics.median(r["seconds"] for r in runs)
    out["all_seconds"] = [r["seconds"] for r in runs]
    out["all_parsed"] = [r.get("parsed_in_process") for r in runs]
    out["all_versions"] = [r.get("parser_version") for r in runs]
    out["peak_mb"] = max(r["peak_mb"] for r in runs)
    if "peak_children_mb" in runs[0]:
        out["peak_children_mb"] = max(r["peak_children_mb"] for r in runs)
    return out


def bench_parse(corpus: Path, sizes: list[int], workers: list[int], repeats: int, budget: float, log) -> list[dict]:
    rows = []
    for n in sizes:
        for w in workers:
            log(f"  parse {n} documents, {w} worker(s)")
            r = repeated("parse", {"folder": str(corpus), "n": n, "workers": w, "digest": True}, repeats, budget, log)
            r["articles_per_s"] = n / r["seconds"]
            r["mb_per_s"] = r["bytes"] / 1e6 / r["seconds"]
            rows.append(r)
    return rows


def bench_baseline(corpus: Path, sample: int, repeats: int, budget: float, log) -> dict:
    log(f"  baseline (dateparser + pycountry) on {sample} documents")
    base = repeated("baseline", {"folder": str(corpus), "n": sample}, repeats, budget, log)
    log(f"  stance on the same {sample} documents")
    ours = repeated("parse", {"folder": str(corpus), "n": sample, "workers": 1}, repeats, budget, log)
    return {"sample": sample, "baseline": base, "stance": ours,
            "baseline_per_s": sample / base["seconds"], "stance_per_s": sample / ours["seconds"],
            "ratio": base["seconds"] / ours["seconds"]}


def bench_cache(out: Path, n: int, repeats: int, budget: float, seed: int, log) -> dict:
    folder, cache = out / f"cache-corpus-{seed}", out / "cache-dir"
    paths = write_corpus(folder, n, seed)
    changed = list(range(0, n, CHANGED_EVERY))
    for i in changed:  # undo the edits of a previous run
        paths[i].write_text(article(i, seed), encoding="utf-8")
    shutil.rmtree(cache, ignore_errors=True)
    args = {"folder": str(folder), "n": n, "workers": 1, "cache_dir": str(cache)}
    log(f"  cache: cold start on {n} documents (parse everything, write the cache)")
    cold = measure("parse", dict(args, digest=True))
    log(f"    {cold['seconds']:.3f} s, parsed {cold['parsed_in_process']}")
    log("  cache: warm start (nothing changed)")
    warm = repeated("parse", dict(args, digest=True), repeats, budget, log)
    # A warm run under another parser version than the cold one re-parses everything, rightly:
    # judge the warm start on the runs that share the cold run's version.
    same = [i for i, v in enumerate(warm["all_versions"]) if v == cold.get("parser_version")]
    warm["comparable_runs"] = len(same)
    if same:
        warm["seconds"] = statistics.median(warm["all_seconds"][i] for i in same)
        warm["parsed_in_process"] = max(warm["all_parsed"][i] for i in same)
    else:
        log("    the parser code changed after the cold run: warm figures are not comparable")
    log(f"    parsed {warm['all_parsed']}")
    for i in changed:
        paths[i].write_text(article(i, seed) + "\n\nUpdate: the ministry issued a further statement on Monday.\n",
                            encoding="utf-8")
    log(f"  cache: {len(changed)} of {n} files changed")
    incremental = measure("parse", args)
    log(f"    {incremental['seconds']:.3f} s, parsed {incremental['parsed_in_process']}")
    for i in changed:
        paths[i].write_text(article(i, seed), encoding="utf-8")
    size = sum(p.stat().st_size for p in cache.glob("*"))
    return {"n": n, "cold": cold, "warm": warm, "incremental": incremental, "changed": len(changed),
            "cache_bytes": size, "identical": (cold.get("digest") == warm.get("digest")
                          if cold.get("parser_version") == warm.get("parser_version") else None),
            "speedup": cold["seconds"] / warm["seconds"]}


def bench_dashboard(sizes: list[int], repeats: int, log) -> list[dict]:
    rows = []
    for n in sizes:
        log(f"  dashboard data path at {n:,} events")
        r = measure("dashboard", {"events": n, "repeats": repeats})
        worst = max(r["interactions"].values(), key=lambda x: x["build_s"])
        log(f"    worst interaction {worst['build_s'] * 1000:.0f} ms, figure JSON {worst['figure_json_bytes'] / 1e6:.2f} MB")
        rows.append(r)
    return rows


def _ints(text: str) -> list[int]:
    out = []
    for part in text.split(","):
        part = part.strip().lower().replace("_", "")
        mult = 1_000_000 if part.endswith("m") else 1000 if part.endswith("k") else 1
        out.append(int(float(part.rstrip("mk")) * mult))
    return out


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="1k + 10k documents, dashboard at 10k + 100k events")
    p.add_argument("--sizes", help="corpus sizes to parse, e.g. 1k,10k,100k")
    p.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    p.add_argument("--dashboard-sizes", help="event counts for the dashboard, e.g. 10k,100k,1m")
    p.add_argument("--cache-size", help="documents for the cold/warm cache runs (default 10k)")
    p.add_argument("--baseline-sample", type=int, help="documents the slow baseline parses (default 200; quick 100)")
    p.add_argument("--repeats", type=int, default=3, help="runs per figure, the median is reported (default 3)")
    p.add_argument("--budget", type=float, default=600.0,
                   help="seconds one figure may take over its repeats before fewer runs are used (default 600)")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    p.add_argument("--dask-size", help="documents for the Dask vs process engine run (default 100k; quick 1k)")
    p.add_argument("--warm-size", help="files for the plain/cold/warm cache runs (default 10k)")
    p.add_argument("--warm-kinds", default="articles,tiny", help="corpora for the warm runs: articles, tiny")
    p.add_argument("--warm-workers", type=int, default=1, help="processes for the articles' plain and cold runs")
    p.add_argument("--store-sizes", help="event counts for the DuckDB store, e.g. 1m,10m (default 1m,10m; quick 100k)")
    p.add_argument("--store-pandas", default="", help="store sizes also timed on the pandas source, e.g. 1m")
    p.add_argument("--only", default="parse,baseline,cache,dashboard,dask,warm,store", help="sections to run")
    p.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"), help="where to write the report")
    p.add_argument("--work", default=str(OUT), help="folder for the corpus, the cache and results.json")
    p.add_argument("--report-only", action="store_true", help="only rewrite the report from <work>/results.json")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.report_only:  # re-render the report from the last results (after a report change)
        results = json.loads((Path(args.work) / "results.json").read_text(encoding="utf-8"))
        Path(args.out).write_text(report.markdown(results), encoding="utf-8")
        print(report.console(results))
        return 0
    sizes = _ints(args.sizes) if args.sizes else ([1000, 10_000] if args.quick else [1000, 10_000, 100_000])
    dash = _ints(args.dashboard_sizes) if args.dashboard_sizes else (
        [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000])
    cache_n = _ints(args.cache_size)[0] if args.cache_size else 10_000
    sample = args.baseline_sample or (100 if args.quick else 200)
    workers = _ints(args.workers)
    only = {s.strip() for s in args.only.split(",")}

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    started = time.time()
    results: dict = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                     "command": "python -m bench " + " ".join(sys.argv[1:] if argv is None else argv),
                     "machine": machine.describe(), "load_start": machine.load_average(),
                     "seed": args.seed, "repeats": args.repeats, "budget": args.budget}
    import stance

    results["parser_version"] = stance.PARSER_VERSION
    work = Path(args.work)
    corpus = work / f"corpus-{args.seed}"
    need = max(sizes + [sample]) if only & {"parse", "baseline"} else 0
    if need:
        log(f"generating {need:,} synthetic articles in {corpus} (reused when already there)")
        t0 = time.perf_counter()
        write_corpus(corpus, need, args.seed)
        results["generate_s"] = time.perf_counter() - t0
        files = [corpus / file_name(i) for i in range(min(need, 1000))]
        results["mean_doc_bytes"] = sum(p.stat().st_size for p in files) / len(files)
    if "parse" in only:
        log("parse throughput")
        results["parse"] = bench_parse(corpus, sizes, workers, args.repeats, args.budget, log)
    if "baseline" in only:
        log("baseline comparison")
        results["baseline"] = bench_baseline(corpus, sample, args.repeats, args.budget, log)
    if "cache" in only:
        log("parse cache")
        results["cache"] = bench_cache(work, cache_n, args.repeats, args.budget, args.seed, log)
    if "dashboard" in only:
        log("dashboard data path")
        results["dashboard"] = bench_dashboard(dash, max(args.repeats, 5), log)
    from . import scale

    if "dask" in only:
        log("Dask engine vs process engine (2 workers each)")
        n_dask = _ints(args.dask_size)[0] if args.dask_size else (1000 if args.quick else 100_000)
        results["dask"] = scale.bench_dask(measure, corpus, n_dask, max(1, args.repeats - 2), log)
    if "warm" in only:
        log("warm starts and the cold cache's cost")
        n_warm = _ints(args.warm_size)[0] if args.warm_size else 10_000
        results["warm"] = scale.bench_warm(measure, work, corpus, n_warm, args.repeats, log, args.warm_workers,
                                           tuple(k.strip() for k in args.warm_kinds.split(",")))
    if "store" in only:
        log("DuckDB store: filter + figures")
        store_sizes = _ints(args.store_sizes) if args.store_sizes else ([100_000] if args.quick else
                                                                         [1_000_000, 10_000_000])
        results["store"] = scale.bench_store(measure, work, store_sizes, max(args.repeats, 5), log,
                                             _ints(args.store_pandas) if args.store_pandas else [])
    results["load_end"] = machine.load_average()
    results["wall_s"] = time.time() - started
    work.mkdir(parents=True, exist_ok=True)
    (work / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    text = report.markdown(results)
    Path(args.out).write_text(text, encoding="utf-8")
    print(report.console(results))
    print(f"\nwrote {args.out} and {work / 'results.json'}")
    return 0
