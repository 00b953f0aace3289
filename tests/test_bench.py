"""Smoke tests for the benchmark kit: deterministic generator, baseline, workers, report."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from bench import baseline, report
from bench.generate import article, write_corpus
from bench.tables import synthetic_tables
from stance import tables as T

ROOT = Path(__file__).resolve().parent.parent


def test_generator_is_deterministic_and_seeded() -> None:
    assert article(7) == article(7)
    assert article(7) != article(8)
    assert article(7, seed=1) != article(7, seed=2)
    # same bytes in a fresh interpreter with another hash seed (no set/dict-order dependence)
    code = "from bench.generate import article; import sys; sys.stdout.write(article(7))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONHASHSEED": "123", "PATH": ""}, check=True).stdout
    assert out == article(7)


def test_articles_are_about_4kb_and_show_the_phenomena() -> None:
    texts = [article(i) for i in range(300)]
    sizes = [len(t.encode("utf-8")) for t in texts]
    assert 3700 <= sum(sizes) / len(sizes) <= 4500
    assert min(sizes) >= 3000 and max(sizes) <= 6000
    joined = "\n".join(texts)
    for phenomenon in (r"on behalf of (?:the|nearly|more than|about|over|at least|\d)",  # groups and counts
                       r"\b(?:More than|Nearly|Over|About|At least) \d+ countries",       # count claims
                       r"\b(?:on|last) (?:Monday|Tuesday|Wednesday|Thursday|Friday)\b",   # relative weekdays
                       r"Published: [A-Z][a-z]{2} \d{1,2}, \d{4}",                        # datelines
                       r"\d{4}-\d\d-\d\d \d\d:\d\d Last Updated",
                       r"\b\d\d/\d\d/\d{4}\b",
                       r"\n\d\d [A-Z][a-z]{2}\n",                                          # listing pages
                       r"\n(?:Next Article|Read Next|Previous Article)\n",                # two articles on a page
                       r"- Advertisement -|Skip to Content",                              # boilerplate
                       r"\bthe (?:Chinese|South Korean|Cuban|Belgian) ",                  # demonyms
                       r"the (?:African Group|European Union|Non-Aligned Movement)"):     # blocs
        assert re.search(phenomenon, joined), phenomenon
    undated = [t for t in texts if not re.search(r"Published:|Updated:|Last Updated|\d\d/\d\d/\d{4}|^By |, \d{4}\n",
                                                  t[:400], re.M)]
    assert len(undated) > 10  # some pages carry no dateline at all


def test_write_corpus_is_a_stable_prefix(tmp_path: Path) -> None:
    small = write_corpus(tmp_path / "a", 5)
    big = write_corpus(tmp_path / "b", 12)
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in big[:5]]
    again = write_corpus(tmp_path / "a", 8)  # extends the existing folder
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in big[:8]]
    small[0].unlink()  # a removed file is written again
    assert write_corpus(tmp_path / "a", 8)[0].read_bytes() == big[0].read_bytes()


def test_baseline_runs_on_three_documents() -> None:
    texts = [article(i) for i in range(3)]
    rows = baseline.parse_texts(texts)
    assert list(rows.columns) == baseline.BASELINE_COLUMNS
    assert set(rows["doc"]) == {"0", "1", "2"}
    codes = {c for cell in rows["countries"] for c in cell.split(";")}
    assert codes and all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert rows["dates"].str.len().gt(0).any()
    for doc, start, end, sentence in rows[["doc", "start", "end", "sentence"]].itertuples(index=False):
        assert sentence in texts[int(doc)][start:end]


def test_baseline_country_lookup_and_fuzzy_fallback() -> None:
    assert baseline.country_code("Belgium") == "BEL"
    assert baseline.country_code("BEL") == "BEL"
    assert baseline.country_code("Frobnicate Xyzzy") == ""


def test_two_workers_give_the_same_tables_as_one(tmp_path: Path) -> None:
    from stance import parse_corpus

    paths = write_corpus(tmp_path, 6)
    one = parse_corpus(paths, workers=1)
    two = parse_corpus(paths, workers=2)
    assert len(one.positions) > 0
    for a, b in zip(one, two):
        assert_frame_equal(a, b)


def test_synthetic_dashboard_tables_follow_the_contract() -> None:
    t = synthetic_tables(2000, seed=3)
    assert (len(t.events), len(t.positions), len(t.claims)) == (2000, 6000, 200)
    for name, df in zip(t._fields, t):
        assert list(df.columns) == T.COLUMNS[name]
        for col in T.COLUMNS[name]:
            assert (str(df[col].dtype) == "Int64") == (col in T.INT_COLUMNS), (name, col)
    assert set(t.events["date_precision"]) == {"day", "month", "year", "none"}
    assert (t.events.loc[t.events["date_precision"] == "none", "date"] == "").all()
    assert t.positions["event_id"].isin(t.events["event_id"]).all()
    assert_frame_equal(synthetic_tables(500, seed=3).events, synthetic_tables(500, seed=3).events)


def _result(rate: float, base_ratio: float, warm: float, parsed: int) -> dict:
    parse = [{"n": 1000, "workers": 1, "seconds": 1000 / rate, "articles_per_s": rate},
             {"n": 10_000, "workers": 1, "seconds": 10_000 / rate * 1.05, "articles_per_s": rate / 1.05}]
    return {"parse": parse, "baseline": {"ratio": base_ratio},
            "cache": {"n": 10_000, "warm": {"seconds": warm, "parsed_in_process": parsed}}}


def test_targets_are_judged_from_the_figures() -> None:
    good = {t[0]: t[3] for t in report.targets(_result(1500, 40, 0.8, 0))}
    assert good["speed vs baseline (same docs, same run)"] == "met"
    assert good["parse rate, 1 core (10k docs)"] == "met"
    assert good["linear growth 1k -> 10k"] == "met"
    assert good["warm start, 10k docs"] == "met" and good["re-parses on warm start"] == "met"
    assert good["dashboard filter + figures, 1M events"] == "not measured"
    bad = {t[0]: t[3] for t in report.targets(_result(200, 12, 3.5, 4))}
    assert set(bad[k] for k in ("speed vs baseline (same docs, same run)", "parse rate, 1 core (10k docs)",
                                "warm start, 10k docs", "re-parses on warm start")) == {"NOT met"}


@pytest.mark.slow
def test_runner_end_to_end_on_a_tiny_corpus(tmp_path: Path) -> None:
    out = tmp_path / "BENCH.md"
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", "3", "--workers", "1,2", "--baseline-sample", "3",
         "--cache-size", "4", "--dashboard-sizes", "2000", "--dask-size", "3", "--warm-size", "4",
         "--store-sizes", "2000", "--repeats", "1", "--work", str(tmp_path / "work"),
         "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    text = out.read_text()
    for heading in ("## Machine", "## Parse throughput", "## Baseline", "## Parsed-table cache",
                    "## Dashboard data path", "## Dask engine vs process engine", "## Parse cache on 4 tiny files",
                    "## DuckDB store", "## Targets"):
        assert heading in text
    assert "| 3 | 2 |" in text  # the 2-worker row
    assert re.search(r"warm \(nothing changed\) \| [\d.]+ \| 0 \|", text)  # no re-parse on warm start
    results = pd.read_json(tmp_path / "work" / "results.json", typ="series")
    assert results["cache"]["incremental"]["parsed_in_process"] == 1  # 1 of 4 files edited
    assert results["dask"]["identical"] is True
    assert all(w["warm"]["files_read"] == 0 and w["identical"] for w in results["warm"].values())


def test_scale_targets_are_judged_from_the_figures() -> None:
    def warm(seconds: float, read: int, ratio: float) -> dict:
        return {"n": 10_000, "warm": {"seconds": seconds, "files_read": read}, "cold_ratio": ratio}

    def store(n: int, seconds: float) -> dict:
        return {"events": n, "interactions": {"a": {"build_s": seconds}, "b": {"build_s": seconds / 2}}}

    good = {t[0]: t[3] for t in report.targets({"warm": {"tiny files": warm(0.4, 0, 1.1)},
                                                "store": [store(1_000_000, 0.15), store(10_000_000, 1.2)]})}
    assert {good["warm start, 10k tiny files"], good["files read on warm start (tiny files)"],
            good["cold cache / plain parse (tiny files)"], good["store filter + figures, 1M events"],
            good["store filter + figures, 10M events"]} == {"met"}
    bad = {t[0]: t[3] for t in report.targets({"warm": {"tiny files": warm(0.9, 3, 2.0)},
                                               "store": [store(1_000_000, 0.3)]})}
    assert {bad["warm start, 10k tiny files"], bad["files read on warm start (tiny files)"],
            bad["cold cache / plain parse (tiny files)"], bad["store filter + figures, 1M events"]} == {"NOT met"}
