"""Turn the benchmark results into the console table and BENCHMARKS.md, with the targets checked."""
from __future__ import annotations

from typing import Callable

TARGET_RATE = 1000.0          # articles/s on one core
TARGET_RATIO = 30.0           # x the baseline
TARGET_DASH_100K = 0.200      # s, filter + figures at 100k events
TARGET_DASH_1M = 1.5          # s at 1M events
TARGET_JSON = 5_000_000       # bytes of figure JSON
TARGET_WARM = 2.0             # s, warm start on 10k documents
TARGET_GROWTH = 11.0          # time ratio for 10x the documents
TARGET_WARM_NEW = 0.5         # s, warm start on 10k files, 0 files read
TARGET_COLD_RATIO = 1.3       # cold cache / plain parse
TARGET_STORE = {1_000_000: 0.200, 10_000_000: 1.5}  # s, filter + figures on the DuckDB store


def _n(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else (
        f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n))


def _table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _one_worker(r: dict) -> list[dict]:
    return sorted((p for p in r.get("parse", []) if p["workers"] == 1), key=lambda p: p["n"])


def targets(r: dict) -> list[tuple[str, str, str, str]]:
    """(target, goal, measured, status) rows."""
    out = []

    def add(name: str, goal: str, value: float | None, fmt: Callable[[float], str], ok: Callable[[float], bool],
            why: str = "not measured in this run") -> None:
        if value is None:
            out.append((name, goal, why, "not comparable" if why.startswith("n/a") else "not measured"))
        else:
            out.append((name, goal, fmt(value), "met" if ok(value) else "NOT met"))

    one = _one_worker(r)
    largest = one[-1] if one else None
    add(f"parse rate, 1 core ({_n(largest['n'])} docs)" if largest else "parse rate, 1 core",
        f">= {TARGET_RATE:,.0f} articles/s", largest["articles_per_s"] if largest else None,
        lambda v: f"{v:,.0f} articles/s", lambda v: v >= TARGET_RATE)
    base = r.get("baseline")
    add("speed vs baseline (same docs, same run)", f">= {TARGET_RATIO:.0f}x", base["ratio"] if base else None,
        lambda v: f"{v:,.1f}x", lambda v: v >= TARGET_RATIO)
    for a, b in zip(one, one[1:]):
        if b["n"] == 10 * a["n"] and a.get("parser_version") != b.get("parser_version"):
            add(f"linear growth {_n(a['n'])} -> {_n(b['n'])}", f"<= {TARGET_GROWTH:.0f}x time", None, str,
                bool, "n/a: parser code changed between the two runs")
        elif b["n"] == 10 * a["n"]:
            add(f"linear growth {_n(a['n'])} -> {_n(b['n'])}", f"<= {TARGET_GROWTH:.0f}x time",
                b["seconds"] / a["seconds"], lambda v: f"{v:.2f}x", lambda v: v <= TARGET_GROWTH)
    dash = {d["events"]: d for d in r.get("dashboard", [])}

    def worst(d: dict, key: str) -> float:
        return max(i[key] for i in d["interactions"].values())

    add("dashboard filter + figures, 100k events", f"<= {TARGET_DASH_100K * 1000:.0f} ms",
        worst(dash[100_000], "build_s") if 100_000 in dash else None, lambda v: f"{v * 1000:,.0f} ms (worst view)",
        lambda v: v <= TARGET_DASH_100K)
    add("dashboard filter + figures, 1M events", f"<= {TARGET_DASH_1M:.1f} s",
        worst(dash[1_000_000], "build_s") if 1_000_000 in dash else None, lambda v: f"{v:,.2f} s (worst view)",
        lambda v: v <= TARGET_DASH_1M)
    add("figure JSON per view (largest size)", f"<= {TARGET_JSON / 1e6:.0f} MB",
        max(worst(d, "figure_json_bytes") for d in dash.values()) if dash else None,
        lambda v: f"{v / 1e6:.2f} MB", lambda v: v <= TARGET_JSON)
    cache = r.get("cache")
    why = "not measured in this run"
    if cache and cache["warm"].get("comparable_runs", 1) == 0:
        cache, why = None, "n/a: parser code changed between the cold and warm runs"
    add(f"warm start, {_n(r['cache']['n'])} docs" if r.get("cache") else "warm start", f"<= {TARGET_WARM:.0f} s",
        cache["warm"]["seconds"] if cache else None, lambda v: f"{v:.2f} s", lambda v: v <= TARGET_WARM, why)
    add("re-parses on warm start", "0", cache["warm"]["parsed_in_process"] if cache else None,
        lambda v: f"{v:.0f}", lambda v: v == 0, why)
    for label, w in (r.get("warm") or {}).items():
        add(f"warm start, {_n(w['n'])} {label}", f"<= {TARGET_WARM_NEW} s", w["warm"]["seconds"],
            lambda v: f"{v:.2f} s", lambda v: v <= TARGET_WARM_NEW)
        add(f"files read on warm start ({label})", "0", w["warm"]["files_read"], lambda v: f"{v:.0f}",
            lambda v: v == 0)
        add(f"cold cache / plain parse ({label})", f"<= {TARGET_COLD_RATIO}x", w["cold_ratio"],
            lambda v: f"{v:.2f}x", lambda v: v <= TARGET_COLD_RATIO)
    for d in r.get("store", []):
        goal = TARGET_STORE.get(d["events"])
        if goal:
            add(f"store filter + figures, {_n(d['events'])} events", f"<= {goal * 1000:,.0f} ms",
                max(i["build_s"] for i in d["interactions"].values()), lambda v: f"{v * 1000:,.0f} ms (worst view)",
                lambda v, g=goal: v <= g)
    dk = r.get("dask")
    if dk:
        add(f"Dask engine tables = process engine ({_n(dk['n'])} docs)", "identical",
            None if dk["identical"] is None else float(dk["identical"]), lambda v: "yes" if v else "NO",
            lambda v: bool(v), "n/a: parser code changed between the runs")
    return out


