"""The dashboard in a real headless browser: map shapes drawn offline, a filter, a CSV download.

Also records the browser console (no failed requests, no errors) and saves the screenshot the
README shows (docs/screenshot.png, plus a copy in the test's tmp folder).
"""
from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest

from dashboard.filters import Filters, filter_tables
from tests.browser.conftest import ROOT, wait_idle

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1500, "height": 3500}  # Streamlit scrolls an inner box: use a tall page
WAIT_MS = 90_000
FROM = "2019-01-01"


def _expected_view(folder: Path, f: Filters):
    from stance import parse_corpus

    from dashboard.loading import article_paths
    from dashboard.model import prepare

    return filter_tables(prepare(parse_corpus(article_paths(folder))), f)


def _count(page, selector: str) -> int:
    return page.locator(selector).count()


def _wait_for_count(page, selector: str, more_than: int) -> int:
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length > n", arg=[selector, more_than],
        timeout=WAIT_MS)
    return _count(page, selector)


def test_dashboard_in_chromium(app_url, browser, articles_copy, tmp_path):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    page = context.new_page()
    console, failed, bad_status = [], [], []
    page.on("console", lambda m: console.append((m.type, m.text)))
    page.on("pageerror", lambda e: console.append(("pageerror", str(e))))
    page.on("requestfailed", lambda r: failed.append((r.url, r.failure)))
    page.on("response", lambda r: bad_status.append((r.url, r.status))
            if r.status >= 400 else None)
    try:
        # open a shared link (dates from 2019 on), as a user would
        page.goto(f"{app_url}/?from={FROM}", wait_until="domcontentloaded", timeout=WAIT_MS)
        page.get_by_text("World map").first.wait_for(timeout=WAIT_MS)

        # map: shapes served from static/topojson (no CDN), named positions drawn
        shapes = _wait_for_count(page, "path.choroplethlocation", 0)
        assert shapes >= 3, shapes
        # timeline: marks drawn (points for days, bars for months / years)
        marks = _count(page, ".js-plotly-plot .scatterlayer .point") + _count(
            page, ".js-plotly-plot .barlayer .point")
        assert marks > 0

        # apply a filter: include implied bloc members -> the 50 roster countries appear
        sidebar = page.get_by_test_id("stSidebarUserContent")
        sidebar.get_by_text("Include implied bloc members", exact=True).click()
        shapes_after = _wait_for_count(page, "path.choroplethlocation", shapes + 20)
        wait_idle(page)
        assert shapes_after >= 50, shapes_after
        page.wait_for_function(r"() => /[?&]implied=1/.test(location.href)", timeout=WAIT_MS)
        assert re.search(r"[?&]implied=1", page.url), page.url
        assert f"from={FROM}" in page.url, page.url

        # download the filtered positions and compare with the same filter in Python
        expected = _expected_view(articles_copy,
                                  Filters(date_from=FROM, include_implied=True)).positions
        button = page.get_by_role("button", name=re.compile(r"^positions\.csv"))
        with page.expect_download(timeout=WAIT_MS) as info:
            button.click()
        saved = tmp_path / "positions.csv"
        info.value.save_as(saved)
        rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
        assert len(rows) == len(expected)
        assert [r["position_id"] for r in rows] == expected["position_id"].tolist()
        assert any(r["basis"] == "roster" for r in rows)
        assert all(re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", r["date"]) for r in rows)

        # screenshot for the README (tall viewport instead of full_page: inner scrolling)
        page.evaluate("() => document.querySelectorAll('*').forEach("
                      "e => { if (e.scrollTop) e.scrollTop = 0; })")  # the download scrolled
        page.mouse.move(5, 5)
        page.wait_for_timeout(800)
        shot = tmp_path / "screenshot.png"
        page.screenshot(path=str(shot))
        shutil.copy(shot, ROOT / "docs" / "screenshot.png")
        assert shot.stat().st_size > 50_000
    finally:
        context.close()

    assert not failed, failed
    assert not bad_status, bad_status
    errors = [c for c in console if c[0] in ("error", "pageerror")]
    assert not errors, errors
