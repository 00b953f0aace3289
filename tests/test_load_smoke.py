"""Smoke tests of bench/load.py: a tiny run reports its figures and no errors (no timing claims)."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench import load

KEYS = ("mode", "sessions", "seconds", "interactions", "ok", "errors", "median_s", "p95_s",
        "rerun_median_s", "by_kind")


def _check(res: dict, mode: str, sessions: int) -> None:
    assert all(k in res for k in KEYS), sorted(res)
    assert res["mode"] == mode and res["sessions"] == sessions
    assert res["errors"] == 0, res["error_samples"]
    assert res["interactions"] >= sessions and res["ok"] == res["interactions"]
    assert 0 < res["median_s"] <= res["p95_s"] <= res["max_s"]
    assert sum(v["n"] for v in res["by_kind"].values()) == res["ok"]
    text = load.report(res)
    assert f"{sessions} sessions" in text and "p95" in text and "errors 0" in text


def test_percentile_and_row_count_helpers():
    assert load.percentile([], 95) is None
    assert load.percentile([3.0], 95) == 3.0
    assert load.percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert load.percentile([0.0, 10.0], 95) == pytest.approx(9.5)
    # a quoted cell holding a line break is one row, not two
    assert load.csv_rows(b'id,text\r\n1,"a\r\nb"\r\n2,c\r\n') == 2
    assert load.csv_rows(b"id,text\r\n") == 0
    assert load._announced("positions.csv (1,234 rows)") == 1234


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        load.run_load(sessions=0, seconds=1)
    with pytest.raises(ValueError):
        load.run_load(sessions=1, seconds=1, mode="carrier-pigeon")


def test_apptest_mode_smoke():
    res = load.run_load(sessions=2, seconds=3, mode="apptest")
    _check(res, "apptest", 2)


@pytest.mark.browser
def test_browser_mode_smoke():
    if not Path(load.CHROMIUM).exists():
        pytest.skip(f"{load.CHROMIUM} is missing")
    pytest.importorskip("playwright.async_api")
    res = load.run_load(sessions=1, seconds=3, mode="browser")
    _check(res, "browser", 1)
    assert res["page_load_median_s"] > 0 and res["download_median_s"] > 0