def _same(run: dict, ref: dict, no: str) -> str:
    """Did N workers give the 1-worker output? Only comparable when the parser code was the same."""
    if run.get("parser_version") != ref.get("parser_version"):
        return "n/a (parser code changed between the runs)"
    return "yes" if run.get("digest") == ref.get("digest") else no


def _parse_rows(r: dict) -> list[list[str]]:
    rows = []
    one = {p["n"]: p for p in _one_worker(r)}
    for p in sorted(r.get("parse", []), key=lambda p: (p["n"], p["workers"])):
        ref = one.get(p["n"])
        speedup = f"{ref['seconds'] / p['seconds']:.2f}x" if ref else ""
        same = "" if p["workers"] == 1 or not ref else _same(p, ref, "**NO**")
        rows.append([_n(p["n"]), p["workers"], f"{p['seconds']:.2f}", f"{p['articles_per_s']:,.0f}",
                     f"{p['mb_per_s']:.2f}", speedup, same, f"{p['peak_mb']:,.0f}",
                     f"{p.get('peak_children_mb', 0):,.0f}" if p["workers"] > 1 else "-",
                     f"{p['rows']['events']:,} / {p['rows']['positions']:,} / {p['rows']['claims']:,}",
                     len(p["all_seconds"])])
    return rows


_PARSE_HEAD = ["docs", "workers", "time (s)", "articles/s", "MB/s", "vs 1 worker", "same output",
               "peak RSS main (MB)", "peak RSS worker (MB)", "events / positions / claims", "runs"]


def _dash_rows(r: dict) -> list[list[str]]:
    rows = []
    for d in r.get("dashboard", []):
        for name, i in d["interactions"].items():
            rows.append([_n(d["events"]), name, f"{i['view_rows'][0]:,} / {i['view_rows'][1]:,}",
                         f"{i['filter_s'] * 1000:,.0f}", f"{i['build_s'] * 1000:,.0f}",
                         f"{i['with_json_s'] * 1000:,.0f}", f"{i['figure_json_bytes'] / 1e3:,.0f}",
                         f"{i['page_json_bytes'] / 1e3:,.0f}",
                         f"per {i['bucket']}" if i["aggregated"] else "points", f"{i['map_rows']}"])
    return rows


