"""Benchmarks for going past one machine: Dask engine, warm starts, cold-cache cost, DuckDB store.

Each figure comes from `bench.measure` in a fresh process; ratios compare runs of this same
invocation on the same files. Run through `python -m bench` (sections dask, warm, store).
"""
from __future__ import annotations

import os
import shutil
import statistics
from pathlib import Path

from .generate import write_corpus

TINY = "On {day} June 2020 {a} condemned the launch by {b}, the ministry of {a} said.\n"
_STATES = ("Japan", "France", "Chile", "Kenya", "Norway", "Brazil", "Canada", "India")
PAST = 1_600_000_000  # mtime given to generated files: older than any run, so never "racily clean"


def _age(paths: list[Path]) -> None:
    for p in paths:
        os.utime(p, (PAST, PAST))


def write_tiny(folder: Path, n: int) -> list[Path]:
    """`n` one-sentence articles (the many-small-files case), reused when already there."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{i:06d}.txt" for i in range(n)]
    for i, p in enumerate(paths):
        if not p.exists():
            p.write_text(TINY.format(day=1 + i % 28, a=_STATES[i % 8], b=_STATES[(i // 8) % 8 - 1] if (i // 8) % 8
                                     else "North Korea"), encoding="utf-8")
    return paths


def bench_dask(measure, corpus: Path, n: int, repeats: int, log) -> dict:
    """The same documents parsed by 2 local processes and by a 2-worker Dask LocalCluster."""
    write_corpus(corpus, n)
    out = {"n": n}
    for engine in ("local", "dask"):
        runs = []
        for k in range(repeats):
            log(f"  {engine} engine, 2 workers, {n:,} documents (run {k + 1})")
            runs.append(measure("parse", {"folder": str(corpus), "n": n, "workers": 2, "engine": engine,
                                          "digest": True}))
            log(f"    {runs[-1]['seconds']:.2f} s")
        best = dict(runs[0])
        best["seconds"] = statistics.median(r["seconds"] for r in runs)
        best["runs"] = len(runs)
        best["articles_per_s"] = n / best["seconds"]
        out[engine] = best
    out["identical"] = (out["local"]["digest"] == out["dask"]["digest"]
                        if out["local"]["parser_version"] == out["dask"]["parser_version"] else None)
    out["ratio"] = out["local"]["seconds"] / out["dask"]["seconds"]
    return out


def bench_warm(measure, work: Path, corpus: Path, n: int, repeats: int, log, workers: int = 1,
               kinds: tuple[str, ...] = ("articles", "tiny")) -> dict:
    """Plain parse vs cold cache vs warm start, on generated articles (`workers` processes) and
    on tiny one-sentence files (1 process)."""
    out = {}
    corpora = {"articles": lambda: write_corpus(corpus, n), "tiny files": lambda: write_tiny(work / "tiny", n)}
    for label, make in corpora.items():
        if label.split()[0] not in kinds:
            continue
        paths = make()
        _age(paths)
        folder = str(paths[0].parent)
        cache = work / f"warm-cache-{label.replace(' ', '-')}"
        shutil.rmtree(cache, ignore_errors=True)
        args = {"folder": folder, "n": n, "workers": workers if label == "articles" else 1,
                "digest": True}  # both corpora name their files NNNNNN.txt
        log(f"  {label}: plain parse of {n:,} files")
        plain = measure("parse", args)
        log(f"    {plain['seconds']:.2f} s")
        log(f"  {label}: cold cache")
        cold = measure("parse", dict(args, cache_dir=str(cache)))
        log(f"    {cold['seconds']:.2f} s")
        warm = []
        for k in range(repeats):
            warm.append(measure("parse", dict(args, cache_dir=str(cache))))
            log(f"  {label}: warm start run {k + 1}: {warm[-1]['seconds']:.3f} s, read {warm[-1]['files_read']}, "
                f"parsed {warm[-1]['parsed_in_process']}")
        w = dict(warm[0])
        w["seconds"] = statistics.median(r["seconds"] for r in warm)
        w["runs"] = len(warm)
        w["files_read"] = max(r["files_read"] for r in warm)
        w["parsed_in_process"] = max(r["parsed_in_process"] for r in warm)
        out[label] = {"n": n, "plain": plain, "cold": cold, "warm": w,
                      "cold_ratio": cold["seconds"] / plain["seconds"],
                      "cache_bytes": sum(p.stat().st_size for p in cache.glob("*")),
                      "identical": plain["digest"] == cold["digest"] == w["digest"]}
    return out


def bench_store(measure, work: Path, sizes: list[int], repeats: int, log, pandas_sizes: list[int] = ()) -> list[dict]:
    """Build (once, reused) a DuckDB store per size, then time the dashboard's pages on it
    through its StoreSource; for `pandas_sizes`, the same pages on the same tables in pandas."""
    rows = []
    for n in sizes:
        db = work / f"store-{n}.duckdb"
        log(f"  store at {n:,} events: build {db.name} (reused when there)")
        built = measure("store_build", {"events": n, "db": str(db)})
        log(f"    {built['rows']} rows, {built.get('seconds', 0):.1f} s, {built['bytes'] / 1e6:,.0f} MB")
        log(f"  store at {n:,} events: dashboard pages through the store")
        r = measure("source", {"db": str(db), "repeats": repeats})
        worst = max(r["interactions"].values(), key=lambda x: x["build_s"])
        log(f"    Overview, worst view {worst['build_s'] * 1000:,.0f} ms, peak RSS {r['peak_mb']:,.0f} MB")
        r.update({"events": n, "build": built})
        if n in pandas_sizes:
            log(f"  the same pages at {n:,} events in pandas (the default source)")
            r["pandas"] = measure("source", {"events": n, "repeats": max(1, repeats // 2)})
            worst = max(r["pandas"]["interactions"].values(), key=lambda x: x["build_s"])
            log(f"    Overview, worst view {worst['build_s'] * 1000:,.0f} ms, peak RSS {r['pandas']['peak_mb']:,.0f} MB")
        rows.append(r)
    return rows