_DASH_HEAD = ["events", "view", "events / positions in view", "filter (ms)", "filter + figures (ms)",
              "+ JSON encode (ms)", "figure JSON (KB)", "table pages JSON (KB)", "timeline", "map rows"]


def parser_versions(r: dict) -> list[str]:
    """Parser versions seen by the measurements, in order (more than one: the code changed mid-run)."""
    runs = list(r.get("parse", []))
    if r.get("baseline"):
        runs.append(r["baseline"]["stance"])
    if r.get("cache"):
        runs += [r["cache"][k] for k in ("cold", "warm", "incremental")]
    return list(dict.fromkeys(x["parser_version"] for x in runs if x.get("parser_version")))


def markdown(r: dict) -> str:
    m = r["machine"]
    ram = f"{m['ram_gb']:.1f} GB" if m.get("ram_gb") else "unknown"
    load = lambda x: ", ".join(f"{v:.2f}" for v in x) if x else "unknown"  # noqa: E731
    parts = [
        "# Benchmarks",
        "",
        f"Written by `{r['command'].strip()}` (bench/run.py) on {r['date']}. Parser version `{r['parser_version']}`.",
        "",
    ]
    versions = parser_versions(r)
    if len(versions) > 1:
        parts += [f"**Warning: the parser code changed during this run ({len(versions)} versions: "
                  + ", ".join(f"`{v}`" for v in versions) + "). Figures taken under different versions are "
                  "not comparable; rerun `python -m bench` on a settled tree.**", ""]
    parts += [
        "## Machine",
        "",
        f"- CPU: {m['cpu']}, {m['cores']} cores; RAM {ram}",
        f"- Python {m['python']} on {m['platform']}",
        "- " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()),
        f"- Load average (1, 5, 15 min) at start: {load(r.get('load_start'))}; at end: {load(r.get('load_end'))}. "
        f"A load above 0 means other work shared the cores: figures are then pessimistic and noisy.",
        "",
        "## Method",
        "",
        f"- Corpus: synthetic news articles from `bench/generate.py` (seed {r['seed']})"
        + (f", mean {r['mean_doc_bytes'] / 1000:.2f} KB" if r.get("mean_doc_bytes") else "")
        + ", with datelines in several styles and undated pages, "
        "relative weekdays, countries, demonyms, blocs, \"on behalf of\", count claims, boilerplate and "
        "several articles per page. The 1k corpus is the first 1,000 files of the 10k corpus.",
        f"- Each figure is measured in a fresh process (interpreter start and imports excluded) and is the "
        f"median of up to {r['repeats']} runs (fewer when the runs would exceed {r['budget']:.0f} s; the "
        "'runs' column says how many). Peak memory is the process's maximum resident set (ru_maxrss).",
        "- Ratios compare figures from this same run on the same documents.",
        "",
    ]
    if r.get("parse"):
        parts += ["## Parse throughput (`parse_corpus`, no cache)", "", _table(_PARSE_HEAD, _parse_rows(r)), "",
                  "'same output' compares a digest of the four tables with the 1-worker run.", ""]
    base = r.get("baseline")
    if base:
        b, s = base["baseline"], base["stance"]
        parts += [
            "## Baseline: dateparser + pycountry", "",
            "`bench/baseline.py`: `dateparser.search.search_dates` over the text (past dates preferred, "
            "relative dates anchored on the dateline), every capitalised phrase looked up with "
            "`pycountry.countries.lookup` then `search_fuzzy` (memoised per phrase, which favours the "
            "baseline), one row per sentence naming a country.", "",
            _table(["pipeline", "docs", "time (s)", "articles/s", "rows", "runs"], [
                ["baseline", base["sample"], f"{b['seconds']:.2f}", f"{base['baseline_per_s']:,.1f}", f"{b['rows']:,}",
                 len(b["all_seconds"])],
                ["stance", base["sample"], f"{s['seconds']:.2f}", f"{base['stance_per_s']:,.1f}",
                 f"{s['rows']['events']:,} events, {s['rows']['positions']:,} positions", len(s["all_seconds"])],
            ]), "", f"**stance is {base['ratio']:,.1f}x the baseline's throughput.**", ""]
    c = r.get("cache")
    if c:
        parts += [
            f"## Parsed-table cache on {_n(c['n'])} documents (`parse_corpus(..., cache_dir=...)`)", "",
            _table(["start", "time (s)", "files parsed", "peak RSS (MB)", "runs"], [
                ["cold (empty cache: parse all, write Parquet)", f"{c['cold']['seconds']:.2f}",
                 c["cold"]["parsed_in_process"], f"{c['cold']['peak_mb']:,.0f}", 1],
                ["warm (nothing changed)", f"{c['warm']['seconds']:.2f}", c["warm"]["parsed_in_process"],
                 f"{c['warm']['peak_mb']:,.0f}", f"{c['warm'].get('comparable_runs', len(c['warm']['all_seconds']))}"
                 + (f" of {len(c['warm']['all_seconds'])} (others under a changed parser)"
                    if c["warm"].get("comparable_runs", len(c["warm"]["all_seconds"])) < len(c["warm"]["all_seconds"])
                    else "")],
                [f"incremental ({c['changed']} files changed)", f"{c['incremental']['seconds']:.2f}",
                 c["incremental"]["parsed_in_process"], f"{c['incremental']['peak_mb']:,.0f}", 1],
            ]), "",
            f"Warm start is {c['speedup']:,.1f}x faster than cold; cache size on disk "
            f"{c['cache_bytes'] / 1e6:,.1f} MB; warm output identical to cold: "
            f"{ {True: 'yes', False: '**NO**', None: 'n/a (parser code changed between the runs)'}[c['identical']] }.",
            ""]
    if r.get("dashboard"):
        parts += [
            "## Dashboard data path (synthetic tables, `bench/tables.py`)", "",
            "Per interaction: `filter_tables` + `timeline_figure` + `map_frame`/`map_figure` + first page of "
            "each table; then the figures' JSON encoding (what Streamlit sends). Medians of "
            f"{next(iter(r['dashboard'][0]['interactions'].values()))['runs']} runs after a warm-up. "
            "`prepare` (once per corpus) is listed apart.", "",
            _table(_DASH_HEAD, _dash_rows(r)), "",
            _table(["events", "positions", "claims", "prepare once (s)", "peak RSS (MB)"],
                   [[_n(d["events"]), f"{d['rows'][2]:,}", f"{d['rows'][3]:,}", f"{d['prepare_s']:.2f}",
                     f"{d['peak_mb']:,.0f}"] for d in r["dashboard"]]), ""]
    parts += _scale_parts(r)
    parts += ["## Targets", "", _table(["target", "goal", "measured", "status"], [list(t) for t in targets(r)]), "",
              f"Whole benchmark wall time: {r.get('wall_s', 0) / 60:.1f} min.", ""]
    return "\n".join(parts)


def _scale_parts(r: dict) -> list[str]:
    """Sections for the Dask engine, warm starts and the DuckDB store (bench/scale.py)."""
    parts: list[str] = []
    dk = r.get("dask")
    if dk:
        same = {True: "yes", False: "**NO**", None: "n/a (parser code changed between the runs)"}[dk["identical"]]
        parts += [f"## Dask engine vs process engine on {_n(dk['n'])} documents (2 workers each)", "",
                  _table(["engine", "time (s)", "articles/s", "peak RSS main (MB)", "peak RSS workers (MB)", "runs"],
                         [[e, f"{dk[e]['seconds']:.2f}", f"{dk[e]['articles_per_s']:,.0f}", f"{dk[e]['peak_mb']:,.0f}",
                           f"{dk[e].get('peak_children_mb', 0):,.0f}", dk[e]["runs"]] for e in ("local", "dask")]), "",
                  f"`local` is `parse_corpus(workers=2)` (a process pool), `dask` is `parse_corpus(engine=\"dask\", "
                  f"workers=2)` on a new 2-worker LocalCluster (its start-up is inside the time). Process engine / "
                  f"Dask time: {dk['ratio']:.2f}x. Identical tables (digest of all four, ids included): {same}.", ""]
    for label, w in (r.get("warm") or {}).items():
        parts += [f"## Parse cache on {_n(w['n'])} {label} (`parse_corpus(..., cache_dir=...)`)", "",
                  _table(["run", "time (s)", "files read", "files parsed", "peak RSS (MB)", "runs"], [
                      ["plain parse, no cache", f"{w['plain']['seconds']:.2f}", "all", "all",
                       f"{w['plain']['peak_mb']:,.0f}", 1],
                      ["cold cache (parse all, write the cache)", f"{w['cold']['seconds']:.2f}", "all", "all",
                       f"{w['cold']['peak_mb']:,.0f}", 1],
                      ["warm start (nothing changed)", f"{w['warm']['seconds']:.3f}", w["warm"]["files_read"],
                       w["warm"]["parsed_in_process"], f"{w['warm']['peak_mb']:,.0f}", w["warm"]["runs"]]]), "",
                  f"Cold cache / plain parse: {w['cold_ratio']:.2f}x; cache file {w['cache_bytes'] / 1e6:,.1f} MB; "
                  f"all three outputs identical: {'yes' if w['identical'] else '**NO**'}.", ""]
    if r.get("store"):
        parts += _store_parts(r["store"])
    return parts


def _timeline(i: dict) -> str:
    return f"counts per {i['bucket']}" if i.get("aggregated") else f"{i['timeline_rows']:,} marks"


def _store_parts(stores: list[dict]) -> list[str]:
    """The dashboard on the DuckDB store (and, where measured, on pandas): bench/pages.py."""
    rows, pages, pandas = [], [], []
    for d in stores:
        for name, i in d["interactions"].items():
            rows.append([_n(d["events"]), name, f"{i['view_rows'][0]:,} / {i['view_rows'][1]:,}",
                         f"{i['build_s'] * 1000:,.0f}", f"{i['build_max_s'] * 1000:,.0f}",
                         f"{i['with_json_s'] * 1000:,.0f}", f"{i['figure_json_bytes'] / 1e3:,.0f}",
                         _timeline(i), i["map_rows"]])
        for src in (d, d.get("pandas")):
            if not src:
                continue
            for page, i in src["pages"].items():
                pages.append([_n(d["events"]), src.get("source", "store"), page, f"{i['build_s'] * 1000:,.0f}",
                              f"{i['with_json_s'] * 1000:,.0f}",
                              f"{(i['figure_json_bytes'] + i['table_json_bytes']) / 1e3:,.0f}"])
        if d.get("pandas"):
            for name, i in d["pandas"]["interactions"].items():
                s_ = d["interactions"][name]
                pandas.append([_n(d["events"]), name, f"{i['build_s'] * 1000:,.0f}", f"{s_['build_s'] * 1000:,.0f}",
                               f"{i['build_s'] / max(s_['build_s'], 1e-9):.1f}x"])
    out = ["## DuckDB store: the dashboard's pages on the store (`STANCE_STORE`, synthetic tables)", "",
           "Per view, what the Overview computes for a filter state not seen before, through the "
           "dashboard's own data source (`dashboard.store_source.StoreSource`, bench/pages.py): headline "
           "figures, target counts, the map's per-country stance and hover lines, hidden implied counts, the "
           "timeline (counts per lane / period / stance in SQL above 5,000 dated events), the undated list, "
           "the first page of claims and of bloc positions; then the plotly figures and the JSON. Only "
           "aggregated or paged rows reach pandas. Median (and worst) of the runs after a warm-up.", "",
           _table(["events", "view", "events / positions in view", "answers + figures (ms)", "worst run (ms)",
                   "+ JSON (ms)", "figure JSON (KB)", "timeline", "map rows"], rows), "",
           "Every page on the default view (Country: the most cited state; Relations: all pairs and the "
           "first pair's evidence; Evidence & tables: counts and the first page of each table):", "",
           _table(["events", "source", "page", "answers + figures (ms)", "+ JSON (ms)", "payload (KB)"], pages), ""]
    if pandas:
        out += ["The same Overview on the same tables held in pandas (`FrameSource`, the default source; "
                "filtering included, as on a new filter state):", "",
                _table(["events", "view", "pandas (ms)", "store (ms)", "pandas / store"], pandas), ""]
    out += [_table(["events", "positions", "database file (MB)", "build (s)", "open (s)", "peak RSS, store (MB)",
                    "peak RSS, pandas (MB)", "claims CSV (s)"],
                   [[_n(d["events"]), f"{d['build']['rows']['positions']:,}", f"{d['build']['bytes'] / 1e6:,.0f}",
                     f"{d['build']['seconds']:.1f}" + ("" if d["build"].get("built") else " (reused)"),
                     f"{d['open_s']:.1f}", f"{d['peak_mb']:,.0f}",
                     f"{d['pandas']['peak_mb']:,.0f}" if d.get("pandas") else "-",
                     f"{d['csv_claims_s']:.2f}"] for d in stores]), ""]
    return out


def console(r: dict) -> str:
    lines = []
    if r.get("parse"):
        lines.append(f"{'docs':>6} {'workers':>7} {'time s':>9} {'art/s':>8} {'MB/s':>6} {'peak MB':>8} same")
        one = {p["n"]: p for p in _one_worker(r)}
        for p in sorted(r["parse"], key=lambda p: (p["n"], p["workers"])):
            same = "" if p["workers"] == 1 else _same(p, one.get(p["n"], {}), "NO")
            lines.append(f"{_n(p['n']):>6} {p['workers']:>7} {p['seconds']:>9.2f} {p['articles_per_s']:>8,.0f} "
                         f"{p['mb_per_s']:>6.2f} {p['peak_mb']:>8,.0f} {same}")
    if r.get("baseline"):
        b = r["baseline"]
        lines.append(f"baseline {b['baseline_per_s']:.1f} art/s, stance {b['stance_per_s']:.1f} art/s "
                     f"on {b['sample']} docs: {b['ratio']:.1f}x")
    if r.get("cache"):
        c = r["cache"]
        lines.append(f"cache {_n(c['n'])}: cold {c['cold']['seconds']:.2f} s, warm {c['warm']['seconds']:.2f} s "
                     f"(parsed {c['warm']['parsed_in_process']}), {c['changed']} changed "
                     f"{c['incremental']['seconds']:.2f} s (parsed {c['incremental']['parsed_in_process']})")
    for d in r.get("dashboard", []):
        w = max(d["interactions"].values(), key=lambda i: i["build_s"])
        j = max(i["figure_json_bytes"] for i in d["interactions"].values())
        lines.append(f"dashboard {_n(d['events'])} events: worst view {w['build_s'] * 1000:,.0f} ms, "
                     f"max figure JSON {j / 1e6:.2f} MB")
    for d in r.get("store", []):
        w = max(d["interactions"].items(), key=lambda kv: kv[1]["build_s"])
        lines.append(f"store {_n(d['events'])} events: Overview worst view ({w[0]}) {w[1]['build_s'] * 1000:,.0f} ms, "
                     f"peak RSS {d['peak_mb']:,.0f} MB")
    lines.append("")
    width = max(len(t[0]) for t in targets(r))
    for name, goal, value, status in targets(r):
        lines.append(f"{name:<{width}}  {goal:<22} {value:<28} {status}")
    return "\n".join(lines)
